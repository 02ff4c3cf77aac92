package io.github.dl4jschedules.examples.run;

/**
 * What one epoch of a run measured.
 *
 * @param epoch        the epoch, from 1
 * @param trainLoss    mean mini-batch loss over the epoch, each taken before its update
 * @param testAccuracy accuracy on the test split after the epoch, in [0, 1]; NaN for a run without test data
 * @param rate         the learning rate the updater applied at the epoch's last iteration
 * @param seconds      wall-clock seconds of the epoch's training (evaluation excluded)
 */
public record EpochResult(int epoch, double trainLoss, double testAccuracy, double rate, double seconds) {
}
