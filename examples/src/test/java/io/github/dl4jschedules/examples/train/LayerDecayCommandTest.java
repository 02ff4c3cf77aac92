package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code train --layer-decay 0.5} on the MLP (dense 0, dense 1, output 2: depths 2, 1, 0) gives each
 * layer {@code 0.5^depth} times the schedule's rate, {@code 0.1 * 0.5^epoch} here; a resumed run keeps
 * the per-layer schedules. The rates are the recorder's ({@code --record}), read from the layers'
 * updaters; that DL4J applies them is {@code LayerDecayTest}'s part.
 */
class LayerDecayCommandTest {

    private static final String SCHEDULE = "step(lr=0.1, factor=0.5, every=1, unit=epoch)";

    private static CommandRun train(Object... args) {
        List<Object> all = new ArrayList<>(List.of("train", "--model", "mlp", "--updater", "sgd", "--train-limit", "200",
                "--test-limit", "50", "--batch", "50", "--no-progress", "--no-console-control"));
        all.addAll(Arrays.asList(args));
        return CommandRun.of(all.toArray());
    }

    @Test
    void eachLayerTrainsWithTheScheduleTimesDecayToItsDepthAndAResumedRunKeepsIt(@TempDir Path directory)
            throws IOException {
        Path record = directory.resolve("rates.csv");
        Path save = directory.resolve("run.zip");
        CommandRun first = train("--schedule", SCHEDULE, "--layer-decay", "0.5", "--epochs", "2", "--record", record,
                "--save", save);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("layer decay 0.5: layer 0 (depth 2) scaled(factor=0.25, of=step(lr=0.1")
                .contains("layer decay 0.5: layer 1 (depth 1) scaled(factor=0.5, of=")
                .contains("layer decay 0.5: layer 2 (depth 0) scaled(factor=1.0, of=");
        assertRates(record, 8);

        Path resumedRecord = directory.resolve("resumed.csv");
        CommandRun resumed = train("--resume", save, "--epochs", "3", "--record", resumedRecord);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertRates(resumedRecord, 4);
        assertThat(Files.readAllLines(resumedRecord).get(1)).startsWith("8,2,");
    }

    @Test
    void aDecayOutsideZeroToOneOrOnAResumedRunIsAUsageError(@TempDir Path directory) {
        CommandRun tooLarge = train("--layer-decay", "1.5");
        assertThat(tooLarge.exitCode()).isEqualTo(2);
        assertThat(tooLarge.err()).contains(
                "Invalid value for option '--layer-decay': layer decay: decay must be in (0, 1], got decay=1.5");
        CommandRun word = train("--layer-decay", "half");
        assertThat(word.exitCode()).isEqualTo(2);
        assertThat(word.err()).contains("expected a number in (0, 1], got 'half'");

        Path save = directory.resolve("run.zip");
        assertThat(train("--epochs", "1", "--save", save).exitCode()).isZero();
        CommandRun resumed = train("--resume", save, "--epochs", "2", "--layer-decay", "0.5");
        assertThat(resumed.exitCode()).isEqualTo(2);
        assertThat(resumed.err()).contains("--layer-decay cannot change a resumed run");
    }

    /** Every row: rate of layer l = 0.1 * 0.5^epoch * 0.5^depth(l), depths 2, 1, 0. */
    private static void assertRates(Path record, int rows) throws IOException {
        List<String> lines = Files.readAllLines(record);
        assertThat(lines.get(0)).isEqualTo("iteration,epoch,loss,rate_0,rate_1,rate_2");
        assertThat(lines).hasSize(rows + 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double top = 0.1 * Math.pow(0.5, Integer.parseInt(cells[1]));
            assertThat(Double.parseDouble(cells[3])).as(line).isCloseTo(top * 0.25, within(1e-15));
            assertThat(Double.parseDouble(cells[4])).as(line).isCloseTo(top * 0.5, within(1e-15));
            assertThat(Double.parseDouble(cells[5])).as(line).isCloseTo(top, within(1e-15));
        }
    }
}
