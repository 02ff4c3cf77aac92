package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import io.github.dl4jschedules.spec.ValueType;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Arrays;
import java.util.Objects;

/**
 * Multiply the rate by {@code factor} at each milestone:
 * <pre>
 * alpha(n) = lr * factor^j,   j = number of at[i] &lt;= n
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code at} strictly increasing milestones.
 * Matches PyTorch's {@code MultiStepLR(milestones=at, gamma=factor)}.
 *
 * <p>Example: {@code multistep(lr=0.1, factor=0.1, at=[3, 6], unit=epoch)} gives 0.1 on epochs 0-2,
 * 0.01 on 3-5 and 0.001 from 6.
 */
public final class MultiStepDecay extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code multistep(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<MultiStepDecay> SPEC = ScheduleDefinition
            .of("multistep", MultiStepDecay.class, "lr * factor^(number of at[i] <= n)")
            .number("lr", MultiStepDecay::lr)
            .number("factor", 0.1, MultiStepDecay::factor)
            .parameter("at", ValueType.INTEGER_LIST, null, MultiStepDecay::at)
            .unit(MultiStepDecay::unit)
            .build(a -> new MultiStepDecay(a.number("lr"), a.number("factor"), a.integers("at"), a.unit()));

    /** The {@code lr} parameter: initial rate, finite and {@code >= 0}. */
    private final double lr;
    /** The {@code factor} parameter: multiplier at each milestone, in (0, 1]. */
    private final double factor;
    /** The {@code at} parameter: milestones, strictly increasing integers {@code >= 0} (copied). */
    private final int[] at;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;

    /**
     * @param lr     initial rate, finite and {@code >= 0}
     * @param factor multiplier at each milestone, in (0, 1]
     * @param at     milestones, strictly increasing integers {@code >= 0} (copied)
     * @param unit   the counter
     */
    @JsonCreator
    public MultiStepDecay(@JsonProperty("lr") @JsonDeserialize(using = StrictJson.Real.class) double lr,
                          @JsonProperty("factor") @JsonDeserialize(using = StrictJson.Real.class) double factor,
                          @JsonProperty("at") @JsonDeserialize(using = StrictJson.Wholes.class) int[] at,
                          @JsonProperty("unit") ScheduleType unit) {
        Check check = Check.of("multistep");
        this.lr = check.rate("lr", lr);
        this.factor = check.factor("factor", factor);
        this.at = check.boundaries("at", at);
        this.unit = check.notNull("unit", unit);
    }

    /** @return the {@code lr} parameter: initial rate, finite and {@code >= 0} */
    public double lr() {
        return lr;
    }

    /** @return the {@code factor} parameter: multiplier at each milestone, in (0, 1] */
    public double factor() {
        return factor;
    }

    /** {@return the milestones (a copy)} */
    public int[] at() {
        return at.clone();
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    @Override
    public double valueAt(long n) {
        return lr * Math.pow(factor, Boundaries.passed(at, n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiStepDecay other && Double.compare(lr, other.lr) == 0
                && Double.compare(factor, other.factor) == 0 && Arrays.equals(at, other.at) && unit == other.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lr, factor, Arrays.hashCode(at), unit);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
