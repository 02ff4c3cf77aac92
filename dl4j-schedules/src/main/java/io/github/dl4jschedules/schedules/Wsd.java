package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import io.github.dl4jschedules.spec.ValueType;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Objects;

/**
 * Warm-up, stable, decay ("WSD", "trapezoidal"): a linear warm-up from {@code min} to {@code lr}, a
 * long constant phase at {@code lr}, then a cooldown of a chosen shape down to {@code min}:
 * <pre>
 * alpha(n) = min + (lr - min) * n / W                for n &lt; W
 *          = lr                                      for W &lt;= n &lt; W + S
 *          = min + (lr - min) * f((n - W - S) / C)   for W + S &lt;= n &lt; W + S + C
 *          = min                                     for n &gt;= W + S + C
 * f(p)     = 1 - p                 shape = linear
 *          = (1 + cos(pi * p)) / 2  shape = cosine
 *          = 1 - sqrt(p)            shape = one-minus-sqrt
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code W = warmup >= 0}, {@code S = stable >= 0},
 * {@code C = cooldown > 0}; {@code 0 <= min <= lr}. The phases are computed in {@code long}, so
 * {@code W + S + C} never overflows.
 *
 * <p><b>An open stable phase.</b> The default {@code stable=2147483647} never ends within DL4J's
 * {@code int} iteration counter: the rate stays at {@code lr} until a {@code cooldown N} command of
 * the rate controller (control file, console, JMX, reduce-on-plateau, a training budget) replaces the
 * schedule by {@link #coolingDownAt(long, int) this one with its stable phase ended} at that moment.
 *
 * <p>Hu et al. 2024, "MiniCPM: Unveiling the Potential of Small Language Models" (WSD);
 * Hägele et al. 2024, "Scaling Laws and Compute-Optimal Training Beyond Fixed Training Durations"
 * (cooldown shapes, 1-sqrt). Matches Hugging Face transformers' {@code get_wsd_schedule(num_warmup_steps=W,
 * num_stable_steps=S, num_decay_steps=C, warmup_type="linear", decay_type=shape, min_lr_ratio=min/lr,
 * num_cycles=0.5)} at {@code current_step = n} ({@code one-minus-sqrt} is its {@code "1-sqrt"}).
 *
 * <p>Example: {@code wsd(lr=0.1, cooldown=4, warmup=2, stable=3, min=0.01)} gives 0.01, 0.055 on steps
 * 0-1, 0.1 on steps 2-4, 0.1, 0.0775, 0.055, 0.0325 on steps 5-8 and 0.01 from step 9 on.
 */
public final class Wsd extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /** The default {@code stable}: open, longer than any run DL4J's {@code int} counters can count. */
    public static final int OPEN = Integer.MAX_VALUE;

    /**
     * The definition of {@code wsd(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<Wsd> SPEC = ScheduleDefinition
            .of("wsd", Wsd.class, "warm-up from min to lr, lr for stable steps, cooldown of a shape down to min")
            .number("lr", Wsd::lr)
            .integer("cooldown", Wsd::cooldown)
            .integer("warmup", 0, Wsd::warmup)
            .integer("stable", OPEN, Wsd::stable)
            .parameter("shape", ValueType.word(CooldownShape.class), CooldownShape.LINEAR, Wsd::shape)
            .number("min", 0.0, Wsd::min)
            .unit(Wsd::unit)
            .build(a -> new Wsd(a.number("lr"), a.integer("cooldown"), a.integer("warmup"), a.integer("stable"),
                    a.word("shape", CooldownShape.class), a.number("min"), a.unit()));

    /** The {@code lr} parameter: the stable rate, finite and {@code >= 0}. */
    private final double lr;
    /** The {@code cooldown} parameter: cooldown length {@code C}, {@code > 0}. */
    private final int cooldown;
    /** The {@code warmup} parameter: warm-up length {@code W}, {@code >= 0}. */
    private final int warmup;
    /**
     * The {@code stable} parameter: stable length {@code S}, {@code >= 0}; {@link #OPEN} for a cooldown on demand only.
     */
    private final int stable;
    /** The {@code shape} parameter: the cooldown's shape {@code f}. */
    private final CooldownShape shape;
    /** The {@code min} parameter: the rate the warm-up starts from and the cooldown ends at, {@code 0 <= min <= lr}. */
    private final double min;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;

    /**
     * @param lr       the stable rate, finite and {@code >= 0}
     * @param cooldown cooldown length, {@code > 0}
     * @param warmup   warm-up length, {@code >= 0}
     * @param stable   stable length, {@code >= 0}; {@link #OPEN} for a cooldown on demand only
     * @param shape    the cooldown's shape
     * @param min      the rate the warm-up starts from and the cooldown ends at, {@code 0 <= min <= lr}
     * @param unit     the counter
     */
    @JsonCreator
    public Wsd(@JsonProperty("lr") @JsonDeserialize(using = StrictJson.Real.class) double lr,
               @JsonProperty("cooldown") @JsonDeserialize(using = StrictJson.Whole.class) int cooldown,
               @JsonProperty("warmup") @JsonDeserialize(using = StrictJson.Whole.class) int warmup,
               @JsonProperty("stable") @JsonDeserialize(using = StrictJson.Whole.class) int stable,
               @JsonProperty("shape") CooldownShape shape,
               @JsonProperty("min") @JsonDeserialize(using = StrictJson.Real.class) double min,
               @JsonProperty("unit") ScheduleType unit) {
        Check check = Check.of("wsd");
        this.lr = check.rate("lr", lr);
        this.cooldown = check.positive("cooldown", cooldown);
        this.warmup = check.nonNegative("warmup", warmup);
        this.stable = check.nonNegative("stable", stable);
        this.shape = check.notNull("shape", shape);
        this.min = check.rate("min", min);
        check.require(min <= lr, "min", "<= lr (" + lr + ")", min);
        this.unit = check.notNull("unit", unit);
    }

    /** @return the {@code lr} parameter: the stable rate, finite and {@code >= 0} */
    public double lr() {
        return lr;
    }

    /** @return the {@code cooldown} parameter: cooldown length {@code C}, {@code > 0} */
    public int cooldown() {
        return cooldown;
    }

    /** @return the {@code warmup} parameter: warm-up length {@code W}, {@code >= 0} */
    public int warmup() {
        return warmup;
    }

    /**
     * @return the {@code stable} parameter: stable length {@code S}, {@code >= 0}; {@link #OPEN} for a cooldown on
     *         demand only
     */
    public int stable() {
        return stable;
    }

    /** @return the {@code shape} parameter: the cooldown's shape {@code f} */
    public CooldownShape shape() {
        return shape;
    }

    /**
     * @return the {@code min} parameter: the rate the warm-up starts from and the cooldown ends at,
     *         {@code 0 <= min <= lr}
     */
    public double min() {
        return min;
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    /** {@return the counter at which the cooldown starts, {@code W + S = warmup + stable}, in {@code long}} */
    public long cooldownStart() {
        return (long) warmup + stable;
    }

    /**
     * This schedule with its stable phase ended at counter {@code start} and a cooldown of
     * {@code steps} from there: the same warm-up, rate and shape, {@code stable = start - warmup}.
     * The rate at {@code start} is still {@code lr}; it reaches {@code min} at {@code start + steps}.
     *
     * @param start the counter (of {@link #unit()}) of the first update of the cooldown
     * @param steps the cooldown's length, {@code > 0}
     * @return a new {@code Wsd} equal to this one but for {@code stable = start - warmup} and {@code cooldown = steps}
     * @throws IllegalArgumentException if {@code start} falls in the warm-up or after the stable phase
     *                                  has ended, or {@code steps <= 0}
     */
    public Wsd coolingDownAt(long start, int steps) {
        String counter = ValueType.UNIT.write(unit);
        if (start < warmup) {
            throw new IllegalArgumentException("cooldown: the warm-up of " + this + " runs until " + counter + " "
                    + warmup + "; a cooldown can start from there, not at " + counter + " " + start);
        }
        if (start > cooldownStart()) {
            throw new IllegalArgumentException("cooldown: " + this + " has been cooling down since " + counter
                    + " " + cooldownStart() + "; it cannot start again at " + counter + " " + start);
        }
        return new Wsd(lr, steps, warmup, Math.toIntExact(start - warmup), shape, min, unit);
    }

    @Override
    public double valueAt(long n) {
        if (n < warmup) {
            return min + (lr - min) * ((double) n / warmup);
        }
        long decayStart = cooldownStart();
        if (n < decayStart) {
            return lr;
        }
        long done = n - decayStart;
        if (done < cooldown) {
            return min + (lr - min) * shape.left((double) done / cooldown);
        }
        return min;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Wsd other && Double.compare(lr, other.lr) == 0 && cooldown == other.cooldown
                && warmup == other.warmup && stable == other.stable && shape == other.shape
                && Double.compare(min, other.min) == 0 && unit == other.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lr, cooldown, warmup, stable, shape, min, unit);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
