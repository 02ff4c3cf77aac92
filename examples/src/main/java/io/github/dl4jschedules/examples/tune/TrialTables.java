package io.github.dl4jschedules.examples.tune;

import io.github.dl4jschedules.examples.report.AtomicFiles;
import io.github.dl4jschedules.examples.report.Csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tuner's trial table, best first: {@code trials.csv} (rank, trial, spec, the last rung reached
 * counted from 0, its epochs, then the test accuracy at every rung, empty where the trial was cut
 * before it) and {@code trials.md} (the same for reading, with the plan and the best spec on top).
 */
final class TrialTables {

    private TrialTables() {
    }

    static void writeCsv(Path file, List<String> specs, SuccessiveHalving.Result result) {
        int[] budgets = result.budgets();
        StringBuilder header = new StringBuilder("rank,trial,spec,rung_reached,epochs_reached");
        for (int i = 0; i < budgets.length; i++) {
            header.append(",accuracy_rung_").append(i);
        }
        List<String> lines = new ArrayList<>();
        lines.add(header.toString());
        for (int rank = 0; rank < result.ranking().size(); rank++) {
            int trial = result.ranking().get(rank);
            List<Object> fields = new ArrayList<>(List.of(rank + 1, trial, specs.get(trial), result.rungs()[trial] - 1,
                    budgets[result.rungs()[trial] - 1]));
            for (double accuracy : result.accuracy()[trial]) {
                fields.add(Csv.number(accuracy));
            }
            lines.add(Csv.line(fields.toArray()));
        }
        AtomicFiles.writeLines(file, lines);
    }

    /**
     * @param preamble lines above the table: search space, plan, settings
     */
    static void writeMarkdown(Path file, List<String> preamble, List<String> specs, SuccessiveHalving.Result result) {
        int[] budgets = result.budgets();
        int best = result.best();
        int bestRung = result.rungs()[best] - 1;
        List<String> lines = new ArrayList<>();
        lines.add("# Tuning by successive halving");
        lines.add("");
        lines.addAll(preamble);
        lines.add("");
        lines.add(String.format(Locale.ROOT, "**Best:** `%s`: test accuracy %.2f%% after %d epoch%s (trial %d).",
                specs.get(best), 100 * result.accuracy()[best][bestRung], budgets[bestRung],
                budgets[bestRung] == 1 ? "" : "s", best));
        lines.add("");
        StringBuilder header = new StringBuilder("| rank | trial | spec | rung reached |");
        StringBuilder rule = new StringBuilder("|---:|---:|---|---:|");
        for (int i = 0; i < budgets.length; i++) {
            header.append(" rung ").append(i).append(" (").append(budgets[i]).append(budgets[i] == 1 ? " epoch)" : " epochs)").append(" |");
            rule.append("---:|");
        }
        lines.add(header.toString());
        lines.add(rule.toString());
        for (int rank = 0; rank < result.ranking().size(); rank++) {
            int trial = result.ranking().get(rank);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %d | `%s` | %d |", rank + 1, trial,
                    specs.get(trial), result.rungs()[trial] - 1));
            for (double accuracy : result.accuracy()[trial]) {
                row.append(Double.isNaN(accuracy) ? " cut |" : String.format(Locale.ROOT, " %.2f%% |", 100 * accuracy));
            }
            lines.add(row.toString());
        }
        lines.add("");
        lines.add("*cut*: not trained at that rung, successive halving stopped the trial after the rung before.");
        AtomicFiles.writeLines(file, lines);
    }
}
