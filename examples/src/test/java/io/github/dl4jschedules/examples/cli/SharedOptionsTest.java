package io.github.dl4jschedules.examples.cli;

import io.github.dl4jschedules.examples.CommandRun;
import io.github.dl4jschedules.examples.Main;
import org.junit.jupiter.api.Test;
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
 * {@link ModelOption}, {@link UpdaterOption}, {@link EpochsOption} and {@link ScheduleOption} with each command's default from
 * its {@link OptionDefaults}, {@link SeedOption} and {@link OutputFolderOption} with each command's text
 * from its resource bundle, {@link DataOptions}, {@link DataLimits} and {@link TrainLimitOption}) answers the same in every command that has it: the same
 * usage error for the same bad value, the same help line. Nothing here trains a network.
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

    /**
     * The help entry of {@code option} in {@code command}'s usage help, its lines joined and its
     * spaces collapsed: "--seed=&lt;seed&gt; Seed of ... (default: 42)."
     */
    private String helpEntry(String command, String option) {
        CommandRun result = run(command, "--help");
        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        StringBuilder entry = new StringBuilder();
        int indent = -1;
        for (String line : lines) {
            String text = line.strip();
            int lineIndent = line.length() - line.stripLeading().length();
            if (indent < 0) {
                if (text.startsWith(option + "=")) {
                    entry.append(text);
                    indent = lineIndent;
                }
            } else if (text.isEmpty() || lineIndent <= indent + 4) {
                break;   // the next option's entry: continuation lines are indented to the description column
            } else {
                entry.append(' ').append(text);
            }
        }
        assertThat(entry).as("help entry of %s in %s", option, command).isNotEmpty();
        return entry.toString().replaceAll("\\s+", " ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "benchmark", "lr-find", "tune", "parallel", "speed", "speed bare-fit", "speed breakdown"})
    void aBatchBelowOneIsTheSameUsageErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--batch", "0");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).hasValue("--batch must be >= 1, got 0");
        assertThat(result.err()).contains("Usage: examples/run " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "benchmark", "lr-find", "tune", "parallel", "speed", "speed bare-fit", "speed breakdown"})
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
    @CsvSource({"train, lenet", "parallel, mlp", "lr-find, lenet", "tune, mlp", "benchmark, mlp", "speed, lenet",
            "speed bare-fit, lenet", "speed breakdown, lenet"})
    void theModelDefaultIsTheCommandsOwnInTheHelpLine(String command, String model) {
        CommandRun result = run(command, "--help");

        assertThat(result.out().lines().filter(line -> line.strip().startsWith("--model=")))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .matches("\\s+--model=mlp\\|lenet\\s+Network \\(default: " + model + "\\)\\.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "parallel", "lr-find", "tune", "benchmark", "speed", "speed bare-fit", "speed breakdown"})
    void aModelThatIsNoNetworkIsTheSameUsageErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--model", "resnet");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst())
                .hasValue("Invalid value for option '--model': 'resnet' is not one of mlp, lenet");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"speed | Seed", "speed bare-fit | Seed", "speed breakdown | Seed",
            "lr-find | Seed of weights and shuffling", "tune | Seed of the draws and of every training",
            "train | Seed of weight initialisation and shuffling", "parallel | Seed of weight initialisation and shuffling"})
    void theSeedHelpLineIsTheCommandsOwnTextWithTheSharedDefault(String command, String text) {
        assertThat(helpEntry(command, "--seed")).isEqualTo("--seed=<seed> " + text + " (default: 42).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "parallel", "lr-find", "tune", "speed", "speed bare-fit", "speed breakdown"})
    void aSeedThatIsNoNumberIsTheSameUsageErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--seed", "lucky");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst())
                .hasValue("Invalid value for option '--seed': 'lucky' is not a long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "benchmark", "parallel", "speed", "speed bare-fit", "speed breakdown"})
    void epochsBelowOneAreTheSameUsageErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--epochs", "0");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).hasValue("--epochs must be >= 1, got 0");
        assertThat(result.err()).contains("Usage: examples/run " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "benchmark", "parallel", "speed", "speed bare-fit", "speed breakdown"})
    void epochsThatAreNoNumberAreTheSameUsageErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--epochs", "many");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst())
                .hasValue("Invalid value for option '--epochs': 'many' is not an int");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "train | Passes over the training data (default: 5); with --resume the run's total, as in the original run (default: the saved total).",
        "parallel | Passes over the training data (default: 10).",
        "benchmark | Epochs per run (default: 15).",
        "speed | Epochs of each variant (default: 3); the mean leaves out epoch 1 as warm-up.",
        "speed bare-fit | Epochs (default: 3).",
        "speed breakdown | fit epochs (default: 3); the phases are of the last one, epoch 1 being warm-up."})
    void theEpochsHelpLineIsTheCommandsOwnTextWithItsDefault(String command, String text) {
        assertThat(helpEntry(command, "--epochs")).isEqualTo("--epochs=<epochs> " + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "parallel", "benchmark"})
    void anUnknownScheduleIsTheSameUsageErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--schedule", "cosin(lr=0.1)");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("Invalid value for option '--schedule': unknown schedule 'cosin' at 0; known: constant, "));
        assertThat(result.err()).contains("Usage: examples/run " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "parallel"})
    void aSecondScheduleIsAUsageErrorWhereOneIsTaken(String command) {
        CommandRun result = run(command, "--schedule", "constant", "--schedule", "exponential");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).hasValue("--schedule may be given once, got 2 times");
    }

    @Test
    void tuneWithoutAScheduleIsAUsageError() {
        CommandRun result = CommandRun.of("tune", "--out", out.resolve("tune"));

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).hasValue("--schedule is required");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"train | constant(lr=0.001)",
        "parallel | step(lr=0.05, factor=0.5, every=3, unit=epoch)"})
    void theScheduleDefaultIsTheCommandsOwnInTheHelpLine(String command, String schedule) {
        // picocli wraps the help inside words (after "lr=0."), so the spaces are compared away
        assertThat(helpEntry(command, "--schedule")).startsWith("--schedule=SPEC|PRESET ")
                .satisfies(entry -> assertThat(entry.replace(" ", "")).endsWith(("(default: " + schedule + ").").replace(" ", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"parallel", "lr-find", "tune", "benchmark"})
    void theDataHelpLineIsTrainsInEveryCommand(String command) {
        assertThat(helpEntry(command, "--data")).isEqualTo(helpEntry("train", "--data"))
                .startsWith("--data=bundled|mnist|DIR bundled: the 10,000 MNIST digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "parallel", "lr-find", "benchmark", "tune"})
    void aMissingDataFolderIsTheSameErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--data", "/nonexistent");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(1);
        assertThat(result.err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("error: /nonexistent: no such folder (expected a folder with the four MNIST IDX files"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"benchmark | Output folder; rerun with it to continue.",
        "lr-find | Folder for lr-find.csv and lr-find.png.", "tune | Folder for trials.md, trials.csv, provenance.json."})
    void theOutputFolderIsRequiredAndDescribedByTheCommand(String command, String text) {
        assertThat(helpEntry(command, "--out")).isEqualTo("--out=DIR " + text);

        List<Object> withoutOut = command.equals("tune") ? List.of(command, "--schedule", "inverse-time(lr=1e-4..1e-1)")
                : List.of(command);
        CommandRun result = CommandRun.of(withoutOut.toArray());
        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).hasValue("Missing required option: '--out=DIR'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "benchmark", "lr-find", "tune", "parallel", "speed", "speed bare-fit", "speed breakdown"})
    void aTrainLimitBelowOneIsTheSameUsageErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--train-limit", "0");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).hasValue("--train-limit must be >= 1, got 0");
        assertThat(helpEntry(command, "--train-limit")).isEqualTo("--train-limit=N Use the first N training examples only.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "benchmark", "tune", "parallel", "speed", "speed bare-fit"})
    void aTestLimitBelowOneIsTheSameUsageErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--test-limit", "0");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).hasValue("--test-limit must be >= 1, got 0");
    }

    @ParameterizedTest
    @CsvSource({"train, adam", "lr-find, adam", "tune, adam", "parallel, nesterovs"})
    void theUpdaterDefaultIsTheCommandsOwnInTheHelpLine(String command, String updater) {
        assertThat(helpEntry(command, "--updater")).isEqualTo("--updater=NAME Updater: sgd, nesterovs, adam, adamax, "
                + "nadam, amsgrad, rmsprop, adagrad (default: " + updater + ").");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "lr-find", "tune", "parallel"})
    void anUnknownUpdaterIsTheSameUsageErrorInEveryCommand(String command) {
        CommandRun result = run(command, "--updater", "lion");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("Invalid value for option '--updater': "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"benchmark | Runs trained at the same time", "tune | Trials of a rung trained at the same time"})
    void jobsBelowOneAreTheSameUsageErrorAndTheDefaultIsTheCores(String command, String text) {
        CommandRun result = run(command, "--jobs", "0");

        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err().lines().findFirst()).hasValue("--jobs must be >= 1, got 0");
        assertThat(helpEntry(command, "--jobs")).startsWith("--jobs=N " + text + ", each with one native thread "
                + "(default: the available cores, here " + Runtime.getRuntime().availableProcessors() + ").");
    }
}
