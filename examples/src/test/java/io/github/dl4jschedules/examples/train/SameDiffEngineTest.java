package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.CommandRun;
import io.github.dl4jschedules.examples.run.ModelKind;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code train --engine samediff}: the LeNet and the MLP built in SameDiff train on a few hundred
 * bundled digits and print the per-epoch report, whose rate is the schedule's; options only the DL4J
 * engine has are refused by name.
 */
class SameDiffEngineTest {

    private static final Pattern EPOCH_LINE = Pattern.compile(
            "epoch (\\d+)/3  train loss (\\S+)  test accuracy (\\S+)%  rate (\\S+)  .*");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mlp", "lenet"})
    void trainsAndReportsTheSchedulesRatePerEpoch(String model) {
        CommandRun result = CommandRun.of("train", "--engine", "samediff", "--model", model, "--updater", "sgd",
                "--epochs", "3", "--batch", "32", "--train-limit", "320", "--test-limit", "100", "--no-progress",
                "--schedule", "step(lr=0.05, factor=0.5, every=1, unit=epoch)");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<Matcher> epochs = result.out().lines().map(EPOCH_LINE::matcher).filter(Matcher::matches).toList();
        assertThat(epochs).as(result.out()).hasSize(3);
        for (int e = 1; e <= 3; e++) {
            Matcher line = epochs.get(e - 1);
            double expected = 0.05 * Math.pow(0.5, e - 1);          // epoch e trains with epoch counter e - 1
            assertThat(Integer.parseInt(line.group(1))).isEqualTo(e);
            assertThat(Double.parseDouble(line.group(4))).as("rate of epoch %d", e)
                    .isCloseTo(expected, within(1e-6 * expected));
            assertThat(Double.parseDouble(line.group(2))).as("a finite train loss").isFinite().isPositive();
            assertThat(Double.parseDouble(line.group(3))).isBetween(0.0, 100.0);
        }
        MultiLayerNetwork dl4j = new MultiLayerNetwork(ModelKind.valueOf(model.toUpperCase(Locale.ROOT))
                .configuration(new Sgd(0.1), 42, 28, 28, 10));
        dl4j.init();
        assertThat(result.out()).as("the same layers as the DL4J network")
                .contains(String.format(Locale.ROOT, "parameters: %,d; SameDiff engine", dl4j.numParams()));
        double lastAccuracy = Double.parseDouble(epochs.get(2).group(3));
        assertThat(lastAccuracy).as("learned something beyond chance (10%)").isGreaterThan(20.0);
    }

    @Test
    void optionsOfTheDl4jEngineAreRefusedByName() {
        for (String[] option : new String[][]{{"--save", "model.zip"}, {"--plateau"}, {"--record", "rates.csv"},
                {"--control", "rate.ctl"}, {"--jmx"}, {"--layer-decay", "0.75"}}) {
            String[] args = new String[4 + option.length];
            args[0] = "train";
            args[1] = "--engine";
            args[2] = "samediff";
            System.arraycopy(option, 0, args, 3, option.length);
            args[args.length - 1] = "--no-progress";
            CommandRun result = CommandRun.of((Object[]) args);
            assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
            assertThat(result.err()).contains(option[0] + " works with --engine dl4j only")
                    .doesNotContain("Exception");
        }
        CommandRun unknown = CommandRun.of("train", "--engine", "pytorch");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().toLowerCase(Locale.ROOT)).contains("'pytorch' is not one of dl4j, samediff");
    }
}
