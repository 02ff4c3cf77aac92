package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.SpecParser;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect.Visibility;

/**
 * The base of every schedule in this module: an immutable, pure function of one counter.
 *
 * <p>DL4J calls {@link #valueAt(int, int)} with the iteration and the epoch, both counted from 0.
 * This class picks the counter named by {@link #unit()} in one place, and the schedule implements its
 * formula for that counter {@code n} in {@link #valueAt(long)}. Composites ({@code warmup},
 * {@code sequence}) call their children's {@link #valueAt(long)} with a local counter.
 *
 * <p>Every implementation validates its arguments in its constructor, never returns NaN, infinity or
 * a negative value for any {@code n} from 0 to {@code 2 * Integer.MAX_VALUE}, does not allocate in
 * {@code valueAt}, and prints its canonical spec from {@link #toString()}. JSON uses the fields
 * (shaded Jackson, as DL4J's configuration JSON does) and the {@code @JsonCreator} constructor, whose
 * numbers are read strictly ({@link StrictJson}: missing, null or fractional-for-integer is an error).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public abstract class CounterSchedule implements ISchedule {

    /**
     * The counter this schedule follows, or {@code null} for a schedule that depends on none
     * ({@code constant}, or {@code scaled} of one).
     *
     * @return the counter, or {@code null}
     */
    public abstract ScheduleType unit();

    /**
     * The schedule's value at counter {@code n >= 0} of its own unit.
     *
     * @param n iterations or epochs since the schedule started, from 0
     * @return the learning rate at {@code n}
     */
    public abstract double valueAt(long n);

    @Override
    public final double valueAt(int iteration, int epoch) {
        return valueAt(unit() == ScheduleType.EPOCH ? epoch : iteration);
    }

    /**
     * How deep schedules nest in this one: 1, or for a composite 1 + its deepest child's; never more
     * than {@link SpecParser#MAX_NESTING}, which bounds every recursion over a schedule.
     *
     * @return the nesting depth, from 1
     */
    public int nesting() {
        return 1;
    }

    /**
     * The nesting of a composite over {@code children}, checked against {@link SpecParser#MAX_NESTING}.
     *
     * @throws IllegalArgumentException "{@code <schedule>: <parameter> must nest at most ...}"
     */
    static int nesting(String schedule, String parameter, Iterable<? extends CounterSchedule> children) {
        int deepest = 0;
        for (CounterSchedule child : children) {
            deepest = Math.max(deepest, child.nesting());
        }
        if (deepest + 1 > SpecParser.MAX_NESTING) {
            throw new IllegalArgumentException(schedule + ": " + parameter + " must nest at most "
                    + (SpecParser.MAX_NESTING - 1) + " schedules (the nesting limit is " + SpecParser.MAX_NESTING
                    + "), got " + deepest);
        }
        return deepest + 1;
    }

    /**
     * Whether this schedule may run inside a parent that counts {@code parentUnit}.
     *
     * @param parentUnit the parent's counter
     * @return {@code true} if this schedule counts {@code parentUnit} or no counter
     */
    public final boolean countsIn(ScheduleType parentUnit) {
        return unit() == null || unit() == parentUnit;
    }

    /** Schedules are immutable, so the clone is the schedule itself. */
    @Override
    public final CounterSchedule clone() {
        return this;
    }
}
