package io.github.dl4jschedules.examples.lrfind;

import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.examples.run.TrainingRun;
import io.github.dl4jschedules.examples.run.UpdaterKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The learning-rate range test (L. N. Smith, "Cyclical Learning Rates for Training Neural Networks",
 * 2017; fastai's {@code lr_find}): train from fresh weights while the rate rises exponentially
 * ({@link ExponentialRamp}), record each mini-batch loss with its rate, smooth the curve
 * ({@link SmoothedLoss}), and stop when the smoothed loss exceeds {@code divergence} times the lowest
 * seen so far (fastai: 4), when a loss is not finite, or after {@code iterations} iterations.
 * Runs the training program's {@link TrainingRun} without test batches (its per-epoch accuracy is not
 * used); the network is thrown away afterwards.
 */
final class RangeTest {

    /**
     * What to test.
     *
     * @param model      the network
     * @param updater    the updater the rising rate drives
     * @param ramp       the rates, one per iteration
     * @param iterations the most iterations to run
     * @param seed       weights and shuffling
     * @param beta       smoothing weight, fastai: 0.98
     * @param divergence stop when smoothed loss {@code > divergence * best}, fastai: 4
     */
    record Settings(ModelKind model, UpdaterKind updater, ExponentialRamp ramp, int iterations, long seed,
                    double beta, double divergence) {
    }

    /** One iteration: DL4J's iteration counter, the applied rate, the mini-batch loss and its smoothed value. */
    record Point(int iteration, double rate, double loss, double smoothed) {
    }

    /** The recorded curve and why it ends. */
    record Curve(List<Point> points, String stopReason) {
    }

    private RangeTest() {
    }

    static Curve run(Settings settings, TrainingData data) {
        LimitedIterator batches = new LimitedIterator(data.train(), settings.iterations());
        // No test data (testSize 0): the test reads the training loss, and a diverged network cannot be evaluated.
        TrainingData limited = new TrainingData(batches, data.test(), data.height(), data.width(), data.trainSize(), 0,
                data.description());
        int perEpoch = (int) Math.ceil(data.trainSize() / (double) data.train().batch());
        int epochs = (settings.iterations() + perEpoch - 1) / perEpoch;
        Recorder recorder = new Recorder(settings, batches);
        new TrainingRun(new TrainingRun.Settings(settings.model(), settings.updater(), settings.ramp(), epochs,
                settings.seed(), true)).run(limited, recorder);
        String reason = recorder.stopReason != null ? recorder.stopReason
                : "ran all " + settings.iterations() + " iterations without diverging";
        return new Curve(List.copyOf(recorder.points), reason);
    }

    /** Records the curve and stops the batches when it diverges. */
    private static final class Recorder implements TrainingRun.Observer {
        private final Settings settings;
        private final LimitedIterator batches;
        private final SmoothedLoss smoother;
        private final List<Point> points = new ArrayList<>();
        private double best = Double.POSITIVE_INFINITY;
        private String stopReason;

        Recorder(Settings settings, LimitedIterator batches) {
            this.settings = settings;
            this.batches = batches;
            this.smoother = new SmoothedLoss(settings.beta());
        }

        @Override
        public void iterationDone(int iteration, double loss, double rate) {
            if (stopReason != null) {
                return;
            }
            double smoothed = smoother.add(loss);
            points.add(new Point(iteration, rate, loss, smoothed));
            if (!Double.isFinite(loss)) {
                stop(String.format(Locale.ROOT, "the loss became %s at iteration %d (rate %.3g)", loss, iteration, rate));
            } else if (smoothed > settings.divergence() * best) {
                stop(String.format(Locale.ROOT, "diverged at iteration %d (rate %.3g): smoothed loss %.4g > %s x best %.4g",
                        iteration, rate, smoothed, settings.divergence(), best));
            }
            best = Math.min(best, smoothed);
        }

        private void stop(String reason) {
            stopReason = reason;
            batches.stop();
        }
    }
}
