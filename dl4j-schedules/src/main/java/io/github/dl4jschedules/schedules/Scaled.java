package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.List;
import java.util.Objects;

/**
 * Another schedule times a constant factor:
 * <pre>
 * alpha(n) = min(factor * of(n), Double.MAX_VALUE)
 * </pre>
 * Legend: {@code n} the counter of {@code of}, which this schedule follows ({@link #unit()} is
 * {@code of.unit()}); {@code factor} finite and {@code >= 0}. The cap at {@code Double.MAX_VALUE}
 * only matters for {@code factor > 1} and inner rates above {@code 1.7e308 / factor}; it keeps the
 * promise that no schedule returns infinity, since an inner schedule's largest value is not known
 * here. In a spec, {@code of} without {@code unit=} inherits the unit of the schedule around the
 * {@code scaled}, or iteration at the top.
 *
 * <p>Used for the linear scaling rule of Goyal et al. 2017 ({@code factor = batch / 256}) and to
 * reuse a schedule's shape at another height. The same as Optax's
 * {@code lambda step: factor * of(step)}.
 *
 * <p>Example: {@code scaled(factor=0.5, of=step(lr=0.1, every=2))} gives 0.05, 0.05, 0.025, 0.025 on
 * steps 0-3.
 */
public final class Scaled extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code scaled(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<Scaled> SPEC = ScheduleDefinition
            .of("scaled", Scaled.class, "factor * of")
            .number("factor", Scaled::factor)
            .schedule("of", Scaled::of)
            .build(a -> new Scaled(a.number("factor"), a.schedule("of", CounterSchedule.class)));

    /** The {@code factor} parameter: multiplier, finite and {@code >= 0}. */
    private final double factor;
    /** The {@code of} parameter: the schedule to scale. */
    private final CounterSchedule of;

    /**
     * @param factor multiplier, finite and {@code >= 0}
     * @param of     the schedule to scale
     */
    @JsonCreator
    public Scaled(@JsonProperty("factor") @JsonDeserialize(using = StrictJson.Real.class) double factor,
                  @JsonProperty("of") CounterSchedule of) {
        Check check = Check.of("scaled");
        this.factor = check.rate("factor", factor);
        this.of = check.notNull("of", of);
        nesting("scaled", "of", List.of(this.of));
    }

    /** @return the {@code factor} parameter: multiplier, finite and {@code >= 0} */
    public double factor() {
        return factor;
    }

    /** @return the {@code of} parameter: the schedule to scale */
    public CounterSchedule of() {
        return of;
    }

    /** The counter of the scaled schedule. */
    @Override
    public ScheduleType unit() {
        return of.unit();
    }

    @Override
    public double valueAt(long n) {
        return Math.min(factor * of.valueAt(n), Double.MAX_VALUE);
    }

    @Override
    public int nesting() {
        return 1 + of.nesting();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scaled other && Double.compare(factor, other.factor) == 0 && of.equals(other.of);
    }

    @Override
    public int hashCode() {
        return Objects.hash(factor, of);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
