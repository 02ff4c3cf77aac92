package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Objects;

/**
 * Exponential decay, the lecture's {@code 0.95^epoch * alpha0}:
 * <pre>
 * alpha(n) = max(min, lr * rate^tau),   tau = (n + first) / period   (floored when staircase)
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code rate} the base, in (0, 1]; {@code min} a floor,
 * {@code 0 <= min <= lr}. Matches Keras' {@code ExponentialDecay(lr, decay_steps=period,
 * decay_rate=rate, staircase)} and, with {@code period=1}, PyTorch's {@code ExponentialLR(gamma=rate)}.
 *
 * <p>Example: {@code exponential(lr=0.1, rate=0.95, unit=epoch)} gives 0.1, 0.095, 0.09025 on epochs 0-2.
 */
public final class ExponentialDecay extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code exponential(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<ExponentialDecay> SPEC = ScheduleDefinition
            .of("exponential", ExponentialDecay.class, "max(min, lr * rate^tau)")
            .number("lr", ExponentialDecay::lr)
            .number("rate", ExponentialDecay::rate)
            .unit(ExponentialDecay::unit)
            .integer("period", 1, ExponentialDecay::period)
            .bool("staircase", false, ExponentialDecay::staircase)
            .integer("first", 0, ExponentialDecay::first)
            .number("min", 0.0, ExponentialDecay::min)
            .build(a -> new ExponentialDecay(a.number("lr"), a.number("rate"), a.unit(), a.integer("period"),
                    a.bool("staircase"), a.integer("first"), a.number("min")));

    /** The {@code lr} parameter: initial rate, finite and {@code >= 0}. */
    private final double lr;
    /** The {@code rate} parameter: base of the power, in (0, 1]. */
    private final double rate;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;
    /** The {@code period} parameter: counter steps per unit of tau, {@code > 0}. */
    private final int period;
    /** The {@code staircase} parameter: floor tau to whole periods. */
    private final boolean staircase;
    /** The {@code first} parameter: added to the counter, {@code >= 0}. */
    private final int first;
    /** The {@code min} parameter: floor of the rate, {@code 0 <= min <= lr}. */
    private final double min;

    /**
     * @param lr        initial rate, finite and {@code >= 0}
     * @param rate      base of the power, in (0, 1]
     * @param unit      the counter
     * @param period    counter steps per unit of tau, {@code > 0}
     * @param staircase floor tau to whole periods
     * @param first     added to the counter, {@code >= 0}
     * @param min       floor of the rate, {@code 0 <= min <= lr}
     */
    @JsonCreator
    public ExponentialDecay(@JsonProperty("lr") @JsonDeserialize(using = StrictJson.Real.class) double lr,
                            @JsonProperty("rate") @JsonDeserialize(using = StrictJson.Real.class) double rate,
                            @JsonProperty("unit") ScheduleType unit,
                            @JsonProperty("period") @JsonDeserialize(using = StrictJson.Whole.class) int period,
                            @JsonProperty("staircase") boolean staircase,
                            @JsonProperty("first") @JsonDeserialize(using = StrictJson.Whole.class) int first,
                            @JsonProperty("min") @JsonDeserialize(using = StrictJson.Real.class) double min) {
        Check check = Check.of("exponential");
        this.lr = check.rate("lr", lr);
        this.rate = check.factor("rate", rate);
        this.unit = check.notNull("unit", unit);
        this.period = check.positive("period", period);
        this.staircase = staircase;
        this.first = check.nonNegative("first", first);
        this.min = check.rate("min", min);
        check.require(min <= lr, "min", "<= lr (" + lr + ")", min);
    }

    /**
     * {@code lr * rate^n}, counting from 0, no floor.
     *
     * @param lr initial rate, finite and {@code >= 0}
     * @param rate base of the power, in (0, 1]
     * @param unit the counter
     */
    public ExponentialDecay(double lr, double rate, ScheduleType unit) {
        this(lr, rate, unit, 1, false, 0, 0);
    }

    /**
     * The same schedule with the counter shifted by {@code first}.
     *
     * @param first added to the counter, {@code >= 0}
     * @return a new schedule; this one is unchanged
     */
    public ExponentialDecay withFirst(int first) {
        return new ExponentialDecay(lr, rate, unit, period, staircase, first, min);
    }

    /**
     * The same schedule with {@code tau = m / period}, floored when {@code staircase}.
     *
     * @param period counter steps per unit of tau, {@code > 0}
     * @param staircase floor tau to whole periods
     * @return a new schedule; this one is unchanged
     */
    public ExponentialDecay withPeriod(int period, boolean staircase) {
        return new ExponentialDecay(lr, rate, unit, period, staircase, first, min);
    }

    /**
     * The same schedule with a floor.
     *
     * @param min floor of the rate, {@code 0 <= min <= lr}
     * @return a new schedule; this one is unchanged
     */
    public ExponentialDecay withMin(double min) {
        return new ExponentialDecay(lr, rate, unit, period, staircase, first, min);
    }

    /** @return the {@code lr} parameter: initial rate, finite and {@code >= 0} */
    public double lr() {
        return lr;
    }

    /** @return the {@code rate} parameter: base of the power, in (0, 1] */
    public double rate() {
        return rate;
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    /** @return the {@code period} parameter: counter steps per unit of tau, {@code > 0} */
    public int period() {
        return period;
    }

    /** @return the {@code staircase} parameter: floor tau to whole periods */
    public boolean staircase() {
        return staircase;
    }

    /** @return the {@code first} parameter: added to the counter, {@code >= 0} */
    public int first() {
        return first;
    }

    /** @return the {@code min} parameter: floor of the rate, {@code 0 <= min <= lr} */
    public double min() {
        return min;
    }

    @Override
    public double valueAt(long n) {
        return Math.max(min, lr * Math.pow(rate, Counter.tau(n, first, period, staircase)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExponentialDecay other && Double.compare(lr, other.lr) == 0
                && Double.compare(rate, other.rate) == 0 && unit == other.unit && period == other.period
                && staircase == other.staircase && first == other.first && Double.compare(min, other.min) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lr, rate, unit, period, staircase, first, min);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
