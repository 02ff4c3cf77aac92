package io.github.dl4jschedules.examples.speed;

import io.github.dl4jschedules.examples.run.EpochResult;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one variant of {@code speed} measured: its per-epoch results, read from the JSON file it wrote
 * (the format of {@code train --out FILE.json}, which the PyTorch peer writes too).
 *
 * @param name       the variant, e.g. {@code fast}
 * @param epochs     per-epoch results, epoch 1 first
 * @param provenance the file's provenance block
 */
public record VariantResult(String name, List<EpochResult> epochs, Map<String, String> provenance) {

    public VariantResult {
        epochs = List.copyOf(epochs);
        provenance = Map.copyOf(provenance);
    }

    /**
     * Reads a results file.
     *
     * @throws IllegalArgumentException if it is no such file
     * @throws UncheckedIOException     if it cannot be read
     */
    public static VariantResult read(String name, Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode rows = root == null ? null : root.get("epochs");
        if (rows == null || !rows.isArray()) {
            throw new IllegalArgumentException(file + ": no \"epochs\" array");
        }
        List<EpochResult> epochs = new ArrayList<>();
        for (JsonNode row : rows) {
            epochs.add(new EpochResult(row.path("epoch").asInt(), row.path("train_loss").asDouble(Double.NaN),
                    row.path("test_accuracy").asDouble(Double.NaN), row.path("rate").asDouble(Double.NaN),
                    row.path("seconds").asDouble(Double.NaN)));
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        JsonNode block = root.get("provenance");
        if (block != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = block.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                provenance.put(field.getKey(), field.getValue().asText());
            }
        }
        return new VariantResult(name, epochs, provenance);
    }

    /** Seconds of epoch {@code epoch} (from 1), or NaN if it has none. */
    public double seconds(int epoch) {
        return epoch >= 1 && epoch <= epochs.size() ? epochs.get(epoch - 1).seconds() : Double.NaN;
    }

    /** Test accuracy after epoch {@code epoch} (from 1), or NaN if it has none. */
    public double accuracy(int epoch) {
        return epoch >= 1 && epoch <= epochs.size() ? epochs.get(epoch - 1).testAccuracy() : Double.NaN;
    }

    /**
     * The mean epoch time without the first epoch (warm-up: JIT, native library loading, first
     * allocations), or of the first epoch alone when there is only one.
     */
    public OptionalDouble meanSeconds() {
        if (epochs.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<EpochResult> counted = epochs.size() > 1 ? epochs.subList(1, epochs.size()) : epochs;
        return counted.stream().mapToDouble(EpochResult::seconds).average();
    }
}
