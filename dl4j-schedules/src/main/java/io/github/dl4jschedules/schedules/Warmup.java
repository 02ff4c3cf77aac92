package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.List;
import java.util.Objects;

/**
 * Linear warm-up in front of another schedule, which then runs on its own local counter:
 * <pre>
 * alpha(n) = start + (then(0) - start) * n / steps    for n &lt; steps
 * alpha(n) = then(n - steps)                           for n &gt;= steps
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code steps > 0} the warm-up length;
 * {@code start >= 0} the rate at {@code n = 0}; {@code then(k)} the inner schedule at its local
 * counter {@code k}, which starts at 0 when the warm-up ends, so {@code then} is the same schedule it
 * would be on its own, only later. The ramp aims at {@code then(0)} and reaches it at {@code n = steps}:
 * there is no jump, whatever {@code then} is (a decay, a cycle, another composite).
 *
 * <p>{@code then} counts in the same unit as the warm-up (a child that names another unit is
 * rejected); in a spec, a {@code then} without {@code unit=} inherits the warm-up's.
 *
 * <p>Goyal et al. 2017, "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour" (gradual
 * warm-up). The same as Optax's {@code join_schedules([linear_schedule(start, then(0), steps), then],
 * [steps])}, e.g. {@code warmup_cosine_decay_schedule}.
 *
 * <p>Example: {@code warmup(steps=4, then=cosine(lr=0.1, steps=4))} gives 0, 0.025, 0.05, 0.075 on
 * steps 0-3, then the cosine's 0.1, 0.0853553, 0.05, 0.0146447, 0 on steps 4-8.
 */
public final class Warmup extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code warmup(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<Warmup> SPEC = ScheduleDefinition
            .of("warmup", Warmup.class, "linear from start to then(0) over steps, then then(n - steps)")
            .integer("steps", Warmup::steps)
            .number("start", 0.0, Warmup::start)
            .schedule("then", Warmup::then)
            .unit(Warmup::unit)
            .build(a -> new Warmup(a.integer("steps"), a.number("start"), a.schedule("then", CounterSchedule.class),
                    a.unit()));

    /** The {@code steps} parameter: warm-up length, {@code > 0}. */
    private final int steps;
    /** The {@code start} parameter: rate at {@code n = 0}, finite and {@code >= 0}. */
    private final double start;
    /** The {@code then} parameter: the schedule after the warm-up, counting in {@code unit} (or in none). */
    private final CounterSchedule then;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;

    /**
     * @param steps warm-up length, {@code > 0}
     * @param start rate at {@code n = 0}, finite and {@code >= 0}
     * @param then  the schedule after the warm-up, counting in {@code unit} (or in none)
     * @param unit  the counter
     */
    @JsonCreator
    public Warmup(@JsonProperty("steps") @JsonDeserialize(using = StrictJson.Whole.class) int steps,
                  @JsonProperty("start") @JsonDeserialize(using = StrictJson.Real.class) double start,
                  @JsonProperty("then") CounterSchedule then,
                  @JsonProperty("unit") ScheduleType unit) {
        Check check = Check.of("warmup");
        this.steps = check.positive("steps", steps);
        this.start = check.rate("start", start);
        this.unit = check.notNull("unit", unit);
        this.then = check.child("then", then, unit);
        nesting("warmup", "then", List.of(this.then));
    }

    /**
     * Warm up from 0.
     *
     * @param steps warm-up length, {@code > 0}
     * @param then the schedule after the warm-up, counting in {@code unit} (or in none)
     * @param unit the counter
     */
    public Warmup(int steps, CounterSchedule then, ScheduleType unit) {
        this(steps, 0, then, unit);
    }

    /** @return the {@code steps} parameter: warm-up length, {@code > 0} */
    public int steps() {
        return steps;
    }

    /** @return the {@code start} parameter: rate at {@code n = 0}, finite and {@code >= 0} */
    public double start() {
        return start;
    }

    /** @return the {@code then} parameter: the schedule after the warm-up, counting in {@code unit} (or in none) */
    public CounterSchedule then() {
        return then;
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    @Override
    public double valueAt(long n) {
        if (n < steps) {
            return start + (then.valueAt(0) - start) * ((double) n / steps);
        }
        return then.valueAt(n - steps);
    }

    @Override
    public int nesting() {
        return 1 + then.nesting();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Warmup other && steps == other.steps && Double.compare(start, other.start) == 0
                && then.equals(other.then) && unit == other.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(steps, start, then, unit);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
