package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Objects;

/**
 * Cosine annealing with warm restarts (SGDR): cycle {@code i} lasts {@code T_i = period * mult^i}
 * steps and anneals from its peak to {@code min}.
 * <pre>
 * start_i  = period * (mult^i - 1) / (mult - 1)    (start_i = period * i when mult = 1)
 * i        = the cycle with start_i &lt;= n &lt; start_(i+1)
 * t        = n - start_i                           (steps since the last restart)
 * peak_i   = max(min, lr * decay^i)
 * alpha(n) = min + (peak_i - min) * (1 + cos(pi * t / T_i)) / 2
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code period} the first cycle's length;
 * {@code mult >= 1} the growth of the cycle length, not necessarily an integer (cycle lengths and
 * starts are then real numbers, as in Keras); {@code decay} in (0, 1] the factor of the peak per
 * cycle; {@code min} the floor, {@code 0 <= min <= lr}. Every cycle starts at its peak
 * ({@code t = 0}) and approaches {@code min} at its end; the restart happens at {@code start_(i+1)}.
 *
 * <p>{@code i} comes from the closed form {@code floor(log(1 + n/period * (mult - 1)) / log(mult))}
 * (Keras' {@code CosineDecayRestarts}), corrected by one where rounding puts {@code n} on the wrong side
 * of a cycle start, so integer {@code mult} restarts exactly where PyTorch does. Nothing iterates
 * over cycles, and no counter up to {@code 2 * Integer.MAX_VALUE} overflows, even for a huge
 * {@code mult} (the logarithm is then taken as {@code log(n/period) + log(mult - 1)}).
 *
 * <p>When {@code lr * decay^i} falls to {@code min} or below, that cycle's peak is {@code min}: the
 * rate stays at {@code min} (it never goes below the floor, and never rises in a cycle). This differs
 * from Keras' {@code alpha}, which decays the height above the floor instead of the peak.
 *
 * <p>Loshchilov &amp; Hutter 2017, "SGDR: Stochastic Gradient Descent with Warm Restarts". With
 * {@code decay = 1} it matches PyTorch's {@code CosineAnnealingWarmRestarts(T_0=period, T_mult=mult,
 * eta_min=min)}; with {@code min = 0} it matches Keras' {@code CosineDecayRestarts(lr,
 * first_decay_steps=period, t_mul=mult, m_mul=decay)}.
 *
 * <p>Example: {@code cosine-restarts(lr=0.1, period=2, mult=2)} gives 0.1, 0.05 | 0.1, 0.0853553,
 * 0.05, 0.0146447 | 0.1 on steps 0-6 (restarts at 2 and 6).
 */
public final class CosineRestarts extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code cosine-restarts(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<CosineRestarts> SPEC = ScheduleDefinition
            .of("cosine-restarts", CosineRestarts.class,
                    "cycle i of length period*mult^i: min + (lr*decay^i - min)*(1+cos(pi*t/T_i))/2")
            .number("lr", CosineRestarts::lr)
            .integer("period", CosineRestarts::period)
            .number("mult", 1.0, CosineRestarts::mult)
            .number("decay", 1.0, CosineRestarts::decay)
            .number("min", 0.0, CosineRestarts::min)
            .unit(CosineRestarts::unit)
            .build(a -> new CosineRestarts(a.number("lr"), a.integer("period"), a.number("mult"),
                    a.number("decay"), a.number("min"), a.unit()));

    /** The {@code lr} parameter: the first peak, finite and {@code >= 0}. */
    private final double lr;
    /** The {@code period} parameter: length of the first cycle, {@code > 0}. */
    private final int period;
    /** The {@code mult} parameter: growth of the cycle length, finite and {@code >= 1}. */
    private final double mult;
    /** The {@code decay} parameter: factor of the peak per cycle, in (0, 1]. */
    private final double decay;
    /** The {@code min} parameter: floor, {@code 0 <= min <= lr}. */
    private final double min;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;

    /**
     * @param lr     the first peak, finite and {@code >= 0}
     * @param period length of the first cycle, {@code > 0}
     * @param mult   growth of the cycle length, finite and {@code >= 1}
     * @param decay  factor of the peak per cycle, in (0, 1]
     * @param min    floor, {@code 0 <= min <= lr}
     * @param unit   the counter
     */
    @JsonCreator
    public CosineRestarts(@JsonProperty("lr") @JsonDeserialize(using = StrictJson.Real.class) double lr,
                          @JsonProperty("period") @JsonDeserialize(using = StrictJson.Whole.class) int period,
                          @JsonProperty("mult") @JsonDeserialize(using = StrictJson.Real.class) double mult,
                          @JsonProperty("decay") @JsonDeserialize(using = StrictJson.Real.class) double decay,
                          @JsonProperty("min") @JsonDeserialize(using = StrictJson.Real.class) double min,
                          @JsonProperty("unit") ScheduleType unit) {
        Check check = Check.of("cosine-restarts");
        this.lr = check.rate("lr", lr);
        this.period = check.positive("period", period);
        check.require(Double.isFinite(mult) && mult >= 1, "mult", "finite and >= 1", mult);
        this.mult = mult;
        this.decay = check.factor("decay", decay);
        this.min = check.rate("min", min);
        check.require(min <= lr, "min", "<= lr (" + lr + ")", min);
        this.unit = check.notNull("unit", unit);
    }

    /**
     * Equal cycles of {@code period} steps, each from {@code lr} down to 0.
     *
     * @param lr the first peak, finite and {@code >= 0}
     * @param period length of the first cycle, {@code > 0}
     * @param unit the counter
     */
    public CosineRestarts(double lr, int period, ScheduleType unit) {
        this(lr, period, 1, 1, 0, unit);
    }

    /** @return the {@code lr} parameter: the first peak, finite and {@code >= 0} */
    public double lr() {
        return lr;
    }

    /** @return the {@code period} parameter: length of the first cycle, {@code > 0} */
    public int period() {
        return period;
    }

    /** @return the {@code mult} parameter: growth of the cycle length, finite and {@code >= 1} */
    public double mult() {
        return mult;
    }

    /** @return the {@code decay} parameter: factor of the peak per cycle, in (0, 1] */
    public double decay() {
        return decay;
    }

    /** @return the {@code min} parameter: floor, {@code 0 <= min <= lr} */
    public double min() {
        return min;
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    @Override
    public double valueAt(long n) {
        double cycle;
        double sinceRestart;
        double length;
        if (mult == 1) {
            long i = n / period;
            cycle = i;
            sinceRestart = n - i * period;
            length = period;
        } else {
            double fraction = (double) n / period;
            double grown = fraction * (mult - 1);
            double logGrown = Double.isInfinite(grown)
                    ? Math.log(fraction) + Math.log(mult - 1)
                    : Math.log1p(grown);
            double i = Math.floor(logGrown / Math.log(mult));
            if (n < cycleStart(i)) {
                i -= 1;
            } else if (n >= cycleStart(i + 1)) {
                i += 1;
            }
            cycle = i;
            sinceRestart = n - cycleStart(i);
            length = period * Math.pow(mult, i);
        }
        double peak = Math.max(min, lr * Math.pow(decay, cycle));
        return min + (peak - min) * ((1 + Math.cos(Math.PI * sinceRestart / length)) / 2);   // no overflow near Double.MAX_VALUE
    }

    /**
     * {@code period * ((mult^i - 1) / (mult - 1))}: exact for integer {@code mult} while it fits 2^53;
     * the sum of the cycles is taken before multiplying by {@code period}, so that a huge {@code mult}
     * gives {@code start_1 = period}, not infinity.
     */
    private double cycleStart(double i) {
        return period * ((Math.pow(mult, i) - 1) / (mult - 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CosineRestarts other && Double.compare(lr, other.lr) == 0 && period == other.period
                && Double.compare(mult, other.mult) == 0 && Double.compare(decay, other.decay) == 0
                && Double.compare(min, other.min) == 0 && unit == other.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lr, period, mult, decay, min, unit);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
