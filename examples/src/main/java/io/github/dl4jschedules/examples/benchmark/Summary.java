package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.run.EpochResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of a benchmark: one {@link Row} per framework, updater and schedule, over its seeds.
 * For the {@code s} runs (seeds) of a row, each with epochs {@code 1..E}:
 * <ul>
 *   <li><b>final accuracy, final loss</b>: the mean and the sample standard deviation
 *   ({@code sqrt(sum (x_i - mean)^2 / (s - 1))}, undefined for one seed) of the last epoch's test
 *   accuracy and mean training loss;</li>
 *   <li><b>epochs to target</b>: the first epoch {@code e} with test accuracy {@code >= target};
 *   <b>seconds to target</b>: the training seconds of epochs {@code 1..e} (evaluation excluded); both
 *   averaged over the seeds that reached the target, {@code reached} of {@code s};
 *   <b>updates to target</b>: the optimiser steps of epochs {@code 1..e},
 *   {@code e * ceil(n / batch)} for {@code n} training examples (every epoch takes the same number of
 *   steps), averaged likewise; unlike the seconds, it does not depend on the machine or its load;</li>
 *   <li><b>settle spread</b>: how tightly the accuracy settles, the mean over seeds of
 *   {@code max - min} of the test accuracy over the last {@code K} epochs ({@code K = min(settleEpochs, E)});</li>
 *   <li><b>epoch seconds</b>: the mean training seconds of one epoch over all epochs of all seeds.</li>
 * </ul>
 * Rows come in the order their first run appears. Undefined values are NaN.
 */
final class Summary {

    /**
     * A mean over seeds with its spread.
     *
     * @param mean the arithmetic mean
     * @param std  the sample standard deviation; NaN for one value
     */
    public record Stat(double mean, double std) {
        static Stat of(double[] values) {
            double mean = Summary.mean(values);
            if (values.length < 2) {
                return new Stat(mean, Double.NaN);
            }
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            return new Stat(mean, Math.sqrt(squares / (values.length - 1)));
        }
    }

    /**
     * One schedule with one updater in one framework, over its seeds.
     *
     * @param runs            seeds summarised
     * @param reached         seeds that reached the target accuracy
     * @param epochsToTarget  mean over the seeds that reached it; NaN when none did
     * @param secondsToTarget mean over the seeds that reached it; NaN when none did
     * @param updatesToTarget mean over the seeds that reached it; NaN when none did
     * @param settleSpread    mean over seeds of (max - min) test accuracy over the last K epochs
     * @param epochSeconds    mean training seconds per epoch
     */
    public record Row(String framework, String updater, String label, String schedule, int runs,
                      Stat finalAccuracy, Stat finalLoss, int reached, double epochsToTarget, double secondsToTarget,
                      double updatesToTarget, double settleSpread, double epochSeconds) {
    }

    private Summary() {
    }

    /**
     * Summarises runs by framework, updater and schedule.
     *
     * @param target       the test accuracy to reach, in [0, 1]
     * @param settleEpochs    K, the number of last epochs whose spread is measured, {@code >= 1}
     * @param updatesPerEpoch optimiser steps per epoch, {@code ceil(n / batch)}
     */
    public static List<Row> of(List<RunResult> runs, double target, int settleEpochs, int updatesPerEpoch) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult run : runs) {
            groups.computeIfAbsent(run.framework() + "\n" + run.updater() + "\n" + run.schedule(),
                    k -> new ArrayList<>()).add(run);
        }
        List<Row> rows = new ArrayList<>();
        for (List<RunResult> group : groups.values()) {
            rows.add(row(group, target, settleEpochs, updatesPerEpoch));
        }
        return rows;
    }

    private static Row row(List<RunResult> group, double target, int settleEpochs, int updatesPerEpoch) {
        int s = group.size();
        double[] accuracy = new double[s];
        double[] loss = new double[s];
        double[] spread = new double[s];
        List<Double> epochsTo = new ArrayList<>();
        List<Double> secondsTo = new ArrayList<>();
        List<Double> updatesTo = new ArrayList<>();
        double epochSeconds = 0;
        int epochCount = 0;
        for (int i = 0; i < s; i++) {
            List<EpochResult> epochs = group.get(i).epochs();
            accuracy[i] = group.get(i).last().testAccuracy();
            loss[i] = group.get(i).last().trainLoss();
            spread[i] = settleSpread(epochs, settleEpochs);
            double elapsed = 0;
            for (EpochResult e : epochs) {
                elapsed += e.seconds();
                if (e.testAccuracy() >= target) {
                    epochsTo.add((double) e.epoch());
                    secondsTo.add(elapsed);
                    updatesTo.add((double) e.epoch() * updatesPerEpoch);
                    break;
                }
            }
            for (EpochResult e : epochs) {
                epochSeconds += e.seconds();
                epochCount++;
            }
        }
        RunResult first = group.get(0);
        return new Row(first.framework(), first.updater(), first.label(), first.schedule(), s,
                Stat.of(accuracy), Stat.of(loss), epochsTo.size(), mean(epochsTo), mean(secondsTo), mean(updatesTo), mean(spread),
                epochSeconds / epochCount);
    }

    /** {@code max - min} of the test accuracy over the last {@code min(k, E)} epochs. */
    static double settleSpread(List<EpochResult> epochs, int k) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (EpochResult e : epochs.subList(Math.max(0, epochs.size() - k), epochs.size())) {
            max = Math.max(max, e.testAccuracy());
            min = Math.min(min, e.testAccuracy());
        }
        return max - min;
    }

    private static double mean(List<Double> values) {
        return mean(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
