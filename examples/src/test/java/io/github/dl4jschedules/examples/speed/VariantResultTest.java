package io.github.dl4jschedules.examples.speed;

import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.ResultsWriter;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the results files the variants write. */
class VariantResultTest {

    @Test
    void readsWhatTrainWrites(@TempDir Path dir) {
        Path file = dir.resolve("fast.json");
        List<EpochResult> epochs = List.of(new EpochResult(1, 0.5, 0.9, 0.001, 5.25),
                new EpochResult(2, 0.25, 0.95, 0.0005, 4.75));
        ResultsWriter.write(file, Map.of("model", "lenet"), epochs);
        VariantResult result = VariantResult.read("fast", file);
        assertThat(result.name()).isEqualTo("fast");
        assertThat(result.epochs()).isEqualTo(epochs);
        assertThat(result.provenance()).containsEntry("model", "lenet");
        assertThat(result.seconds(2)).isEqualTo(4.75);
        assertThat(result.seconds(3)).isNaN();
        assertThat(result.accuracy(1)).isEqualTo(0.9);
    }

    @Test
    void readsWhatThePyTorchPeerWrites(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pytorch.json");
        Files.writeString(file, """
                {
                  "provenance": {"peer": "pytorch", "torch_threads": "1"},
                  "epochs": [
                    {"epoch": 1, "train_loss": 0.45, "test_accuracy": 0.9235, "rate": 0.001, "seconds": 11.3},
                    {"epoch": 2, "train_loss": 0.13, "test_accuracy": 0.9505, "rate": 0.001, "seconds": 12.6}
                  ]
                }
                """);
        VariantResult result = VariantResult.read("pytorch", file);
        assertThat(result.epochs()).extracting(EpochResult::seconds).containsExactly(11.3, 12.6);
        assertThat(result.provenance()).containsEntry("torch_threads", "1");
        assertThat(result.meanSeconds()).hasValue(12.6);
    }

    @Test
    void badFilesSayWhatIsWrong(@TempDir Path dir) throws Exception {
        Path noEpochs = Files.writeString(dir.resolve("x.json"), "{\"provenance\": {}}");
        assertThatThrownBy(() -> VariantResult.read("x", noEpochs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no \"epochs\" array");
        assertThatThrownBy(() -> VariantResult.read("x", dir.resolve("missing.json")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing.json");
    }

    /** --rounds: two runs of one variant, averaged epoch by epoch (means worked out by hand). */
    @Test
    void averagesRunsEpochByEpoch() {
        VariantResult first = new VariantResult("djl", List.of(new EpochResult(1, 0.5, 0.90, 0.001, 4.0),
                new EpochResult(2, 0.3, 0.94, 0.0005, 3.0)), Map.of("round", "1"));
        VariantResult second = new VariantResult("djl", List.of(new EpochResult(1, 0.7, 0.92, 0.001, 5.0),
                new EpochResult(2, 0.1, 0.96, 0.0005, 2.0), new EpochResult(3, 0.1, 0.97, 0.00025, 2.0)), Map.of("round", "2"));
        VariantResult mean = VariantResult.meanOf(List.of(first.withCpuSeconds(List.of(6.0, 2.0)),
                second.withCpuSeconds(List.of(8.0, 1.0, 1.0))));
        assertThat(mean.name()).isEqualTo("djl");
        assertThat(mean.provenance()).containsEntry("round", "1");
        assertThat(mean.epochs()).hasSize(2);
        assertThat(mean.seconds(1)).isEqualTo(4.5);
        assertThat(mean.seconds(2)).isEqualTo(2.5);
        assertThat(mean.accuracy(2)).isCloseTo(0.95, Offset.offset(1e-12));
        assertThat(mean.epochs().get(0).trainLoss()).isCloseTo(0.6, Offset.offset(1e-12));
        assertThat(mean.epochs().get(1).rate()).isEqualTo(0.0005);
        assertThat(mean.meanSeconds()).hasValue(2.5);
        assertThat(mean.cpuSeconds()).containsExactly(7.0, 1.5);
        assertThat(mean.meanCpuSeconds()).hasValue(1.5);
        assertThat(first.cpuSeconds()).isEmpty();
        assertThat(first.meanCpuSeconds()).isEmpty();
        assertThat(VariantResult.meanOf(List.of(first))).isSameAs(first);
    }

    @Test
    void refusesToAverageNothingOrDifferentVariants() {
        VariantResult fast = new VariantResult("fast", List.of(new EpochResult(1, 0.5, 0.9, 0.001, 4.0)), Map.of());
        VariantResult djl = new VariantResult("djl", List.of(new EpochResult(1, 0.5, 0.9, 0.001, 4.0)), Map.of());
        assertThatThrownBy(() -> VariantResult.meanOf(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no runs to average");
        assertThatThrownBy(() -> VariantResult.meanOf(List.of(fast, djl))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("runs of different variants: fast and djl");
    }
}
