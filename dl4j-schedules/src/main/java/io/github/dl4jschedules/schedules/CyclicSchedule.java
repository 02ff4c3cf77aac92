package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import io.github.dl4jschedules.spec.ValueType;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Objects;

/**
 * Cyclical learning rate: a triangle between {@code min} and {@code max}, {@code half} steps up and
 * {@code half} steps down, its height scaled by {@code mode}.
 * <pre>
 * cycle    = 1 + floor(n / (2 * half))                (counted from 1)
 * r        = n mod (2 * half)                         (position in the cycle)
 * x        = r / half              for r &lt;= half      (rising)
 *          = (2 * half - r) / half  for r &gt; half       (falling)
 * alpha(n) = min + (max - min) * x * s
 * s        = 1                      mode = triangular
 *          = 1 / 2^(cycle - 1)      mode = triangular2
 *          = gamma^n                mode = exp-range
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code 0 <= min <= max} finite; {@code half > 0};
 * {@code gamma} in (0, 1], used by {@code exp-range} only (it never grows, so it never overflows).
 * The rate is {@code min} at {@code n = 0} and at every multiple of {@code 2 * half}, and
 * {@code min + (max - min) * s} at the peaks {@code half, 3 * half, ...}. The cycle position is
 * computed in integers, so it does not drift for large {@code n}.
 *
 * <p>Smith 2017, "Cyclical Learning Rates for Training Neural Networks" (WACV). Matches PyTorch's
 * {@code CyclicLR(base_lr=min, max_lr=max, step_size_up=half, step_size_down=half, mode, gamma)}, mode
 * {@code exp_range} written {@code exp-range}.
 *
 * <p>Example: {@code cyclic(min=0.01, max=0.1, half=2)} gives 0.01, 0.055, 0.1, 0.055, 0.01, ... on
 * steps 0-4; with {@code mode=triangular2}, steps 4-8 give 0.01, 0.0325, 0.055, 0.0325, 0.01.
 */
public final class CyclicSchedule extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code cyclic(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<CyclicSchedule> SPEC = ScheduleDefinition
            .of("cyclic", CyclicSchedule.class, "triangle between min and max, half steps each way, scaled by mode")
            .number("min", CyclicSchedule::min)
            .number("max", CyclicSchedule::max)
            .integer("half", CyclicSchedule::half)
            .parameter("mode", ValueType.word(CyclicMode.class), CyclicMode.TRIANGULAR, CyclicSchedule::mode)
            .number("gamma", 1.0, CyclicSchedule::gamma)
            .unit(CyclicSchedule::unit)
            .build(a -> new CyclicSchedule(a.number("min"), a.number("max"), a.integer("half"),
                    a.word("mode", CyclicMode.class), a.number("gamma"), a.unit()));

    /** The {@code min} parameter: the lower end, finite and {@code >= 0}. */
    private final double min;
    /** The {@code max} parameter: the upper end, finite and {@code >= min}. */
    private final double max;
    /** The {@code half} parameter: steps from min to max (and back), {@code > 0}. */
    private final int half;
    /** The {@code mode} parameter: how the height shrinks. */
    private final CyclicMode mode;
    /** The {@code gamma} parameter: {@code exp-range}'s factor per step, in (0, 1]. */
    private final double gamma;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;

    /**
     * @param min   the lower end, finite and {@code >= 0}
     * @param max   the upper end, finite and {@code >= min}
     * @param half  steps from min to max (and back), {@code > 0}
     * @param mode  how the height shrinks
     * @param gamma {@code exp-range}'s factor per step, in (0, 1]
     * @param unit  the counter
     */
    @JsonCreator
    public CyclicSchedule(@JsonProperty("min") @JsonDeserialize(using = StrictJson.Real.class) double min,
                          @JsonProperty("max") @JsonDeserialize(using = StrictJson.Real.class) double max,
                          @JsonProperty("half") @JsonDeserialize(using = StrictJson.Whole.class) int half,
                          @JsonProperty("mode") CyclicMode mode,
                          @JsonProperty("gamma") @JsonDeserialize(using = StrictJson.Real.class) double gamma,
                          @JsonProperty("unit") ScheduleType unit) {
        Check check = Check.of("cyclic");
        this.min = check.rate("min", min);
        this.max = check.rate("max", max);
        check.require(min <= max, "min", "<= max (" + max + ")", min);
        this.half = check.positive("half", half);
        this.mode = check.notNull("mode", mode);
        this.gamma = check.factor("gamma", gamma);
        this.unit = check.notNull("unit", unit);
    }

    /**
     * The plain triangle ({@code mode=triangular}).
     *
     * @param min the lower end, finite and {@code >= 0}
     * @param max the upper end, finite and {@code >= min}
     * @param half steps from min to max (and back), {@code > 0}
     * @param unit the counter
     */
    public CyclicSchedule(double min, double max, int half, ScheduleType unit) {
        this(min, max, half, CyclicMode.TRIANGULAR, 1, unit);
    }

    /** @return the {@code min} parameter: the lower end, finite and {@code >= 0} */
    public double min() {
        return min;
    }

    /** @return the {@code max} parameter: the upper end, finite and {@code >= min} */
    public double max() {
        return max;
    }

    /** @return the {@code half} parameter: steps from min to max (and back), {@code > 0} */
    public int half() {
        return half;
    }

    /** @return the {@code mode} parameter: how the height shrinks */
    public CyclicMode mode() {
        return mode;
    }

    /** @return the {@code gamma} parameter: {@code exp-range}'s factor per step, in (0, 1] */
    public double gamma() {
        return gamma;
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    @Override
    public double valueAt(long n) {
        long cycleLength = 2L * half;
        long cycle = 1 + n / cycleLength;
        long position = n % cycleLength;
        double x = (double) (position <= half ? position : cycleLength - position) / half;
        double height = (max - min) * x;
        double scale = switch (mode) {
            case TRIANGULAR -> 1;
            case TRIANGULAR2 -> Math.pow(0.5, cycle - 1);
            case EXP_RANGE -> Math.pow(gamma, n);
        };
        return min + height * scale;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CyclicSchedule other && Double.compare(min, other.min) == 0
                && Double.compare(max, other.max) == 0 && half == other.half && mode == other.mode
                && Double.compare(gamma, other.gamma) == 0 && unit == other.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(min, max, half, mode, gamma, unit);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
