package io.github.dl4jschedules.training;

import java.util.Locale;

/**
 * One applied change of the rate, as logged: when, what, from where, and the rate of the first
 * trainable layer before and after, at the next update.
 *
 * @param iteration  the iteration of the next update, which is the first to use the new rate
 * @param epoch      that update's epoch
 * @param command    what was asked
 * @param source     who asked: "control file ctl.txt line 3", "console", "JMX", "plateau", ...
 * @param before     the adjustment before
 * @param after      the adjustment after
 * @param rateBefore the rate the next update would have used
 * @param rateAfter  the rate it will use
 */
public record RateChange(int iteration, int epoch, RateCommand command, String source, RateAdjustment before,
                         RateAdjustment after, double rateBefore, double rateAfter) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "iteration %d, epoch %d: %s (%s): rate %.6g -> %.6g, %s",
                iteration, epoch, command, source, rateBefore, rateAfter, after);
    }
}
