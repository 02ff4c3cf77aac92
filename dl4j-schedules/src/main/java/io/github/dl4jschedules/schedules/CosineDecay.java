package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Objects;

/**
 * Cosine decay from {@code lr} to {@code min} over {@code steps}, then constant:
 * <pre>
 * alpha(n) = min + (lr - min) * (1 + cos(pi * min(n, S) / S)) / 2,   S = steps
 *            (lr at n = 0, min for n &gt;= steps)
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code min} the floor, {@code 0 <= min <= lr}.
 * Loshchilov &amp; Hutter 2017, "SGDR: Stochastic Gradient Descent with Warm Restarts", without the
 * restarts. Matches Keras' {@code CosineDecay(lr, decay_steps=steps, alpha=min/lr)}, Optax's
 * {@code cosine_decay_schedule(lr, steps, alpha=min/lr)}, and PyTorch's
 * {@code CosineAnnealingLR(T_max=steps, eta_min=min)} for {@code n <= steps} (PyTorch's cosine
 * rises again after {@code T_max}; this one holds {@code min}).
 *
 * <p>Example: {@code cosine(lr=0.1, steps=4, min=0.001)} gives 0.1, 0.0855018, 0.0505, 0.0154982,
 * 0.001 on steps 0-4 and 0.001 from then on.
 */
public final class CosineDecay extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code cosine(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<CosineDecay> SPEC = ScheduleDefinition
            .of("cosine", CosineDecay.class, "min + (lr-min)*(1+cos(pi*min(n,S)/S))/2")
            .number("lr", CosineDecay::lr)
            .integer("steps", CosineDecay::steps)
            .number("min", 0.0, CosineDecay::min)
            .unit(CosineDecay::unit)
            .build(a -> new CosineDecay(a.number("lr"), a.integer("steps"), a.number("min"), a.unit()));

    /** The {@code lr} parameter: initial rate, finite and {@code >= 0}. */
    private final double lr;
    /** The {@code steps} parameter: decay length, {@code > 0}. */
    private final int steps;
    /** The {@code min} parameter: final rate, {@code 0 <= min <= lr}. */
    private final double min;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;

    /**
     * @param lr    initial rate, finite and {@code >= 0}
     * @param steps decay length, {@code > 0}
     * @param min   final rate, {@code 0 <= min <= lr}
     * @param unit  the counter
     */
    @JsonCreator
    public CosineDecay(@JsonProperty("lr") @JsonDeserialize(using = StrictJson.Real.class) double lr,
                       @JsonProperty("steps") @JsonDeserialize(using = StrictJson.Whole.class) int steps,
                       @JsonProperty("min") @JsonDeserialize(using = StrictJson.Real.class) double min,
                       @JsonProperty("unit") ScheduleType unit) {
        Check check = Check.of("cosine");
        this.lr = check.rate("lr", lr);
        this.steps = check.positive("steps", steps);
        this.min = check.rate("min", min);
        check.require(min <= lr, "min", "<= lr (" + lr + ")", min);
        this.unit = check.notNull("unit", unit);
    }

    /**
     * From {@code lr} down to 0 over {@code steps}.
     *
     * @param lr initial rate, finite and {@code >= 0}
     * @param steps decay length, {@code > 0}
     * @param unit the counter
     */
    public CosineDecay(double lr, int steps, ScheduleType unit) {
        this(lr, steps, 0, unit);
    }

    /** @return the {@code lr} parameter: initial rate, finite and {@code >= 0} */
    public double lr() {
        return lr;
    }

    /** @return the {@code steps} parameter: decay length, {@code > 0} */
    public int steps() {
        return steps;
    }

    /** @return the {@code min} parameter: final rate, {@code 0 <= min <= lr} */
    public double min() {
        return min;
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    @Override
    public double valueAt(long n) {
        double fraction = (double) Math.min(n, steps) / steps;
        return min + (lr - min) * ((1 + Math.cos(Math.PI * fraction)) / 2);   // halved first: no overflow near Double.MAX_VALUE
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CosineDecay other && Double.compare(lr, other.lr) == 0 && steps == other.steps
                && Double.compare(min, other.min) == 0 && unit == other.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lr, steps, min, unit);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
