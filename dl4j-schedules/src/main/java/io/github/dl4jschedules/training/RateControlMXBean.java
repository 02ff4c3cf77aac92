package io.github.dl4jschedules.training;

/**
 * The rate controller as seen in {@code jconsole} or VisualVM (MBeans tab,
 * {@code io.github.dl4jschedules:type=RateController}). Attributes read the live state; operations
 * queue a {@link RateCommand}, applied between iterations.
 */
public interface RateControlMXBean {

    /** The rate of the next update (first trainable layer). Setting it is the {@code set} command. */
    double getLearningRate();

    void setLearningRate(double rate);

    /** The current adjustment, e.g. "schedule x0.5". */
    String getAdjustment();

    int getIteration();

    int getEpoch();

    /** The {@code factor} command. */
    void multiplyLearningRate(double factor);

    /** The {@code fixed} command. */
    void fixLearningRate(double rate);

    /** The {@code schedule} command. */
    void resumeSchedule();

    /** The {@code cooldown N} command: a {@code wsd} schedule cools down over {@code steps} from the next update. */
    void coolDown(int steps);

    /** The last applied change, or an empty string. */
    String getLastChange();
}
