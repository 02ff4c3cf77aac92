package io.github.dl4jschedules.schedules;

/**
 * The decay time of the schedules with {@code first}, {@code period} and {@code staircase}:
 * <pre>
 * m   = n + first
 * tau = m / period            (staircase = false)
 * tau = floor(m / period)     (staircase = true, Keras' staircase)
 * </pre>
 * Computed in {@code long} and {@code double}, so no counter up to {@code Integer.MAX_VALUE} overflows.
 */
final class Counter {

    private Counter() {
    }

    static double tau(long n, int first, int period, boolean staircase) {
        long m = n + first;
        return staircase ? Math.floorDiv(m, period) : (double) m / period;
    }
}
