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
 * @param cpuSeconds CPU seconds of the variant's process per epoch, epoch 1 first, as {@code speed} read
 *                   them from {@code /proc} (training and the evaluation after it, all threads; epoch 1
 *                   also the start-up); empty when not measured
 */
public record VariantResult(String name, List<EpochResult> epochs, Map<String, String> provenance, List<Double> cpuSeconds) {

    public VariantResult {
        epochs = List.copyOf(epochs);
        provenance = Map.copyOf(provenance);
        cpuSeconds = List.copyOf(cpuSeconds);
    }

    /** A result without CPU times. */
    public VariantResult(String name, List<EpochResult> epochs, Map<String, String> provenance) {
        this(name, epochs, provenance, List.of());
    }

    /** This result with the CPU seconds per epoch that {@code speed} measured. */
    public VariantResult withCpuSeconds(List<Double> perEpoch) {
        return new VariantResult(name, epochs, provenance, perEpoch);
    }

    /** CPU seconds of epoch {@code epoch} (from 1), or NaN if not measured. */
    public double cpuSeconds(int epoch) {
        return epoch >= 1 && epoch <= cpuSeconds.size() ? cpuSeconds.get(epoch - 1) : Double.NaN;
    }

    /** The mean CPU seconds per epoch without the first epoch (or of the first alone), if measured. */
    public OptionalDouble meanCpuSeconds() {
        if (cpuSeconds.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> counted = cpuSeconds.size() > 1 ? cpuSeconds.subList(1, cpuSeconds.size()) : cpuSeconds;
        return counted.stream().mapToDouble(Double::doubleValue).average();
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

    /**
     * The mean of several runs of one variant ({@code speed --rounds}): for each epoch that every run
     * has, the means of its seconds, loss, accuracy, rate and CPU seconds; the first run's name and
     * provenance.
     *
     * @throws IllegalArgumentException if {@code runs} is empty or mixes variants
     */
    public static VariantResult meanOf(List<VariantResult> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to average");
        }
        VariantResult first = runs.get(0);
        if (runs.size() == 1) {
            return first;
        }
        for (VariantResult run : runs) {
            if (!run.name().equals(first.name())) {
                throw new IllegalArgumentException("runs of different variants: " + first.name() + " and " + run.name());
            }
        }
        int common = runs.stream().mapToInt(r -> r.epochs().size()).min().orElse(0);
        List<EpochResult> means = new ArrayList<>(common);
        for (int i = 0; i < common; i++) {
            int index = i;
            means.add(new EpochResult(first.epochs().get(i).epoch(),
                    runs.stream().mapToDouble(r -> r.epochs().get(index).trainLoss()).average().orElse(Double.NaN),
                    runs.stream().mapToDouble(r -> r.epochs().get(index).testAccuracy()).average().orElse(Double.NaN),
                    runs.stream().mapToDouble(r -> r.epochs().get(index).rate()).average().orElse(Double.NaN),
                    runs.stream().mapToDouble(r -> r.epochs().get(index).seconds()).average().orElse(Double.NaN)));
        }
        int cpuEpochs = runs.stream().mapToInt(r -> r.cpuSeconds().size()).min().orElse(0);
        List<Double> cpu = new ArrayList<>(cpuEpochs);
        for (int i = 0; i < cpuEpochs; i++) {
            int index = i;
            cpu.add(runs.stream().mapToDouble(r -> r.cpuSeconds().get(index)).average().orElse(Double.NaN));
        }
        return new VariantResult(first.name(), means, first.provenance(), cpu);
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
