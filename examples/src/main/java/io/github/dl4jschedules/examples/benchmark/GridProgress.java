package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.TrainingRun;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Progress over a whole grid. On a terminal, one bar counts the grid's epochs (finished runs
 * included) with the time left, estimated from the epochs trained so far in this session; otherwise
 * one line per finished run with the runs left and the estimated time. Safe to call from the
 * {@code --jobs} threads that train runs at the same time: every method is synchronized.
 */
final class GridProgress implements AutoCloseable {

    private final PrintWriter out;
    private final int totalRuns;
    private final int remainingAtStart;
    private final long startNanos = System.nanoTime();
    private final ProgressBar bar;
    private int done;
    private int started;

    /**
     * @param showBar      draw a bar (on a terminal) instead of printing lines
     * @param totalRuns    runs in the grid
     * @param finishedRuns runs finished before this session
     * @param epochsPerRun epochs of each run
     */
    GridProgress(PrintWriter out, boolean showBar, int totalRuns, int finishedRuns, int epochsPerRun) {
        this.out = out;
        this.totalRuns = totalRuns;
        this.remainingAtStart = totalRuns - finishedRuns;
        this.done = finishedRuns;
        this.bar = showBar && remainingAtStart > 0 ? new ProgressBarBuilder()
                .setTaskName("grid")
                .setInitialMax((long) totalRuns * epochsPerRun)
                .startsFrom((long) finishedRuns * epochsPerRun, Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .continuousUpdate()
                .build() : null;
    }

    /** Names the run that starts now (the last one started) on the bar. */
    synchronized void runStarted(RunKey key) {
        started++;
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, " run %d/%d %s %s seed %d",
                    totalRuns - remainingAtStart + started, totalRuns, key.cell().updaterName(), key.cell().label(),
                    key.seed()));
        }
    }

    /** What a run reports: each epoch moves the bar. */
    TrainingRun.Observer observer() {
        return new TrainingRun.Observer() {
            @Override
            public void epochDone(EpochResult result) {
                step();
            }
        };
    }

    private synchronized void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /** Reports a finished run. */
    synchronized void runDone(RunKey key, List<EpochResult> epochs, double seconds) {
        done++;
        if (bar != null) {
            return;
        }
        EpochResult last = epochs.get(epochs.size() - 1);
        int trained = done - (totalRuns - remainingAtStart);
        int left = totalRuns - done;
        double perRun = (System.nanoTime() - startNanos) / 1e9 / trained;
        out.printf(Locale.ROOT, "run %d/%d  %s  %s  seed %d: test accuracy %.2f%%, train loss %.4f, %.1f s; "
                        + "%d left, about %s%n", done, totalRuns, key.cell().updaterName(), key.cell().label(), key.seed(),
                100 * last.testAccuracy(), last.trainLoss(), seconds, left, duration(perRun * left));
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}
