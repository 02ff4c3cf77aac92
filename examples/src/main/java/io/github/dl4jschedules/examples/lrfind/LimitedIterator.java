package io.github.dl4jschedules.examples.lrfind;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Training batches for a range test: hands out at most {@code limit} batches over all epochs, and none
 * after {@link #stop()}. DL4J's {@code fit} ends an epoch when {@code hasNext()} is false, so the test
 * ends at its iteration budget, or as soon as the loss diverges, without changing the training loop.
 * Not asynchronous, so no prefetching thread reads ahead of a stop.
 */
final class LimitedIterator implements DataSetIterator {

    private static final long serialVersionUID = 1L;

    private final DataSetIterator batches;
    private final int limit;
    private int served;
    private boolean stopped;

    /**
     * @param batches the training batches, reset every epoch
     * @param limit   batches to hand out in all
     */
    LimitedIterator(DataSetIterator batches, int limit) {
        this.batches = batches;
        this.limit = limit;
    }

    /** Hands out no more batches. */
    void stop() {
        stopped = true;
    }

    @Override
    public boolean hasNext() {
        return !stopped && served < limit && batches.hasNext();
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the range test's batches are used up or it was stopped");
        }
        served++;
        return batches.next();
    }

    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("batches have a fixed size");
    }

    @Override
    public int inputColumns() {
        return batches.inputColumns();
    }

    @Override
    public int totalOutcomes() {
        return batches.totalOutcomes();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** Starts the next epoch of the underlying batches; the count and the stop carry over. */
    @Override
    public void reset() {
        batches.reset();
    }

    @Override
    public int batch() {
        return batches.batch();
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        batches.setPreProcessor(preProcessor);
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return batches.getPreProcessor();
    }

    @Override
    public List<String> getLabels() {
        return batches.getLabels();
    }
}
