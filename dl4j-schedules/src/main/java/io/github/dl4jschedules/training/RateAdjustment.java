package io.github.dl4jschedules.training;

import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.Scaled;
import io.github.dl4jschedules.schedules.Wsd;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.Serializable;

/**
 * How a {@link RateController} changes the configured schedule: it follows the schedule, scaled by a
 * factor ({@link FollowSchedule}, factor 1 being the plain schedule), or a fixed rate replaces it
 * ({@link FixedRate}); either way, for a {@code wsd} schedule, possibly cooling down since a command.
 * Immutable; each command yields a new adjustment, and an adjustment that cannot be trained with (a
 * factor or fixed rate that overflows to infinity) cannot be built: {@link #after} throws instead.
 */
public sealed interface RateAdjustment extends Serializable permits RateAdjustment.FollowSchedule, RateAdjustment.FixedRate {

    /** The plain schedule. */
    RateAdjustment NONE = new FollowSchedule(1, null);

    /**
     * {@return the cooldown started by a {@code cooldown N} command, or {@code null}}
     */
    CooldownStart cooldown();

    /**
     * {@return this adjustment with its rate multiplied by {@code multiplier}: the schedule's factor, or the fixed rate}
     *
     * @param multiplier the factor of a {@code factor} command
     * @throws IllegalArgumentException if the result is not finite
     */
    RateAdjustment times(double multiplier);

    /**
     * {@return this adjustment, cooling down from {@code start}}
     *
     * @param start the cooldown a {@code cooldown N} command starts
     */
    RateAdjustment coolingDown(CooldownStart start);

    /**
     * The schedule followed, scaled by {@code factor}.
     *
     * @param factor   the multiplier of the schedule, finite and {@code >= 0}
     * @param cooldown the cooldown started by a {@code cooldown N} command, or {@code null}
     * @serial exclude
     */
    // @serial exclude: JDK 17's javadoc asks for comments on a serializable record's components
    // in the serialized form and does not take them from the @param tags, which document them.
    record FollowSchedule(double factor, CooldownStart cooldown) implements RateAdjustment {

        /**
         * Checks that {@code factor} is finite and {@code >= 0}.
         *
         * @param factor   the multiplier of the schedule
         * @param cooldown the cooldown started by a {@code cooldown N} command, or {@code null}
         */
        public FollowSchedule {
            if (!(factor >= 0) || !Double.isFinite(factor)) {
                throw new IllegalArgumentException("factor must be finite and >= 0, got " + factor);
            }
        }

        @Override
        public RateAdjustment times(double multiplier) {
            return new FollowSchedule(factor * multiplier, cooldown);
        }

        @Override
        public RateAdjustment coolingDown(CooldownStart start) {
            return new FollowSchedule(factor, start);
        }

        /**
         * {@code scaled(factor, shaped)}, just {@code shaped} for factor 1, {@code shaped} being {@link #shape}{@code (base)}.
         *
         * @param base the configured schedule
         * @return the schedule to train with
         */
        @Override
        public CounterSchedule applyTo(CounterSchedule base) {
            CounterSchedule shaped = shape(base);
            return factor == 1 ? shaped : new Scaled(factor, shaped);
        }

        @Override
        public String toString() {
            return RateAdjustment.describe(factor == 1 ? "plain schedule" : "schedule x" + factor, cooldown);
        }
    }

    /**
     * A fixed rate in place of the schedule.
     *
     * @param rate     the rate, finite and {@code >= 0}
     * @param cooldown the cooldown started by a {@code cooldown N} command, or {@code null}; it still
     *                 shapes the schedule that {@code schedule} or {@code set} return to
     * @serial exclude
     */
    // @serial exclude: JDK 17's javadoc asks for comments on a serializable record's components
    // in the serialized form and does not take them from the @param tags, which document them.
    record FixedRate(double rate, CooldownStart cooldown) implements RateAdjustment {

        /**
         * Checks that {@code rate} is finite and {@code >= 0}.
         *
         * @param rate     the rate
         * @param cooldown the cooldown started by a {@code cooldown N} command, or {@code null}
         */
        public FixedRate {
            if (!(rate >= 0 && Double.isFinite(rate))) {
                throw new IllegalArgumentException("the fixed rate must be finite and >= 0, got " + rate);
            }
        }

        @Override
        public RateAdjustment times(double multiplier) {
            return new FixedRate(rate * multiplier, cooldown);
        }

        @Override
        public RateAdjustment coolingDown(CooldownStart start) {
            return new FixedRate(rate, start);
        }

        /**
         * {@code constant(rate)}, after checking {@link #shape}{@code (base)}.
         *
         * @param base the configured schedule
         * @return the schedule to train with
         */
        @Override
        public CounterSchedule applyTo(CounterSchedule base) {
            shape(base);
            return new ConstantRate(rate);
        }

        @Override
        public String toString() {
            return RateAdjustment.describe("fixed rate " + rate, cooldown);
        }
    }

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
    record CooldownStart(int iteration, int epoch, int steps) implements Serializable {

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
     * The adjustment after a command given just before the update of {@code iteration}, {@code epoch}.
     * {@code factor} scales the schedule's factor or the fixed rate; {@code set} picks the factor that
     * gives its rate; {@code fixed} replaces the schedule. All three keep a cooldown under way;
     * {@code schedule} ends it too (back to the plain configured schedule).
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
    default RateAdjustment after(RateCommand command, double baseNow, int iteration, int epoch) {
        if (command instanceof RateCommand.Multiply multiply) {
            return times(multiply.factor());
        }
        if (command instanceof RateCommand.Set set) {
            if (baseNow == 0) {
                throw new IllegalArgumentException("cannot set the rate to " + set.rate()
                        + " by scaling: the schedule's rate is 0 now; use 'fixed'");
            }
            return new FollowSchedule(set.rate() / baseNow, cooldown());
        }
        if (command instanceof RateCommand.Fix fix) {
            return new FixedRate(fix.rate(), cooldown());
        }
        if (command instanceof RateCommand.Cooldown start) {
            if (cooldown() != null) {
                throw new IllegalArgumentException("cooldown: already cooling down since iteration "
                        + cooldown().iteration() + " over " + cooldown().steps() + " steps");
            }
            return coolingDown(new CooldownStart(iteration, epoch, start.steps()));
        }
        return NONE;
    }

    /**
     * {@return the configured schedule with the cooldown, if one was started, before any factor or fixed rate}
     *
     * @param base the configured schedule
     */
    default CounterSchedule shape(CounterSchedule base) {
        return cooldown() == null ? base : cooldown().applyTo(base);
    }

    /**
     * The schedule to train with: {@code scaled(factor, shaped)} or {@code constant(rate)}, where
     * {@code shaped} is {@link #shape}{@code (base)}, which is checked even under a fixed rate.
     *
     * @param base the configured schedule
     * @return the schedule to train with
     */
    CounterSchedule applyTo(CounterSchedule base);

    /** The text of {@link #toString}: the rate part, then the cooldown if any. */
    private static String describe(String rate, CooldownStart cooldown) {
        return cooldown == null ? rate : rate + ", cooling down from iteration " + cooldown.iteration() + " over "
                + cooldown.steps() + " steps";
    }
}
