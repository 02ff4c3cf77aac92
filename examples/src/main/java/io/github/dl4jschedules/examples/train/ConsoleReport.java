package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.TrainingRun;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * What the training program prints: the run's set-up, a progress bar within each epoch (on a
 * terminal), and one line per epoch with loss, accuracy, rate and time.
 */
final class ConsoleReport implements TrainingRun.Observer {

    private final PrintWriter out;
    private final boolean progressBar;
    private final int epochs;
    private ProgressBar bar;

    ConsoleReport(PrintWriter out, boolean progressBar, int epochs) {
        this.out = out;
        this.progressBar = progressBar;
        this.epochs = epochs;
    }

    @Override
    public void started(MultiLayerNetwork network, int attachedHelpers) {
        out.printf(Locale.ROOT, "parameters: %,d; oneDNN helpers attached to %d layers%n",
                network.numParams(), attachedHelpers);
    }

    @Override
    public void epochStarted(int epoch, int batches) {
        if (progressBar) {
            bar = new ProgressBarBuilder()
                    .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                    .setInitialMax(batches)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200)
                    .continuousUpdate()
                    .build();
        }
    }

    @Override
    public void iterationDone(int iteration, double loss, double rate) {
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f", loss));
        }
    }

    @Override
    public void epochDone(EpochResult result) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        out.println(format(result, epochs));
    }

    static String format(EpochResult r, int epochs) {
        return String.format(Locale.ROOT, "epoch %d/%d  train loss %.4f  test accuracy %.2f%%  rate %.6g  %.1f s",
                r.epoch(), epochs, r.trainLoss(), 100 * r.testAccuracy(), r.rate(), r.seconds());
    }
}
