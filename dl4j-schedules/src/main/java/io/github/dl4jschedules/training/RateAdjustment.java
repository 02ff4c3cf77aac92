package io.github.dl4jschedules.training;

import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.Scaled;
import io.github.dl4jschedules.schedules.Wsd;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.Serializable;

/**
 * How a {@link RateController} changes the configured schedule: not at all, scaled by a factor, or
 * replaced by a fixed rate, and for a {@code wsd} schedule possibly cooling down since a command.
 * Immutable; each command yields a new adjustment, and an adjustment that cannot be trained with (a
 * factor or fixed rate that overflows to infinity) cannot be built: {@link #after} throws instead.
 *
 * @param factor    the multiplier of the schedule when {@code fixedRate} is NaN
 * @param fixedRate the fixed rate, or NaN when the schedule is followed
 * @param cooldown  the cooldown started by a {@code cooldown N} command, or {@code null}
 * @serial exclude
 */
// @serial exclude: JDK 17's javadoc asks for comments on a serializable record's components
// in the serialized form and does not take them from the @param tags, which document them.
public record RateAdjustment(double factor, double fixedRate, CooldownStart cooldown) implements Serializable {

    /** The plain schedule. */
    public static final RateAdjustment NONE = new RateAdjustment(1, Double.NaN);

    /**
     * A {@code cooldown N} command's effect: the counters of the first update of the cooldown and its length.
     * Every layer's {@code wsd} schedule ends its stable phase there, at the counter of its own unit.
     *
     * @param iteration the iteration of the first update of the cooldown
     * @param epoch     that update's epoch
     * @param steps     the cooldown's length, {@code > 0}
     * @serial exclude
     */
    // @serial exclude: JDK 17's javadoc asks for comments on a serializable record's components
    // in the serialized form and does not take them from the @param tags, which document them.
    public record CooldownStart(int iteration, int epoch, int steps) implements Serializable {

        /**
         * The {@code wsd} schedule {@code base} with its stable phase ended here: at {@code epoch} if it counts
         * epochs, else at {@code iteration}, followed by a cooldown of {@code steps}.
         *
         * @param base the configured schedule of a layer
         * @return {@code base.coolingDownAt(start, steps)}, {@code start} the counter of {@code base}'s unit
         * @throws IllegalArgumentException if {@code base} is not a {@code wsd} schedule, or it cannot
         *                                  cool down here ({@link Wsd#coolingDownAt})
         */
        public Wsd applyTo(CounterSchedule base) {
            if (!(base instanceof Wsd wsd)) {
                throw new IllegalArgumentException("cooldown: works on a wsd schedule, the configured schedule is "
                        + base);
            }
            return wsd.coolingDownAt(wsd.unit() == ScheduleType.EPOCH ? epoch : iteration, steps);
        }
    }

    /**
     * Checks that {@code factor} and {@code fixedRate} are finite and {@code >= 0} ({@code fixedRate} may be NaN).
     *
     * @param factor the multiplier of the schedule when {@code fixedRate} is NaN
     * @param fixedRate the fixed rate, or NaN when the schedule is followed
     * @param cooldown the cooldown started by a {@code cooldown N} command, or {@code null}
     */
    public RateAdjustment {
        if (!(factor >= 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor must be finite and >= 0, got " + factor);
        }
        if (!Double.isNaN(fixedRate) && !(fixedRate >= 0 && Double.isFinite(fixedRate))) {
            throw new IllegalArgumentException("the fixed rate must be finite and >= 0, got " + fixedRate);
        }
    }

    /**
     * An adjustment without a cooldown.
     *
     * @param factor the multiplier of the schedule when {@code fixedRate} is NaN
     * @param fixedRate the fixed rate, or NaN when the schedule is followed
     */
    public RateAdjustment(double factor, double fixedRate) {
        this(factor, fixedRate, null);
    }

    /** {@return whether a fixed rate replaces the schedule} */
    public boolean fixed() {
        return !Double.isNaN(fixedRate);
    }

    /**
     * The adjustment after a command given just before the update of {@code iteration}, {@code epoch}.
     * {@code factor}, {@code set} and {@code fixed} keep a cooldown under way; {@code schedule} ends it
     * too (back to the plain configured schedule).
     *
     * @param command   the command
     * @param baseNow   the rate of the configured schedule, with the cooldown if any ({@link #shape}), at
     *                  the next update (for {@code set})
     * @param iteration the iteration of the next update (for {@code cooldown})
     * @param epoch     its epoch
     * @return the adjustment after the command
     * @throws IllegalArgumentException if the result is not finite (e.g. {@code factor 1e308} twice), or a
     *                                  second {@code cooldown} is given while one is under way
     */
    public RateAdjustment after(RateCommand command, double baseNow, int iteration, int epoch) {
        if (command instanceof RateCommand.Multiply multiply) {
            return fixed()
                    ? new RateAdjustment(factor, fixedRate * multiply.factor(), cooldown)
                    : new RateAdjustment(factor * multiply.factor(), Double.NaN, cooldown);
        }
        if (command instanceof RateCommand.Set set) {
            if (baseNow == 0) {
                throw new IllegalArgumentException("cannot set the rate to " + set.rate()
                        + " by scaling: the schedule's rate is 0 now; use 'fixed'");
            }
            return new RateAdjustment(set.rate() / baseNow, Double.NaN, cooldown);
        }
        if (command instanceof RateCommand.Fix fix) {
            return new RateAdjustment(factor, fix.rate(), cooldown);
        }
        if (command instanceof RateCommand.Cooldown start) {
            if (cooldown != null) {
                throw new IllegalArgumentException("cooldown: already cooling down since iteration "
                        + cooldown.iteration() + " over " + cooldown.steps() + " steps");
            }
            return new RateAdjustment(factor, fixedRate, new CooldownStart(iteration, epoch, start.steps()));
        }
        return NONE;
    }

    /**
     * {@return the configured schedule with the cooldown, if one was started, before any factor or fixed rate}
     *
     * @param base the configured schedule
     */
    public CounterSchedule shape(CounterSchedule base) {
        return cooldown == null ? base : cooldown.applyTo(base);
    }

    /**
     * The schedule to train with: {@code constant(fixedRate)}, or {@code scaled(factor, shaped)} (just
     * {@code shaped} for factor 1), where {@code shaped} is {@link #shape}{@code (base)}, which is checked
     * even under a fixed rate.
     *
     * @param base the configured schedule
     * @return the schedule to train with
     */
    public CounterSchedule applyTo(CounterSchedule base) {
        CounterSchedule shaped = shape(base);
        if (fixed()) {
            return new ConstantRate(fixedRate);
        }
        return factor == 1 ? shaped : new Scaled(factor, shaped);
    }

    @Override
    public String toString() {
        String rate = fixed() ? "fixed rate " + fixedRate : factor == 1 ? "plain schedule" : "schedule x" + factor;
        return cooldown == null ? rate : rate + ", cooling down from iteration " + cooldown.iteration() + " over "
                + cooldown.steps() + " steps";
    }
}
