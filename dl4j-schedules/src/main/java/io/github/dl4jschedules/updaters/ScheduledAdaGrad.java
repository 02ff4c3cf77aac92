package io.github.dl4jschedules.updaters;

import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * ND4J's {@link AdaGrad} with a rate schedule that survives {@link #clone()}.
 *
 * <p>In ND4J 1.0.0-M2.1, {@code AdaGrad.clone()} returns {@code new AdaGrad(learningRate, epsilon)}
 * and drops the schedule; DL4J clones the updater into every layer, so a network configured with
 * {@code new AdaGrad(schedule)} trains with a rate of NaN (the learning rate field holds NaN when a
 * schedule is given). This subclass clones with its schedule and is otherwise the same updater:
 * <pre>{@code .updater(new ScheduledAdaGrad(Schedules.parse("inverse-time(lr=0.1, decay=0.5, unit=epoch)")))}</pre>
 * It serialises in DL4J's JSON under its own class name.
 */
public class ScheduledAdaGrad extends AdaGrad {

    private static final long serialVersionUID = 1L;

    /**
     * @param learningRateSchedule the rate schedule, not null
     * @param epsilon              AdaGrad's epsilon
     */
    @JsonCreator
    public ScheduledAdaGrad(@JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                            @JsonProperty("epsilon") double epsilon) {
        super(Objects.requireNonNull(learningRateSchedule, "learningRateSchedule must not be null"), epsilon);
    }

    /**
     * With AdaGrad's default epsilon.
     *
     * @param learningRateSchedule the rate schedule, not null
     */
    public ScheduledAdaGrad(ISchedule learningRateSchedule) {
        this(learningRateSchedule, DEFAULT_ADAGRAD_EPSILON);
    }

    @Override
    public ScheduledAdaGrad clone() {
        return new ScheduledAdaGrad(getLearningRateSchedule(), getEpsilon());
    }
}
