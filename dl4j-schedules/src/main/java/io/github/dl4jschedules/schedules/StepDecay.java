package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Objects;

/**
 * The lecture's discrete staircase: keep the rate for {@code every} steps, then multiply it by
 * {@code factor}, and again.
 * <pre>
 * alpha(n) = lr * factor^floor((n + first) / every)
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code factor} in (0, 1] (0.5 halves the rate);
 * {@code first} shifts the count. Matches PyTorch's {@code StepLR(step_size=every, gamma=factor)}.
 *
 * <p>Example: {@code step(lr=0.1, factor=0.5, every=2, unit=epoch)} gives 0.1, 0.1, 0.05, 0.05, 0.025
 * on epochs 0-4.
 */
public final class StepDecay extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code step(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<StepDecay> SPEC = ScheduleDefinition
            .of("step", StepDecay.class, "lr * factor^floor(m/every)")
            .number("lr", StepDecay::lr)
            .number("factor", 0.5, StepDecay::factor)
            .integer("every", StepDecay::every)
            .unit(StepDecay::unit)
            .integer("first", 0, StepDecay::first)
            .build(a -> new StepDecay(a.number("lr"), a.number("factor"), a.integer("every"), a.unit(),
                    a.integer("first")));

    /** The {@code lr} parameter: initial rate, finite and {@code >= 0}. */
    private final double lr;
    /** The {@code factor} parameter: multiplier at each step of the staircase, in (0, 1]. */
    private final double factor;
    /** The {@code every} parameter: steps per stair, {@code > 0}. */
    private final int every;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;
    /** The {@code first} parameter: added to the counter, {@code >= 0}. */
    private final int first;

    /**
     * @param lr     initial rate, finite and {@code >= 0}
     * @param factor multiplier at each step of the staircase, in (0, 1]
     * @param every  steps per stair, {@code > 0}
     * @param unit   the counter
     * @param first  added to the counter, {@code >= 0}
     */
    @JsonCreator
    public StepDecay(@JsonProperty("lr") @JsonDeserialize(using = StrictJson.Real.class) double lr,
                     @JsonProperty("factor") @JsonDeserialize(using = StrictJson.Real.class) double factor,
                     @JsonProperty("every") @JsonDeserialize(using = StrictJson.Whole.class) int every,
                     @JsonProperty("unit") ScheduleType unit,
                     @JsonProperty("first") @JsonDeserialize(using = StrictJson.Whole.class) int first) {
        Check check = Check.of("step");
        this.lr = check.rate("lr", lr);
        this.factor = check.factor("factor", factor);
        this.every = check.positive("every", every);
        this.unit = check.notNull("unit", unit);
        this.first = check.nonNegative("first", first);
    }

    /**
     * {@code lr * factor^floor(n / every)}, counting from 0.
     *
     * @param lr initial rate, finite and {@code >= 0}
     * @param factor multiplier at each step of the staircase, in (0, 1]
     * @param every steps per stair, {@code > 0}
     * @param unit the counter
     */
    public StepDecay(double lr, double factor, int every, ScheduleType unit) {
        this(lr, factor, every, unit, 0);
    }

    /** @return the {@code lr} parameter: initial rate, finite and {@code >= 0} */
    public double lr() {
        return lr;
    }

    /** @return the {@code factor} parameter: multiplier at each step of the staircase, in (0, 1] */
    public double factor() {
        return factor;
    }

    /** @return the {@code every} parameter: steps per stair, {@code > 0} */
    public int every() {
        return every;
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    /** @return the {@code first} parameter: added to the counter, {@code >= 0} */
    public int first() {
        return first;
    }

    @Override
    public double valueAt(long n) {
        return lr * Math.pow(factor, Math.floorDiv(n + first, every));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepDecay other && Double.compare(lr, other.lr) == 0
                && Double.compare(factor, other.factor) == 0 && every == other.every && unit == other.unit
                && first == other.first;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lr, factor, every, unit, first);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
