package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Objects;

/**
 * Inverse square-root decay: the lecture's {@code k / sqrt(epoch) * alpha0} (per epoch) and
 * {@code k / sqrt(t) * alpha0} (per mini-batch), and fairseq's {@code inverse_sqrt} with warm-up.
 * <pre>
 * tau = (n + first) / period
 * warmup = 0:   alpha(n) = lr * k / sqrt(tau)                          (needs tau > 0, so first >= 1)
 * warmup = W:   alpha(n) = lr * k * tau / W          for tau &lt; W       (linear rise from 0)
 *               alpha(n) = lr * k * sqrt(W / tau)    for tau &gt;= W      (peak lr*k at tau = W)
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code first} defaults to 1, so epochs and
 * mini-batches count from 1 as in the lecture; {@code W} the warm-up length in units of tau. The
 * warm-up form is fairseq's {@code inverse_sqrt} schedule with {@code warmup_init_lr = 0}
 * (Vaswani et al. 2017, "Attention Is All You Need", with {@code lr * k = d^-0.5 * W^-0.5}).
 *
 * <p>Example: {@code inverse-sqrt(lr=0.1, unit=epoch)} gives 0.1, 0.0707, 0.0577, 0.05 on epochs 0-3.
 */
public final class InverseSqrtDecay extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code inverse-sqrt(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<InverseSqrtDecay> SPEC = ScheduleDefinition
            .of("inverse-sqrt", InverseSqrtDecay.class, "lr*k/sqrt(tau); with warmup=W: lr*k*tau/W, then lr*k*sqrt(W/tau)")
            .number("lr", InverseSqrtDecay::lr)
            .number("k", 1.0, InverseSqrtDecay::k)
            .unit(InverseSqrtDecay::unit)
            .integer("period", 1, InverseSqrtDecay::period)
            .integer("first", 1, InverseSqrtDecay::first)
            .integer("warmup", 0, InverseSqrtDecay::warmup)
            .build(a -> new InverseSqrtDecay(a.number("lr"), a.number("k"), a.unit(), a.integer("period"),
                    a.integer("first"), a.integer("warmup")));

    /** The {@code lr} parameter: base rate, finite and {@code >= 0}. */
    private final double lr;
    /** The {@code k} parameter: constant factor, finite and {@code > 0}; {@code lr * k} must be finite. */
    private final double k;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;
    /** The {@code period} parameter: counter steps per unit of tau, {@code > 0}. */
    private final int period;
    /**
     * The {@code first} parameter: added to the counter, {@code >= 1} without warm-up (tau must be {@code > 0}), {@code >= 0} with it.
     */
    private final int first;
    /** The {@code warmup} parameter: warm-up length W in units of tau, {@code >= 0}. */
    private final int warmup;

    /**
     * @param lr     base rate, finite and {@code >= 0}
     * @param k      constant factor, finite and {@code > 0}; {@code lr * k} must be finite
     * @param unit   the counter
     * @param period counter steps per unit of tau, {@code > 0}
     * @param first  added to the counter, {@code >= 1} without warm-up (tau must be {@code > 0}),
     *               {@code >= 0} with it
     * @param warmup warm-up length W in units of tau, {@code >= 0}
     */
    @JsonCreator
    public InverseSqrtDecay(@JsonProperty("lr") @JsonDeserialize(using = StrictJson.Real.class) double lr,
                            @JsonProperty("k") @JsonDeserialize(using = StrictJson.Real.class) double k,
                            @JsonProperty("unit") ScheduleType unit,
                            @JsonProperty("period") @JsonDeserialize(using = StrictJson.Whole.class) int period,
                            @JsonProperty("first") @JsonDeserialize(using = StrictJson.Whole.class) int first,
                            @JsonProperty("warmup") @JsonDeserialize(using = StrictJson.Whole.class) int warmup) {
        Check check = Check.of("inverse-sqrt");
        this.lr = check.rate("lr", lr);
        this.k = check.positive("k", k);
        check.require(Double.isFinite(lr * k), "k", "such that lr*k is finite", k);
        this.unit = check.notNull("unit", unit);
        this.period = check.positive("period", period);
        this.warmup = check.nonNegative("warmup", warmup);
        this.first = warmup == 0
                ? check.positive("first", first)
                : check.nonNegative("first", first);
    }

    /**
     * The lecture's form {@code lr * k / sqrt(n + 1)}: epochs or mini-batches counted from 1.
     *
     * @param lr base rate, finite and {@code >= 0}
     * @param k constant factor, finite and {@code > 0}; {@code lr * k} must be finite
     * @param unit the counter
     */
    public InverseSqrtDecay(double lr, double k, ScheduleType unit) {
        this(lr, k, unit, 1, 1, 0);
    }

    /**
     * fairseq's {@code inverse_sqrt}: linear warm-up from 0 over {@code warmup} steps, then decay.
     *
     * @param lr base rate, finite and {@code >= 0}
     * @param warmup warm-up length W in units of tau, {@code >= 0}
     * @param unit the counter
     * @return {@code inverse-sqrt(lr, k=sqrt(warmup), warmup=warmup)}
     */
    public static InverseSqrtDecay withWarmup(double lr, int warmup, ScheduleType unit) {
        return new InverseSqrtDecay(lr, 1, unit, 1, 0, warmup);
    }

    /** @return the {@code lr} parameter: base rate, finite and {@code >= 0} */
    public double lr() {
        return lr;
    }

    /** @return the {@code k} parameter: constant factor, finite and {@code > 0}; {@code lr * k} must be finite */
    public double k() {
        return k;
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    /** @return the {@code period} parameter: counter steps per unit of tau, {@code > 0} */
    public int period() {
        return period;
    }

    /**
     * @return the {@code first} parameter: added to the counter, {@code >= 1} without warm-up (tau must be {@code > 0}), {@code >= 0} with it
     */
    public int first() {
        return first;
    }

    /** @return the {@code warmup} parameter: warm-up length W in units of tau, {@code >= 0} */
    public int warmup() {
        return warmup;
    }

    @Override
    public double valueAt(long n) {
        double tau = Counter.tau(n, first, period, false);
        if (warmup == 0) {
            return lr * k / Math.sqrt(tau);
        }
        return tau < warmup ? lr * k * (tau / warmup) : lr * k * Math.sqrt(warmup / tau);   // tau/W < 1 first: no overflow
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InverseSqrtDecay other && Double.compare(lr, other.lr) == 0
                && Double.compare(k, other.k) == 0 && unit == other.unit && period == other.period
                && first == other.first && warmup == other.warmup;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lr, k, unit, period, first, warmup);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
