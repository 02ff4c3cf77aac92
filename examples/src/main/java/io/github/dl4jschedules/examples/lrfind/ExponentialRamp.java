package io.github.dl4jschedules.examples.lrfind;

import io.github.dl4jschedules.schedules.Check;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The rising rate of the learning-rate range test: exponential from {@code start} to {@code end} over
 * {@code steps} iterations, then held (fastai's {@code SchedExp}, as {@code lr_find} uses it):
 * <pre>
 * lr(n) = start * (end / start)^(min(n, S) / S)
 * </pre>
 * {@code n}: the iteration, from 0; {@code S}: {@code steps}. Equal ratios per iteration, so the points
 * lie evenly on a logarithmic rate axis. With start 1e-7, end 10, S = 100: {@code lr(0) = 1e-7},
 * {@code lr(50) = 1e-3}, {@code lr(100) = 10}.
 *
 * <p>The catalogue has no rising exponential ({@code exponential} requires {@code rate <= 1}) and
 * should not: outside a range test a rate that grows without bound is a mistake. So this schedule
 * lives in the examples, is not in the spec registry, and its {@code toString()} names it for logs only.
 * Immutable and serialisable like the catalogue's schedules.
 */
public final class ExponentialRamp extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    private final double start;
    private final double end;
    private final int steps;

    /**
     * @param start the first rate, finite and {@code > 0}
     * @param end   the rate at and after {@code steps}, finite and {@code > start}
     * @param steps iterations from {@code start} to {@code end}, {@code >= 1}
     * @throws IllegalArgumentException naming the parameter, the rule and the value
     */
    @JsonCreator
    public ExponentialRamp(@JsonProperty("start") double start, @JsonProperty("end") double end,
                           @JsonProperty("steps") int steps) {
        if (!(start > 0) || !Double.isFinite(start)) {
            throw new IllegalArgumentException(Check.message("exponential-ramp", "start", "finite and > 0", start));
        }
        if (!(end > start) || !Double.isFinite(end)) {
            throw new IllegalArgumentException(Check.message("exponential-ramp", "end", "finite and > start=" + start, end));
        }
        if (steps < 1) {
            throw new IllegalArgumentException(Check.message("exponential-ramp", "steps", ">= 1", steps));
        }
        this.start = start;
        this.end = end;
        this.steps = steps;
    }

    @Override
    public ScheduleType unit() {
        return ScheduleType.ITERATION;
    }

    @Override
    public double valueAt(long n) {
        return start * Math.pow(end / start, (double) Math.min(n, steps) / steps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExponentialRamp other && Double.compare(start, other.start) == 0
                && Double.compare(end, other.end) == 0 && steps == other.steps;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(start) + Double.hashCode(end)) + steps;
    }

    @Override
    public String toString() {
        return "exponential-ramp(start=" + start + ", end=" + end + ", steps=" + steps + ", unit=iteration)";
    }
}
