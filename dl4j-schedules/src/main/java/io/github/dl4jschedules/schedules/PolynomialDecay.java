package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Objects;

/**
 * Polynomial decay from {@code lr} to {@code end} over {@code steps}, optionally restarting:
 * <pre>
 * cycle = false:  alpha(n) = (lr - end) * (1 - min(n, S) / S)^power + end,   S = steps
 *                 (holds end for n &gt;= steps)
 * cycle = true:   the same with S = steps * max(1, ceil(n / steps)), so the decay restarts from
 *                 a lower height at every multiple of steps + 1 and reaches end at each multiple
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code lr} the start, {@code end} the end value,
 * {@code 0 <= end <= lr}; {@code power > 0} the exponent ({@code 1} is a straight line);
 * {@code S} the decay length. At {@code n = 0} the multiplier is 1 in both forms.
 * Matches Keras' {@code PolynomialDecay(lr, decay_steps=steps, end_learning_rate=end, power, cycle)}
 * and Optax's {@code polynomial_schedule} (without {@code cycle}); PyTorch's
 * {@code PolynomialLR(total_iters=steps, power)} is the case {@code end = 0}.
 *
 * <p>Example: {@code polynomial(lr=0.1, end=0.01, steps=4, power=2)} gives 0.1, 0.060625, 0.0325,
 * 0.015625, 0.01 on steps 0-4 and 0.01 from then on; with {@code cycle=true} step 5 gives 0.02265625.
 */
public final class PolynomialDecay extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code polynomial(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<PolynomialDecay> SPEC = ScheduleDefinition
            .of("polynomial", PolynomialDecay.class, "(lr-end)*(1-min(n,S)/S)^power + end")
            .number("lr", PolynomialDecay::lr)
            .number("end", 0.0, PolynomialDecay::end)
            .integer("steps", PolynomialDecay::steps)
            .number("power", 1.0, PolynomialDecay::power)
            .bool("cycle", false, PolynomialDecay::cycle)
            .unit(PolynomialDecay::unit)
            .build(a -> new PolynomialDecay(a.number("lr"), a.number("end"), a.integer("steps"),
                    a.number("power"), a.bool("cycle"), a.unit()));

    /** The {@code lr} parameter: initial rate, finite and {@code >= 0}. */
    private final double lr;
    /** The {@code end} parameter: final rate, finite, {@code 0 <= end <= lr}. */
    private final double end;
    /** The {@code steps} parameter: decay length, {@code > 0}. */
    private final int steps;
    /** The {@code power} parameter: exponent, finite and {@code > 0}. */
    private final double power;
    /** The {@code cycle} parameter: restart the decay after each {@code steps} (Keras' {@code cycle}). */
    private final boolean cycle;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;

    /**
     * @param lr    initial rate, finite and {@code >= 0}
     * @param end   final rate, finite, {@code 0 <= end <= lr}
     * @param steps decay length, {@code > 0}
     * @param power exponent, finite and {@code > 0}
     * @param cycle restart the decay after each {@code steps} (Keras' {@code cycle})
     * @param unit  the counter
     */
    @JsonCreator
    public PolynomialDecay(@JsonProperty("lr") @JsonDeserialize(using = StrictJson.Real.class) double lr,
                           @JsonProperty("end") @JsonDeserialize(using = StrictJson.Real.class) double end,
                           @JsonProperty("steps") @JsonDeserialize(using = StrictJson.Whole.class) int steps,
                           @JsonProperty("power") @JsonDeserialize(using = StrictJson.Real.class) double power,
                           @JsonProperty("cycle") boolean cycle,
                           @JsonProperty("unit") ScheduleType unit) {
        Check check = Check.of("polynomial");
        this.lr = check.rate("lr", lr);
        this.end = check.rate("end", end);
        check.require(end <= lr, "end", "<= lr (" + lr + ")", end);
        this.steps = check.positive("steps", steps);
        this.power = check.positive("power", power);
        this.cycle = cycle;
        this.unit = check.notNull("unit", unit);
    }

    /**
     * A straight line from {@code lr} to 0 over {@code steps}, then 0.
     *
     * @param lr initial rate, finite and {@code >= 0}
     * @param steps decay length, {@code > 0}
     * @param unit the counter
     */
    public PolynomialDecay(double lr, int steps, ScheduleType unit) {
        this(lr, 0, steps, 1, false, unit);
    }

    /** @return the {@code lr} parameter: initial rate, finite and {@code >= 0} */
    public double lr() {
        return lr;
    }

    /** @return the {@code end} parameter: final rate, finite, {@code 0 <= end <= lr} */
    public double end() {
        return end;
    }

    /** @return the {@code steps} parameter: decay length, {@code > 0} */
    public int steps() {
        return steps;
    }

    /** @return the {@code power} parameter: exponent, finite and {@code > 0} */
    public double power() {
        return power;
    }

    /** @return the {@code cycle} parameter: restart the decay after each {@code steps} (Keras' {@code cycle}) */
    public boolean cycle() {
        return cycle;
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    @Override
    public double valueAt(long n) {
        long length = steps;
        if (cycle) {
            length = steps * Math.max(1, (n + steps - 1) / steps);
        }
        double fraction = (double) Math.min(n, length) / length;
        return (lr - end) * Math.pow(1 - fraction, power) + end;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolynomialDecay other && Double.compare(lr, other.lr) == 0
                && Double.compare(end, other.end) == 0 && steps == other.steps
                && Double.compare(power, other.power) == 0 && cycle == other.cycle && unit == other.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lr, end, steps, power, cycle, unit);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
