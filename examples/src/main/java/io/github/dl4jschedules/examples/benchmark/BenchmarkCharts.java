package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.report.LineChart;
import io.github.dl4jschedules.examples.run.EpochResult;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark's PNG charts, one set per framework and updater (a "panel"; schedules of different
 * updaters have rates of different scales):
 * <ul>
 *   <li>{@code accuracy-PANEL.png}: test accuracy per epoch, one line per schedule = the mean over its
 *   seeds at each epoch, with the minimum and maximum over seeds as a dashed band;</li>
 *   <li>{@code loss-PANEL.png}: the same for the mean training loss, on a logarithmic axis;</li>
 *   <li>{@code rates-UPDATER.png}: the rate the updater applied at every iteration, one line per
 *   schedule (its first seed's run; the rate does not depend on the seed).</li>
 * </ul>
 * {@code PANEL} is the updater's name for this benchmark's runs, {@code FRAMEWORK-UPDATER} for a peer's.
 */
final class BenchmarkCharts {

    private static final int WIDTH = 860;
    private static final int HEIGHT = 640;

    private BenchmarkCharts() {
    }

    /**
     * Writes the accuracy and loss charts of every panel.
     *
     * @param title the run's setting for the titles, e.g. {@code mlp, bundled MNIST}
     */
    static void writeEpochCharts(Path folder, List<RunResult> runs, String title) {
        Map<String, Map<String, List<RunResult>>> panels = new LinkedHashMap<>();
        for (RunResult run : runs) {
            String panel = run.framework().equals(RunResult.DL4J) ? run.updater() : run.framework() + "-" + run.updater();
            panels.computeIfAbsent(panel, k -> new LinkedHashMap<>())
                    .computeIfAbsent(run.schedule(), k -> new ArrayList<>()).add(run);
        }
        panels.forEach((panel, schedules) -> {
            int seeds = schedules.values().stream().mapToInt(List::size).max().orElse(0);
            String band = "mean of " + seeds + " seed" + (seeds == 1 ? "" : "s") + ", dashed: min and max";
            LineChart accuracy = new LineChart("Test accuracy, " + title + ", " + panel + " (" + band + ")",
                    "epoch", "test accuracy", WIDTH, HEIGHT);
            LineChart loss = new LineChart("Training loss, " + title + ", " + panel + " (" + band + ")",
                    "epoch", "mean training loss of the epoch", WIDTH, HEIGHT).logY();
            schedules.values().forEach(group -> {
                draw(accuracy, group, EpochResult::testAccuracy);
                draw(loss, group, EpochResult::trainLoss);
            });
            accuracy.write(folder.resolve("accuracy-" + panel + ".png"));
            loss.write(folder.resolve("loss-" + panel + ".png"));
        });
    }

    /**
     * Writes one rate chart per updater from the recorded applied rates.
     *
     * @param firstRuns the first seed's run of each cell, in cell order
     */
    static void writeRateCharts(Path folder, List<RunKey> firstRuns, RunStore store, String title) {
        Map<String, List<RunKey>> byUpdater = new LinkedHashMap<>();
        firstRuns.forEach(key -> byUpdater.computeIfAbsent(key.cell().updaterName(), k -> new ArrayList<>()).add(key));
        byUpdater.forEach((updater, keys) -> {
            LineChart chart = new LineChart("Applied learning rate, " + title + ", " + updater, "iteration",
                    "learning rate", WIDTH, HEIGHT);
            for (RunKey key : keys) {
                IterationLog log = store.iterations(key);
                double[] x = new double[log.size()];
                double[] y = new double[log.size()];
                for (int i = 0; i < log.size(); i++) {
                    x[i] = log.iteration(i);
                    y[i] = log.rate(i);
                }
                chart.line(key.cell().label(), x, y);
            }
            chart.write(folder.resolve("rates-" + updater + ".png"));
        });
    }

    /** One schedule's mean line and min-max band over its seeds, over the epochs every seed has. */
    private static void draw(LineChart chart, List<RunResult> seeds, ToDoubleFunction<EpochResult> metric) {
        int epochs = seeds.stream().mapToInt(r -> r.epochs().size()).min().orElse(0);
        double[] x = new double[epochs];
        double[] mean = new double[epochs];
        double[] low = new double[epochs];
        double[] high = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            x[e] = e + 1;
            low[e] = Double.POSITIVE_INFINITY;
            high[e] = Double.NEGATIVE_INFINITY;
            for (RunResult run : seeds) {
                double value = metric.applyAsDouble(run.epochs().get(e));
                mean[e] += value / seeds.size();
                low[e] = Math.min(low[e], value);
                high[e] = Math.max(high[e], value);
            }
        }
        Color colour = chart.line(seeds.get(0).label(), x, mean);
        if (seeds.size() > 1) {
            chart.band(x, low, high, colour);
        }
    }
}
