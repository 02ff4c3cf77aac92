package io.github.dl4jschedules.examples.lrfind;

/**
 * The loss curve of a range test smoothed as fastai does ({@code AvgSmoothLoss}): an exponential
 * moving average with bias correction,
 * <pre>
 * a_i = beta * a_{i-1} + (1 - beta) * loss_i,   a_{-1} = 0
 * smoothed_i = a_i / (1 - beta^(i+1))
 * </pre>
 * {@code i} counts the losses from 0. The correction divides out the weight the average still gives
 * its zero start, so the first smoothed value is the first loss itself. With {@code beta = 0.98} a
 * value is dominated by the last ~50 losses.
 */
final class SmoothedLoss {

    private final double beta;
    private double average;
    private double betaPower = 1;

    /** @param beta the weight of the past, in [0, 1) */
    SmoothedLoss(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
        }
        this.beta = beta;
    }

    /** Adds the next loss and returns the smoothed value. */
    double add(double loss) {
        average = beta * average + (1 - beta) * loss;
        betaPower *= beta;
        return average / (1 - betaPower);
    }
}
