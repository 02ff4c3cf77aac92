package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Objects;

/**
 * A straight line from {@code from} to {@code to} over {@code steps}, rising or falling, then constant:
 * <pre>
 * alpha(n) = from + (to - from) * n / S    for n &lt; S = steps
 * alpha(n) = to                            for n &gt;= steps (exactly to, free of rounding)
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code from}, {@code to} finite rates {@code >= 0}.
 * Matches Optax's {@code linear_schedule(init_value=from, end_value=to, transition_steps=steps)} and
 * PyTorch's {@code LinearLR(start_factor=from/lr, end_factor=to/lr, total_iters=steps)}.
 *
 * <p>Example: {@code linear(from=0.1, to=0.01, steps=3)} gives 0.1, 0.07, 0.04, 0.01 on steps 0-3
 * and 0.01 from then on.
 */
public final class LinearRamp extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code linear(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<LinearRamp> SPEC = ScheduleDefinition
            .of("linear", LinearRamp.class, "from + (to-from)*min(n,S)/S")
            .number("from", LinearRamp::from)
            .number("to", LinearRamp::to)
            .integer("steps", LinearRamp::steps)
            .unit(LinearRamp::unit)
            .build(a -> new LinearRamp(a.number("from"), a.number("to"), a.integer("steps"), a.unit()));

    /** The {@code from} parameter: rate at {@code n = 0}, finite and {@code >= 0}. */
    private final double from;
    /** The {@code to} parameter: rate from {@code n = steps} on, finite and {@code >= 0}. */
    private final double to;
    /** The {@code steps} parameter: ramp length, {@code > 0}. */
    private final int steps;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;

    /**
     * @param from  rate at {@code n = 0}, finite and {@code >= 0}
     * @param to    rate from {@code n = steps} on, finite and {@code >= 0}
     * @param steps ramp length, {@code > 0}
     * @param unit  the counter
     */
    @JsonCreator
    public LinearRamp(@JsonProperty("from") @JsonDeserialize(using = StrictJson.Real.class) double from,
                      @JsonProperty("to") @JsonDeserialize(using = StrictJson.Real.class) double to,
                      @JsonProperty("steps") @JsonDeserialize(using = StrictJson.Whole.class) int steps,
                      @JsonProperty("unit") ScheduleType unit) {
        Check check = Check.of("linear");
        this.from = check.rate("from", from);
        this.to = check.rate("to", to);
        this.steps = check.positive("steps", steps);
        this.unit = check.notNull("unit", unit);
    }

    /** @return the {@code from} parameter: rate at {@code n = 0}, finite and {@code >= 0} */
    public double from() {
        return from;
    }

    /** @return the {@code to} parameter: rate from {@code n = steps} on, finite and {@code >= 0} */
    public double to() {
        return to;
    }

    /** @return the {@code steps} parameter: ramp length, {@code > 0} */
    public int steps() {
        return steps;
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    @Override
    public double valueAt(long n) {
        if (n >= steps) {
            return to;
        }
        return from + (to - from) * ((double) n / steps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearRamp other && Double.compare(from, other.from) == 0
                && Double.compare(to, other.to) == 0 && steps == other.steps && unit == other.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, steps, unit);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
