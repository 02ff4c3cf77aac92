package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.report.AtomicFiles;
import io.github.dl4jschedules.examples.report.Csv;
import io.github.dl4jschedules.examples.run.EpochResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code runs.csv}: every epoch of every run, one row each, columns {@value #HEADER}. {@code schedule}
 * is the canonical spec (quoted: it holds commas), {@code seconds} the epoch's training time. A peer
 * (another framework training the same grid, {@code tools/peer/pytorch_schedules.py}) writes the same
 * format with its own {@code framework} value, so both can be summarised side by side.
 */
final class RunsCsv {

    /** The columns. */
    public static final String HEADER = "framework,run_id,schedule,updater,seed,epoch,train_loss,test_accuracy,rate,seconds";

    private static final int COLUMNS = HEADER.split(",").length;

    private RunsCsv() {
    }

    /** Writes the runs, in order, atomically. */
    public static void write(Path file, List<RunResult> runs) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (RunResult run : runs) {
            for (EpochResult e : run.epochs()) {
                lines.add(Csv.line(run.framework(), run.runId(), run.schedule(), run.updater(), run.seed(), e.epoch(),
                        e.trainLoss(), e.testAccuracy(), e.rate(), e.seconds()));
            }
        }
        AtomicFiles.writeLines(file, lines);
    }

    /**
     * Reads a {@code runs.csv}; rows of one run (framework and run id) must be consecutive. Each run's
     * label is its spec.
     *
     * @throws IllegalArgumentException naming the file, the line and the problem
     */
    public static List<RunResult> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException(file + " line 1: expected the header " + HEADER);
        }
        Map<String, List<EpochResult>> epochs = new LinkedHashMap<>();
        Map<String, List<String>> firstRow = new LinkedHashMap<>();
        String previous = null;
        for (int row = 1; row < lines.size(); row++) {
            if (lines.get(row).isBlank()) {
                continue;
            }
            List<String> fields = Csv.fields(lines.get(row));
            if (fields.size() != COLUMNS) {
                throw new IllegalArgumentException(file + " line " + (row + 1) + ": expected " + COLUMNS
                        + " fields, got " + fields.size());
            }
            String run = fields.get(0) + "/" + fields.get(1);
            if (!run.equals(previous) && epochs.containsKey(run)) {
                throw new IllegalArgumentException(file + " line " + (row + 1) + ": the rows of run " + fields.get(1)
                        + " are not consecutive");
            }
            previous = run;
            firstRow.putIfAbsent(run, fields);
            try {
                epochs.computeIfAbsent(run, k -> new ArrayList<>()).add(new EpochResult(Integer.parseInt(fields.get(5)),
                        Double.parseDouble(fields.get(6)), Double.parseDouble(fields.get(7)),
                        Double.parseDouble(fields.get(8)), Double.parseDouble(fields.get(9))));
                Long.parseLong(fields.get(4));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (row + 1) + ": seed, epoch, train_loss, "
                        + "test_accuracy, rate and seconds must be numbers: " + e.getMessage());
            }
        }
        List<RunResult> runs = new ArrayList<>();
        epochs.forEach((run, results) -> {
            List<String> f = firstRow.get(run);
            runs.add(new RunResult(f.get(0), f.get(1), f.get(2), f.get(2), f.get(3), Long.parseLong(f.get(4)), results));
        });
        return runs;
    }

    /** Writes {@code rates.csv}: {@code run_id,iteration,rate,loss}, every iteration of every run. */
    static void writeRates(Path file, List<RunKey> keys, RunStore store) {
        List<String> lines = new ArrayList<>();
        lines.add("run_id," + RunStore.RATES_HEADER);
        for (RunKey key : keys) {
            IterationLog log = store.iterations(key);
            String id = key.id();
            for (int i = 0; i < log.size(); i++) {
                lines.add(Csv.line(id, log.iteration(i), log.rate(i), log.loss(i)));
            }
        }
        AtomicFiles.writeLines(file, lines);
    }
}
