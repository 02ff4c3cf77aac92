package io.github.dl4jschedules.examples.run;

/**
 * Mean loss and last applied rate of the current epoch, whatever trains the network: the engine's
 * listener reports each update with {@link #record}, which also passes it on to the run's observer.
 * <pre>
 * meanLoss = (loss_1 + ... + loss_k) / k    over the k updates since the last reset()
 * </pre>
 */
public final class EpochStatistics {
    private final TrainingRun.Observer observer;
    private double lossSum;
    private int iterations;
    private double lastRate = Double.NaN;

    /**
     * @param observer told of every update
     */
    public EpochStatistics(TrainingRun.Observer observer) {
        this.observer = observer;
    }

    /** Starts a new epoch's sums (the last rate stays until the next update). */
    public void reset() {
        lossSum = 0;
        iterations = 0;
    }

    /**
     * Counts one update and tells the observer.
     *
     * @param iteration the update's iteration
     * @param loss      the mini-batch's loss before the update
     * @param rate      the rate the update applied
     */
    public void record(int iteration, double loss, double rate) {
        lastRate = rate;
        lossSum += loss;
        iterations++;
        observer.iterationDone(iteration, loss, rate);
    }

    /** {@return the mean loss of the updates since the last reset} */
    public double meanLoss() {
        return lossSum / iterations;
    }

    /** {@return the rate of the last update, NaN before the first} */
    public double lastRate() {
        return lastRate;
    }
}
