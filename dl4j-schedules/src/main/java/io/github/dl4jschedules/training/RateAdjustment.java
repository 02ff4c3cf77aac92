package io.github.dl4jschedules.training;

import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.Scaled;

import java.io.Serializable;

/**
 * How a {@link RateController} changes the configured schedule: not at all, scaled by a factor, or
 * replaced by a fixed rate. Immutable; each command yields a new adjustment, and an adjustment
 * that cannot be trained with (a factor or fixed rate that overflows to infinity) cannot be built:
 * {@link #after} throws instead.
 *
 * @param factor    the multiplier of the schedule when {@code fixedRate} is NaN
 * @param fixedRate the fixed rate, or NaN when the schedule is followed
 * @serial exclude
 */
// @serial exclude: JDK 17's javadoc asks for comments on a serializable record's components
// in the serialized form and does not take them from the @param tags, which document them.
public record RateAdjustment(double factor, double fixedRate) implements Serializable {

    /** The plain schedule. */
    public static final RateAdjustment NONE = new RateAdjustment(1, Double.NaN);

    /**
     * Checks that {@code factor} and {@code fixedRate} are finite and {@code >= 0} ({@code fixedRate} may be NaN).
     *
     * @param factor the multiplier of the schedule when {@code fixedRate} is NaN
     * @param fixedRate the fixed rate, or NaN when the schedule is followed
     */
    public RateAdjustment {
        if (!(factor >= 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor must be finite and >= 0, got " + factor);
        }
        if (!Double.isNaN(fixedRate) && !(fixedRate >= 0 && Double.isFinite(fixedRate))) {
            throw new IllegalArgumentException("the fixed rate must be finite and >= 0, got " + fixedRate);
        }
    }

    /** {@return whether a fixed rate replaces the schedule} */
    public boolean fixed() {
        return !Double.isNaN(fixedRate);
    }

    /**
     * The adjustment after a command.
     *
     * @param command  the command
     * @param baseNow  the configured schedule's rate at the next update (for {@code set})
     * @return the adjustment after the command
     * @throws IllegalArgumentException if the result is not finite (e.g. {@code factor 1e308} twice)
     */
    public RateAdjustment after(RateCommand command, double baseNow) {
        if (command instanceof RateCommand.Multiply multiply) {
            return fixed()
                    ? new RateAdjustment(factor, fixedRate * multiply.factor())
                    : new RateAdjustment(factor * multiply.factor(), Double.NaN);
        }
        if (command instanceof RateCommand.Set set) {
            if (baseNow == 0) {
                throw new IllegalArgumentException("cannot set the rate to " + set.rate()
                        + " by scaling: the schedule's rate is 0 now; use 'fixed'");
            }
            return new RateAdjustment(set.rate() / baseNow, Double.NaN);
        }
        if (command instanceof RateCommand.Fix fix) {
            return new RateAdjustment(factor, fix.rate());
        }
        return NONE;
    }

    /**
     * {@return the schedule to train with: the base, {@code scaled(factor, base)}, or {@code constant(fixedRate)}}
     *
     * @param base the configured schedule
     */
    public CounterSchedule applyTo(CounterSchedule base) {
        if (fixed()) {
            return new ConstantRate(fixedRate);
        }
        return factor == 1 ? base : new Scaled(factor, base);
    }

    @Override
    public String toString() {
        if (fixed()) {
            return "fixed rate " + fixedRate;
        }
        return factor == 1 ? "plain schedule" : "schedule x" + factor;
    }
}
