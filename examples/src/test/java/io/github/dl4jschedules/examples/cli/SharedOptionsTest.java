package io.github.dl4jschedules.examples.cli;

import io.github.dl4jschedules.examples.CommandRun;
import io.github.dl4jschedules.examples.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An option written once as a mixin ({@link BatchOption}, {@link ResultsFileOption},
 * {@link ModelOption} with each command's default from its {@link OptionDefaults}, {@link SeedOption}
 * with each command's text from its resource bundle) answers the same in
 * every command that has it: the same usage error for the same bad value, the same help line. Nothing
 * here trains a network.
 */
class SharedOptionsTest {

    @TempDir
    Path out;

    /** The command line of {@code command} with its required options and {@code extra}. */
    private List<Object> commandLine(String command, Object... extra) {
        List<Object> args = new ArrayList<>(List.of(command.split(" ")));
        switch (command) {
            case "benchmark", "lr-find" -> args.addAll(List.of("--out", out.resolve(command)));
            case "tune" -> args.addAll(List.of("--schedule", "inverse-time(lr=1e-4..1e-1, decay=0.01..10, unit=epoch)",
                    "--out", out.resolve(command)));
            default -> {
            }
        }
        args.addAll(List.of(extra));
        return args;
    }

    private CommandRun run(String command, Object... extra) {
        return CommandRun.of(commandLine(command, extra).toArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "benchmark", "lr-find", "tune", "speed", "speed bare-fit", "speed breakdown"})
    void aBatchBelowOneIsTheSameUsageErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--batch", "0");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).hasValue("--batch must be >= 1, got 0");
        assertThat(result.err()).contains("Usage: examples/run " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "benchmark", "lr-find", "tune", "speed", "speed bare-fit", "speed breakdown"})
    void aBatchThatIsNoNumberIsTheSameUsageErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--batch", "many");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst())
                .hasValue("Invalid value for option '--batch': 'many' is not an int");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "benchmark", "lr-find", "tune", "speed", "speed bare-fit", "speed breakdown"})
    void theBatchHelpLineIsTheSameInEveryCommand(String command) {
        CommandRun result = run(command, "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().filter(line -> line.strip().startsWith("--batch=")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .matches("\\s+--batch=<batch>\\s+Mini-batch size \\(default: 64\\)\\.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "parallel"})
    void aResultsFileThatIsNeitherCsvNorJsonIsTheSameUsageErrorInEveryCommand(String command) {
        Path file = out.resolve("results.txt");
        CommandRun result = run(command, "--out", file);

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).hasValue("--out must end in .csv or .json, got " + file);
        assertThat(result.err()).contains("Usage: examples/run " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "parallel"})
    void theResultsFileHasTheSameLabelAndDescriptionInEveryCommand(String command) {
        OptionSpec option = Main.commandLine().getSubcommands().get(command).getCommandSpec().findOption("--out");

        assertThat(option.paramLabel()).isEqualTo("FILE");
        assertThat(option.description())
                .containsExactly("Write per-epoch results with provenance to FILE.csv or FILE.json.");
        assertThat(option.required()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"lr-find, lenet", "tune, mlp", "benchmark, mlp", "speed, lenet", "speed bare-fit, lenet",
            "speed breakdown, lenet"})
    void theModelDefaultIsTheCommandsOwnInTheHelpLine(String command, String model) {
        CommandRun result = run(command, "--help");

        assertThat(result.out().lines().filter(line -> line.strip().startsWith("--model=")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .matches("\\s+--model=mlp\\|lenet\\s+Network \\(default: " + model + "\\)\\.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr-find", "tune", "benchmark", "speed", "speed bare-fit", "speed breakdown"})
    void aModelThatIsNoNetworkIsTheSameUsageErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--model", "resnet");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst())
                .hasValue("Invalid value for option '--model': 'resnet' is not one of mlp, lenet");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"speed | Seed", "speed bare-fit | Seed", "speed breakdown | Seed",
            "lr-find | Seed of weights and shuffling", "tune | Seed of the draws and of every training"})
    void theSeedHelpLineIsTheCommandsOwnTextWithTheSharedDefault(String command, String text) {
        CommandRun result = run(command, "--help");

        assertThat(result.out().lines().filter(line -> line.strip().startsWith("--seed=")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .matches("\\s+--seed=<seed>\\s+" + text + " \\(default: 42\\)\\.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr-find", "tune", "speed", "speed bare-fit", "speed breakdown"})
    void aSeedThatIsNoNumberIsTheSameUsageErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--seed", "lucky");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst())
                .hasValue("Invalid value for option '--seed': 'lucky' is not a long");
    }
}
