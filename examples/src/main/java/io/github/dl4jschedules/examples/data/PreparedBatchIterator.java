package io.github.dl4jschedules.examples.data;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * A {@link DataSetIterator} over mini-batches built beforehand: each epoch hands out the same
 * {@link DataSet} objects, optionally in a new order per epoch. Nothing is merged or copied per
 * epoch (unless a pre-processor is set: it is applied to a copy, so the prepared batches are never
 * processed twice).
 *
 * <p>The batches handed out are shared: callers must not modify them in place.
 */
public final class PreparedBatchIterator implements DataSetIterator {

    private static final long serialVersionUID = 1L;

    private final List<DataSet> batches;
    private final int batchSize;
    private final int inputColumns;
    private final int totalOutcomes;
    private final Random shuffle;
    private final int[] order;
    private int cursor;
    private DataSetPreProcessor preProcessor;

    /**
     * @param batches       the prepared batches, in the order of the first epoch
     * @param batchSize     the nominal batch size (what {@link #batch()} reports)
     * @param inputColumns  features per example
     * @param totalOutcomes classes
     * @param shuffle       if not null, draws a new batch order at every {@link #reset()}
     */
    public PreparedBatchIterator(List<DataSet> batches, int batchSize, int inputColumns, int totalOutcomes,
                                 Random shuffle) {
        this.batches = List.copyOf(batches);
        this.batchSize = batchSize;
        this.inputColumns = inputColumns;
        this.totalOutcomes = totalOutcomes;
        this.shuffle = shuffle;
        this.order = new int[this.batches.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    /** The number of batches per epoch. */
    public int numBatches() {
        return batches.size();
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more batches in this epoch; call reset()");
        }
        DataSet batch = batches.get(order[cursor++]);
        if (preProcessor != null) {
            batch = batch.copy();
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    /** Not supported: the batches are prepared with a fixed size. */
    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("the batches are prepared with size " + batchSize);
    }

    @Override
    public int inputColumns() {
        return inputColumns;
    }

    @Override
    public int totalOutcomes() {
        return totalOutcomes;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** False: the data is in memory already, a prefetching thread would only add overhead. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** Rewinds to the first batch; with shuffling, draws a new batch order first. */
    @Override
    public void reset() {
        cursor = 0;
        if (shuffle != null) {
            int[] permutation = MnistData.permutation(order.length, shuffle);
            System.arraycopy(permutation, 0, order, 0, order.length);
        }
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        List<String> labels = new ArrayList<>(totalOutcomes);
        for (int i = 0; i < totalOutcomes; i++) {
            labels.add(Integer.toString(i));
        }
        return labels;
    }
}
