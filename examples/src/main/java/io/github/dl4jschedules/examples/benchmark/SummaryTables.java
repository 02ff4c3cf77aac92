package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.report.AtomicFiles;
import io.github.dl4jschedules.examples.report.Csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link Summary} as {@code summary.csv} (every number in full, {@link Double#toString}; an
 * empty cell where a value is undefined) and {@code summary.md} (a table for reading, with the
 * schedules' specs and the definitions of the columns).
 */
final class SummaryTables {

    static final String CSV_HEADER = "framework,updater,label,schedule,runs,final_accuracy_mean,final_accuracy_std,"
            + "final_loss_mean,final_loss_std,target,reached,epochs_to_target_mean,seconds_to_target_mean,updates_to_target_mean,"
            + "settle_epochs,settle_spread_mean,epoch_seconds_mean";

    private SummaryTables() {
    }

    static void writeCsv(Path file, List<Summary.Row> rows, double target, int settleEpochs) {
        List<String> lines = new ArrayList<>();
        lines.add(CSV_HEADER);
        for (Summary.Row r : rows) {
            lines.add(Csv.line(r.framework(), r.updater(), r.label(), r.schedule(), r.runs(),
                    Csv.number(r.finalAccuracy().mean()), Csv.number(r.finalAccuracy().std()),
                    Csv.number(r.finalLoss().mean()), Csv.number(r.finalLoss().std()), target, r.reached(),
                    Csv.number(r.epochsToTarget()), Csv.number(r.secondsToTarget()),
                    Csv.number(r.updatesToTarget()), settleEpochs,
                    Csv.number(r.settleSpread()), Csv.number(r.epochSeconds())));
        }
        AtomicFiles.writeLines(file, lines);
    }

    /**
     * @param context one paragraph above the table: model, data, epochs, seeds
     */
    static void writeMarkdown(Path file, List<Summary.Row> rows, String context, double target, int settleEpochs) {
        boolean frameworks = rows.stream().anyMatch(r -> !r.framework().equals(RunResult.DL4J));
        String targetText = percent(target);
        List<String> lines = new ArrayList<>();
        lines.add("# Benchmark summary");
        lines.add("");
        lines.add(context);
        lines.add("");
        lines.add((frameworks ? "| framework " : "") + "| updater | schedule | final test accuracy | final train loss "
                + "| reached " + targetText + " | epochs to " + targetText + " | seconds to " + targetText
                + " | updates to " + targetText + " | settle spread (last " + settleEpochs + ") | s/epoch |");
        lines.add((frameworks ? "|---" : "") + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Summary.Row r : rows) {
            lines.add((frameworks ? "| " + cell(r.framework()) + " " : "") + "| " + cell(r.updater()) + " | "
                    + cell(r.label()) + " | " + String.format(Locale.ROOT, "%.2f%%", 100 * r.finalAccuracy().mean())
                    + plusMinus(100 * r.finalAccuracy().std(), "%.2f") + " | "
                    + String.format(Locale.ROOT, "%.4f", r.finalLoss().mean()) + plusMinus(r.finalLoss().std(), "%.4f")
                    + " | " + r.reached() + "/" + r.runs() + " | " + orDash(r.epochsToTarget(), "%.1f") + " | "
                    + orDash(r.secondsToTarget(), "%.1f") + " | " + orDash(r.updatesToTarget(), "%.0f") + " | " + orDash(100 * r.settleSpread(), "%.2f pp")
                    + " | " + orDash(r.epochSeconds(), "%.2f") + " |");
        }
        lines.add("");
        lines.add("Schedules (canonical specs):");
        lines.add("");
        Map<String, String> specs = new LinkedHashMap<>();
        rows.forEach(r -> specs.putIfAbsent(r.updater() + " " + r.label(), r.schedule()));
        specs.forEach((label, spec) -> lines.add("- " + label + ": `" + spec + "`"));
        lines.add("");
        lines.add("Columns: mean over seeds ± the sample standard deviation; *final* is the last epoch (train loss "
                + "is the mean mini-batch loss of that epoch). *Epochs/seconds to " + targetText + "*: first epoch "
                + "whose test accuracy is >= " + targetText + ", and the training seconds up to its end (evaluation "
                + "excluded), averaged over the seeds that reached it (*reached*); *updates to " + targetText + "*: the "
                + "optimiser steps up to that epoch (epoch x steps per epoch), which, unlike the seconds, do not "
                + "depend on the machine's load. *Settle spread*: mean over seeds "
                + "of max - min test accuracy over the last " + settleEpochs + " epochs, in percentage points. "
                + "*s/epoch*: mean training seconds per epoch.");
        AtomicFiles.writeLines(file, lines);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static String plusMinus(double std, String format) {
        return Double.isNaN(std) ? "" : " ± " + String.format(Locale.ROOT, format, std);
    }

    private static String orDash(double value, String format) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, format, value);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
