package io.github.dl4jschedules.examples.lrfind;

import java.util.List;

/**
 * What a range test suggests for alpha0, by fastai's two classic rules (fastai v2
 * {@code SuggestionMethod.Steep} and {@code Minimum}). Both read the smoothed curve without its first
 * {@code floor(iterations / 10)} points (the start, where the loss has not begun to move) and its last
 * 5 (where it explodes), as fastai does:
 * <ul>
 *   <li><b>steepest</b>: the rate {@code r_i} where the smoothed loss falls fastest per decade,
 *   {@code argmin_i (s_{i+1} - s_i) / (ln r_{i+1} - ln r_i)}: the loss still falls quickly there, and
 *   training is stable;</li>
 *   <li><b>minimum / 10</b>: a tenth of the rate with the lowest smoothed loss: the lowest point is
 *   already close to divergence, one decade lower is safe.</li>
 * </ul>
 * The command suggests the steepest point and prints minimum / 10 beside it. Measured on the bundled MNIST subset with the MLP (docs/benchmark/README.md): Adam,
 * steepest 0.0019 (minimum / 10: 0.0048), next to the 0.002 that trains well; SGD, steepest 0.30
 * (minimum / 10: 0.069), where the tuner's best constant rate was 0.81 and 0.1 trained too slowly.
 * Both rules read a smoothed curve that lags behind the rising rate by about {@code 1/(1-beta)}
 * iterations, so neither is more than a starting point for tuning.
 *
 * @param steepest       the steepest rule's rate
 * @param steepestLoss   the smoothed loss there
 * @param minimum        the rate with the lowest smoothed loss
 * @param minimumLoss    the lowest smoothed loss
 * @param minimumTenth   {@code minimum / 10}
 */
record Suggestion(double steepest, double steepestLoss, double minimum, double minimumLoss, double minimumTenth) {

    /** Points left out at the end, as fastai. */
    static final int SKIP_END = 5;

    /**
     * Reads a curve.
     *
     * @param iterations the test's iteration budget ({@code --iterations}), for the points left out at the start
     * @throws IllegalArgumentException when fewer than 2 points remain, naming what to change
     */
    static Suggestion of(List<RangeTest.Point> points, int iterations) {
        int from = iterations / 10;
        int to = points.size() - SKIP_END;
        if (to - from < 2) {
            throw new IllegalArgumentException("the range test stopped after " + points.size() + " iterations, too "
                    + "early to read a curve (its first " + from + " and last " + SKIP_END + " points are skipped): "
                    + "lower --start, or raise --iterations");
        }
        int steepest = from;
        double steepestSlope = Double.POSITIVE_INFINITY;
        int lowest = from;
        for (int i = from; i < to; i++) {
            RangeTest.Point p = points.get(i);
            if (p.smoothed() < points.get(lowest).smoothed()) {
                lowest = i;
            }
            if (i + 1 < to) {
                RangeTest.Point q = points.get(i + 1);
                double slope = (q.smoothed() - p.smoothed()) / (Math.log(q.rate()) - Math.log(p.rate()));
                if (slope < steepestSlope) {
                    steepestSlope = slope;
                    steepest = i;
                }
            }
        }
        double minimum = points.get(lowest).rate();
        return new Suggestion(points.get(steepest).rate(), points.get(steepest).smoothed(), minimum,
                points.get(lowest).smoothed(), minimum / 10);
    }
}
