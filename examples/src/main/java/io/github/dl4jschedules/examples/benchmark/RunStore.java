package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.report.AtomicFiles;
import io.github.dl4jschedules.examples.report.Csv;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.ResultsWriter;

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
 * The finished runs of a benchmark folder, one pair of files per run under {@code runs/}:
 * <ul>
 *   <li>{@code ID.rates.csv}: {@value #RATES_HEADER}, one row per iteration;</li>
 *   <li>{@code ID.csv}: the training program's result format ({@link ResultsWriter#csv}): {@code # key: value}
 *   lines with the run's identity ({@link RunKey#identity()}), {@code run_id} and {@code wall_seconds}, then
 *   one row per epoch.</li>
 * </ul>
 * Both are written atomically, the rates first: a run is finished when its {@code ID.csv} exists, so a
 * benchmark killed at any moment loses at most the run it was training.
 */
final class RunStore {

    static final String RATES_HEADER = "iteration,rate,loss";

    private static final String WALL_SECONDS = "wall_seconds";

    private final Path folder;

    /** @param folder the {@code runs/} folder; created on the first save */
    RunStore(Path folder) {
        this.folder = folder;
    }

    boolean finished(RunKey key) {
        return Files.isRegularFile(resultFile(key));
    }

    /**
     * Stores a finished run.
     *
     * @param wallSeconds the run's whole time: data, training, evaluation
     */
    void save(RunKey key, List<EpochResult> epochs, IterationLog log, double wallSeconds) {
        List<String> rates = new ArrayList<>(log.size() + 1);
        rates.add(RATES_HEADER);
        for (int i = 0; i < log.size(); i++) {
            rates.add(Csv.line(log.iteration(i), log.rate(i), log.loss(i)));
        }
        AtomicFiles.writeLines(ratesFile(key), rates);
        Map<String, String> header = new LinkedHashMap<>();
        header.put("run_id", key.id());
        header.putAll(key.identity());
        header.put(WALL_SECONDS, Double.toString(wallSeconds));
        AtomicFiles.writeLines(resultFile(key), ResultsWriter.csv(header, epochs));
    }

    /**
     * Reads a finished run back.
     *
     * @throws IllegalArgumentException when the file is damaged or belongs to another run
     */
    RunResult load(RunKey key) {
        Path file = resultFile(key);
        Map<String, String> header = new LinkedHashMap<>();
        List<EpochResult> epochs = new ArrayList<>();
        List<String> lines = read(file);
        int row = 0;
        while (row < lines.size() && lines.get(row).startsWith("# ")) {
            String line = lines.get(row++);
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw damaged(file, row, "expected '# key: value', got " + line);
            }
            header.put(line.substring(2, colon), line.substring(colon + 2));
        }
        if (row >= lines.size() || !lines.get(row).equals(ResultsWriter.CSV_HEADER)) {
            throw damaged(file, row + 1, "expected the header " + ResultsWriter.CSV_HEADER);
        }
        for (row++; row < lines.size(); row++) {
            List<String> fields = Csv.fields(lines.get(row));
            try {
                epochs.add(new EpochResult(Integer.parseInt(fields.get(0)), Double.parseDouble(fields.get(1)),
                        Double.parseDouble(fields.get(2)), Double.parseDouble(fields.get(3)),
                        Double.parseDouble(fields.get(4))));
            } catch (RuntimeException e) {
                throw damaged(file, row + 1, "expected 5 numbers, got " + lines.get(row));
            }
        }
        key.identity().forEach((name, value) -> {
            if (!value.equals(header.get(name))) {
                throw damaged(file, 0, name + " is " + header.get(name) + ", expected " + value);
            }
        });
        if (epochs.size() != key.setup().epochs()) {
            throw damaged(file, 0, epochs.size() + " epochs, expected " + key.setup().epochs());
        }
        return new RunResult(RunResult.DL4J, key.id(), key.cell().label(), key.cell().schedule().toString(),
                key.cell().updaterName(), key.seed(), epochs);
    }

    /** The run's whole time in seconds, as saved. */
    double wallSeconds(RunKey key) {
        for (String line : read(resultFile(key))) {
            if (line.startsWith("# " + WALL_SECONDS + ": ")) {
                return Double.parseDouble(line.substring(WALL_SECONDS.length() + 4));
            }
        }
        throw damaged(resultFile(key), 0, "no " + WALL_SECONDS + " line");
    }

    /** The run's per-iteration rates and losses. */
    IterationLog iterations(RunKey key) {
        Path file = ratesFile(key);
        List<String> lines = read(file);
        if (lines.isEmpty() || !lines.get(0).equals(RATES_HEADER)) {
            throw damaged(file, 1, "expected the header " + RATES_HEADER);
        }
        IterationLog log = new IterationLog();
        for (int row = 1; row < lines.size(); row++) {
            List<String> fields = Csv.fields(lines.get(row));
            try {
                log.iterationDone(Integer.parseInt(fields.get(0)), Double.parseDouble(fields.get(2)),
                        Double.parseDouble(fields.get(1)));
            } catch (RuntimeException e) {
                throw damaged(file, row + 1, "expected 3 numbers, got " + lines.get(row));
            }
        }
        return log;
    }

    Path resultFile(RunKey key) {
        return folder.resolve(key.id() + ".csv");
    }

    Path ratesFile(RunKey key) {
        return folder.resolve(key.id() + ".rates.csv");
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
    }

    private static IllegalArgumentException damaged(Path file, int line, String problem) {
        return new IllegalArgumentException("finished run " + file + (line > 0 ? " line " + line : "") + ": " + problem
                + "; delete the file to train that run again");
    }
}
