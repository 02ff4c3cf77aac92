package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Objects;

/**
 * Inverse-time ("1/t") decay, the lecture's first variant:
 * <pre>
 * alpha(n) = lr / (1 + decay * tau),   tau = (n + first) / period   (floored when staircase)
 * </pre>
 * Legend: {@code n} the counter of {@code unit} (from 0); {@code lr} the initial rate alpha0;
 * {@code decay} the decay rate; {@code first} shifts the count ({@code first=1} counts epochs from 1,
 * as the lecture does); {@code period} and {@code staircase} as in Keras' {@code InverseTimeDecay}
 * ({@code decay_steps}, {@code staircase}).
 *
 * <p>The lecture's worked example, {@code inverse-time(lr=0.2, decay=1, unit=epoch, first=1)}:
 * <table>
 *   <caption>alpha per epoch</caption>
 *   <tr><th>DL4J epoch n</th><td>0</td><td>1</td><td>2</td><td>3</td></tr>
 *   <tr><th>lecture epoch</th><td>1</td><td>2</td><td>3</td><td>4</td></tr>
 *   <tr><th>alpha</th><td>0.1</td><td>0.0667</td><td>0.05</td><td>0.04</td></tr>
 * </table>
 * With {@code first=0} (DL4J's convention) the first epoch gets {@code lr} itself.
 */
public final class InverseTimeDecay extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code inverse-time(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<InverseTimeDecay> SPEC = ScheduleDefinition
            .of("inverse-time", InverseTimeDecay.class, "lr / (1 + decay*tau)")
            .number("lr", InverseTimeDecay::lr)
            .number("decay", InverseTimeDecay::decay)
            .unit(InverseTimeDecay::unit)
            .integer("period", 1, InverseTimeDecay::period)
            .bool("staircase", false, InverseTimeDecay::staircase)
            .integer("first", 0, InverseTimeDecay::first)
            .build(a -> new InverseTimeDecay(a.number("lr"), a.number("decay"), a.unit(),
                    a.integer("period"), a.bool("staircase"), a.integer("first")));

    /** The {@code lr} parameter: initial rate, finite and {@code >= 0}. */
    private final double lr;
    /** The {@code decay} parameter: decay rate, finite and {@code >= 0}. */
    private final double decay;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;
    /** The {@code period} parameter: counter steps per unit of tau, {@code > 0}. */
    private final int period;
    /** The {@code staircase} parameter: floor tau to whole periods. */
    private final boolean staircase;
    /** The {@code first} parameter: added to the counter, {@code >= 0}. */
    private final int first;

    /**
     * @param lr        initial rate, finite and {@code >= 0}
     * @param decay     decay rate, finite and {@code >= 0}
     * @param unit      the counter
     * @param period    counter steps per unit of tau, {@code > 0}
     * @param staircase floor tau to whole periods
     * @param first     added to the counter, {@code >= 0}
     */
    @JsonCreator
    public InverseTimeDecay(@JsonProperty("lr") @JsonDeserialize(using = StrictJson.Real.class) double lr,
                            @JsonProperty("decay") @JsonDeserialize(using = StrictJson.Real.class) double decay,
                            @JsonProperty("unit") ScheduleType unit,
                            @JsonProperty("period") @JsonDeserialize(using = StrictJson.Whole.class) int period,
                            @JsonProperty("staircase") boolean staircase,
                            @JsonProperty("first") @JsonDeserialize(using = StrictJson.Whole.class) int first) {
        Check check = Check.of("inverse-time");
        this.lr = check.rate("lr", lr);
        this.decay = check.rate("decay", decay);
        this.unit = check.notNull("unit", unit);
        this.period = check.positive("period", period);
        this.staircase = staircase;
        this.first = check.nonNegative("first", first);
    }

    /**
     * {@code lr / (1 + decay * n)}, counting from 0.
     *
     * @param lr initial rate, finite and {@code >= 0}
     * @param decay decay rate, finite and {@code >= 0}
     * @param unit the counter
     */
    public InverseTimeDecay(double lr, double decay, ScheduleType unit) {
        this(lr, decay, unit, 1, false, 0);
    }

    /**
     * The same schedule with the counter shifted by {@code first} ({@code 1}: the lecture's epochs).
     *
     * @param first added to the counter, {@code >= 0}
     * @return a new schedule; this one is unchanged
     */
    public InverseTimeDecay withFirst(int first) {
        return new InverseTimeDecay(lr, decay, unit, period, staircase, first);
    }

    /**
     * The same schedule with {@code tau = m / period}, floored when {@code staircase}.
     *
     * @param period counter steps per unit of tau, {@code > 0}
     * @param staircase floor tau to whole periods
     * @return a new schedule; this one is unchanged
     */
    public InverseTimeDecay withPeriod(int period, boolean staircase) {
        return new InverseTimeDecay(lr, decay, unit, period, staircase, first);
    }

    /** @return the {@code lr} parameter: initial rate, finite and {@code >= 0} */
    public double lr() {
        return lr;
    }

    /** @return the {@code decay} parameter: decay rate, finite and {@code >= 0} */
    public double decay() {
        return decay;
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

    @Override
    public double valueAt(long n) {
        return lr / (1 + decay * Counter.tau(n, first, period, staircase));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InverseTimeDecay other && Double.compare(lr, other.lr) == 0
                && Double.compare(decay, other.decay) == 0 && unit == other.unit && period == other.period
                && staircase == other.staircase && first == other.first;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lr, decay, unit, period, staircase, first);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
