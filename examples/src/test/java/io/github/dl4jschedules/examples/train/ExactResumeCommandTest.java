package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.CommandRun;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code train --resume} continues a run exactly (issue 10, point 1): three epochs straight, or one
 * epoch + save + resume to the same total of three, give the same epoch lines and the same
 * parameters and updater state bit for bit, for the MLP and LeNet, with a rate change (a control
 * file's {@code factor 0.5}) made before the save and carried across it.
 */
class ExactResumeCommandTest {

    private static final List<String> COMMON = List.of("--updater", "adam", "--schedule", "exponential",
            "--train-limit", "300", "--test-limit", "100", "--batch", "32", "--no-progress", "--no-console-control");

    private static CommandRun train(Object... args) {
        List<Object> all = new java.util.ArrayList<>(List.of("train"));
        all.addAll(Arrays.asList(args));
        return CommandRun.of(all.toArray());
    }

    private static Object[] with(String model, Object... args) {
        List<Object> all = new java.util.ArrayList<>(List.of("--model", model));
        all.addAll(COMMON);
        all.addAll(Arrays.asList(args));
        return all.toArray();
    }

    /** The epoch lines without their seconds. */
    private static List<String> epochs(String out) {
        return out.lines().filter(line -> line.startsWith("epoch ")).map(line -> line.replaceAll("\\s+[0-9.]+ s$", ""))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "lenet"})
    void oneEpochSaveAndResumeEqualsThreeStraight(String model, @TempDir Path directory) throws IOException {
        Path control = directory.resolve("rate.ctl");
        Files.writeString(control, "factor 0.5\n", StandardCharsets.UTF_8);
        Path straight = directory.resolve("straight.zip");
        Path split = directory.resolve("split.zip");

        CommandRun full = train(with(model, "--epochs", 3, "--control", control, "--save", straight));
        CommandRun first = train(with(model, "--epochs", 1, "--control", control, "--save", split));
        CommandRun resumed = train("--resume", split, "--epochs", 3, "--save", split, "--no-progress",
                "--no-console-control");

        assertThat(full.exitCode()).as(full.err()).isZero();
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(epochs(resumed.out())).hasSize(2).isEqualTo(epochs(full.out()).subList(1, 3));
        assertThat(epochs(first.out()).get(0)).startsWith("epoch 1/1").endsWith(epochs(full.out()).get(0).substring(9));
        assertThat(resumed.out())
                .contains("model " + model + ", updater adam, batch 32, seed 42")
                .contains("schedule: exponential(lr=0.002, rate=0.95, unit=epoch, period=1, staircase=false, first=1")
                .contains("resumed from " + split + " after epoch 1: epochs 2 to 3, rate adjustment: schedule x0.5")
                .doesNotContain("epoch 4");

        MultiLayerNetwork a = ModelSerializer.restoreMultiLayerNetwork(straight.toFile(), true);
        MultiLayerNetwork b = ModelSerializer.restoreMultiLayerNetwork(split.toFile(), true);
        assertThat(b.getEpochCount()).isEqualTo(3);
        assertThat(b.getIterationCount()).isEqualTo(a.getIterationCount());
        assertThat(b.params()).as("parameters bit for bit").isEqualTo(a.params());
        assertThat(b.getUpdater().getStateViewArray()).as("Adam's moments bit for bit")
                .isEqualTo(a.getUpdater().getStateViewArray());
    }

    @Test
    void optionsThatContradictTheSavedRunAndFinishedTotalsAreUsageErrors(@TempDir Path directory) {
        Path saved = directory.resolve("run.zip");
        assertThat(train(with("mlp", "--epochs", 1, "--save", saved)).exitCode()).isZero();

        CommandRun batch = train("--resume", saved, "--batch", 16, "--epochs", 2);
        assertThat(batch.exitCode()).isEqualTo(2);
        assertThat(batch.err()).contains("--batch 16 differs from the resumed run's 32; a resumed run keeps its settings");

        CommandRun finished = train("--resume", saved);
        assertThat(finished.exitCode()).isEqualTo(2);
        assertThat(finished.err()).contains("the saved run's total of 1 epochs is reached: " + saved
                + " has trained 1 epochs; --epochs is the run's total, give more than 1");

        CommandRun schedule = train("--resume", saved, "--epochs", 2, "--schedule", "constant");
        assertThat(schedule.exitCode()).isEqualTo(2);
        assertThat(schedule.err()).contains("--schedule cannot change a resumed run's schedule");
    }
}
