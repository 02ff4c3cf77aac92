package io.github.dl4jschedules.training;

/**
 * The rate controller as seen in {@code jconsole} or VisualVM (MBeans tab,
 * {@code io.github.dl4jschedules:type=RateController}). Attributes read the live state; operations
 * queue a {@link RateCommand}, applied between iterations.
 */
public interface RateControlMXBean {

    /** {@return the rate of the next update (first trainable layer)} Setting it is the {@code set} command. */
    double getLearningRate();

    /**
     * The {@code set} command: the rate becomes {@code rate} and the schedule's shape goes on from there.
     *
     * @param rate the new rate, finite and {@code >= 0}
     */
    void setLearningRate(double rate);

    /** {@return the current adjustment, e.g. "schedule x0.5"} */
    String getAdjustment();

    /** {@return the iteration counter of the next update} */
    int getIteration();

    /** {@return the epoch counter of the next update} */
    int getEpoch();

    /**
     * The {@code factor} command.
     *
     * @param factor the multiplier, finite and {@code > 0}
     */
    void multiplyLearningRate(double factor);

    /**
     * The {@code fixed} command.
     *
     * @param rate the fixed rate, finite and {@code >= 0}
     */
    void fixLearningRate(double rate);

    /** The {@code schedule} command. */
    void resumeSchedule();

    /**
     * The {@code cooldown N} command: a {@code wsd} schedule cools down over {@code steps} from the next update.
     *
     * @param steps the cooldown's length, {@code > 0}
     */
    void coolDown(int steps);

    /** {@return the last applied change, or an empty string} */
    String getLastChange();
}
