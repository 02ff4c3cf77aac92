package io.github.dl4jschedules.examples.run;

import io.github.dl4jschedules.training.ModelAdapter;

import java.util.ArrayList;
import java.util.List;

/**
 * The epoch loop of every way the examples train: one network ({@link TrainingRun}), the SameDiff
 * engine, DL4J's ParallelWrapper ({@code parallel}) and Spark. Each epoch the observer hears of its
 * start, the engine gets ready (iterators, the epoch's sums; not timed), trains one pass over the
 * training data (timed), and the epoch's result goes to the observer. What differs between engines is
 * their {@link Epoch}: how they fit, and where the loss and the rate come from (a listener on the one
 * network, the workers' listeners, or the score Spark brings back to the driver).
 */
public final class EpochLoop {

    private EpochLoop() {
    }

    /** One engine's epoch. */
    public interface Epoch {

        /** Before the timed pass: resets the training iterator and the epoch's sums; nothing by default. */
        default void prepare() {
        }

        /** Trains one pass over the training data. */
        void fit();

        /**
         * The result of the pass just trained: its training loss, the test accuracy after it, its last rate.
         *
         * @param epoch   the epoch, from 1
         * @param seconds the pass's wall time
         */
        EpochResult result(int epoch, double seconds);
    }

    /**
     * Trains epochs {@code first} to {@code last}.
     *
     * @param batches  the training mini-batches of an epoch, for the observer's progress
     * @param epoch    the engine's epoch
     * @param observer told of each epoch's start and result
     * @return one result per epoch
     */
    public static List<EpochResult> run(int first, int last, int batches, Epoch epoch, TrainingRun.Observer observer) {
        List<EpochResult> results = new ArrayList<>();
        for (int number = first; number <= last; number++) {
            observer.epochStarted(number, batches);
            epoch.prepare();
            long start = System.nanoTime();
            epoch.fit();
            double seconds = (System.nanoTime() - start) / 1e9;
            EpochResult result = epoch.result(number, seconds);
            results.add(result);
            observer.epochDone(result);
        }
        return results;
    }

    /** The accuracy of {@code model} on all of {@code data}'s test batches; NaN without test data. */
    public static double testAccuracy(ModelAdapter model, TrainingData data) {
        if (data.testSize() == 0) {
            return Double.NaN;
        }
        data.test().reset();
        return model.evaluate(data.test()).accuracy();
    }
}
