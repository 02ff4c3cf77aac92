package io.github.dl4jschedules.examples.run;

import io.github.dl4jschedules.examples.report.AtomicFiles;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes per-epoch results with their provenance, as CSV or JSON by the file's extension.
 * <ul>
 *   <li>CSV: {@code # key: value} provenance lines, then {@value #CSV_HEADER} and one row per epoch;</li>
 *   <li>JSON: {@code {"provenance": {...}, "epochs": [{"epoch": 1, ...}, ...]}}.</li>
 * </ul>
 */
public final class ResultsWriter {

    /** The CSV columns. */
    public static final String CSV_HEADER = "epoch,train_loss,test_accuracy,rate,seconds";

    private ResultsWriter() {
    }

    /**
     * The one check of a results file's name: {@code --out} ends in {@code .csv} or {@code .json}
     * (any case).
     *
     * @return the problem, "--out must end in .csv or .json, got FILE", or empty when the name is fine
     */
    public static Optional<String> nameProblem(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".json") ? Optional.empty()
                : Optional.of("--out must end in .csv or .json, got " + file);
    }

    /**
     * Writes the file atomically ({@link AtomicFiles}): a reader sees the old file or the whole new one.
     *
     * @param file       ends in {@code .csv} or {@code .json}
     * @param provenance key-value pairs describing the run
     * @throws IllegalArgumentException for another extension
     */
    public static void write(Path file, Map<String, String> provenance, List<EpochResult> epochs) {
        nameProblem(file).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            AtomicFiles.writeLines(file, csv(provenance, epochs));
        } else {
            String text;
            try {
                text = json(provenance, epochs);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            AtomicFiles.writeString(file, text);
        }
    }

    /** The CSV form: {@code # key: value} lines, the header, one row per epoch. */
    public static List<String> csv(Map<String, String> provenance, List<EpochResult> epochs) {
        List<String> lines = new ArrayList<>();
        provenance.forEach((key, value) -> lines.add("# " + key + ": " + value.replace('\n', ' ')));
        lines.add(CSV_HEADER);
        for (EpochResult e : epochs) {
            lines.add(String.format(Locale.ROOT, "%d,%s,%s,%s,%s", e.epoch(), e.trainLoss(), e.testAccuracy(),
                    e.rate(), e.seconds()));
        }
        return lines;
    }

    static String json(Map<String, String> provenance, List<EpochResult> epochs) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("provenance", provenance);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EpochResult e : epochs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e.epoch());
            row.put("train_loss", e.trainLoss());
            row.put("test_accuracy", e.testAccuracy());
            row.put("rate", e.rate());
            row.put("seconds", e.seconds());
            rows.add(row);
        }
        document.put("epochs", rows);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
    }
}
