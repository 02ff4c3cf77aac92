package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.CommandRun;
import org.deeplearning4j.common.resources.DL4JResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's answers to bad input: a message naming the problem and a non-zero exit code;
 * usage for bad options and values, no stack trace anywhere. Nothing here trains a network.
 */
class CommandLineTest {

    static CommandRun execute(String... args) {
        return CommandRun.of((Object[]) args);
    }

    private static void assertUsageError(CommandRun result, String message) {
        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isEqualTo(2);
        assertThat(result.err()).contains(message).contains("Usage: examples/run train");
        assertNoStackTrace(result);
    }

    private static void assertNoStackTrace(CommandRun result) {
        assertThat(result.err() + result.out()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void noCommandIsAnError() {
        CommandRun result = execute();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("a command is required").contains("Usage: examples/run");
    }

    @Test
    void unknownOption() {
        assertUsageError(execute("train", "--bogus"), "Unknown option: '--bogus'");
    }

    @Test
    void unknownModel() {
        assertUsageError(execute("train", "--model", "resnet"),
                "Invalid value for option '--model': 'resnet' is not one of mlp, lenet");
    }

    @Test
    void unknownUpdater() {
        assertUsageError(execute("train", "--updater", "adadelta"),
                "Invalid value for option '--updater': 'adadelta' is not one of sgd, nesterovs, adam, adamax, nadam, "
                        + "amsgrad, rmsprop, adagrad");
    }

    @Test
    void badSpecShowsThePosition() {
        CommandRun result = execute("train", "--schedule", "exponential(lr=0.1 rate=0.9)");
        assertUsageError(result, "Invalid value for option '--schedule': expected ',' or ')', found 'rate' at 19");
        String nl = System.lineSeparator();
        assertThat(result.err()).contains("  exponential(lr=0.1 rate=0.9)" + nl + "  " + " ".repeat(19) + "^" + nl)
                .contains("presets: constant, inverse-time");
    }

    @Test
    void unknownScheduleListsTheKnownOnes() {
        CommandRun result = execute("train", "--schedule", "cosin(lr=0.1)");
        assertUsageError(result, "unknown schedule 'cosin' at 0; known: constant, inverse-time, exponential");
        assertThat(result.err()).contains("  cosin(lr=0.1)" + System.lineSeparator() + "  ^");
    }

    @Test
    void unknownScheduleParameter() {
        String spec = "exponential(lr=0.1, rate=0.9, unit=epoch, bogus=1)";
        int position = spec.indexOf("bogus");
        CommandRun result = execute("train", "--schedule", spec);
        assertUsageError(result, "exponential: unknown parameter 'bogus' at " + position + "; known: lr, rate, unit");
        assertThat(result.err()).contains("  " + spec + System.lineSeparator() + " ".repeat(2 + position) + "^");
    }

    @Test
    void zeroEpochs() {
        assertUsageError(execute("train", "--epochs", "0"), "--epochs must be >= 1, got 0");
    }

    @Test
    void negativeBatch() {
        assertUsageError(execute("train", "--batch", "-5"), "--batch must be >= 1, got -5");
    }

    @Test
    void nonNumericEpochs() {
        assertUsageError(execute("train", "--epochs", "many"), "Invalid value for option '--epochs': 'many' is not an int");
    }

    @Test
    void outNeedsCsvOrJson() {
        assertUsageError(execute("train", "--out", "x.txt"), "--out must end in .csv or .json, got x.txt");
    }

    @Test
    void missingDataFolderIsNamed() {
        CommandRun result = execute("train", "--data", "/nonexistent", "--epochs", "1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: /nonexistent: no such folder (expected a folder with the four "
                + "MNIST IDX files");
        assertNoStackTrace(result);
    }

    @Test
    void dataFolderWithoutMnistFilesListsWhatIsMissing(@TempDir Path empty) {
        CommandRun result = execute("train", "--data", empty.toString(), "--epochs", "1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: " + empty + ": missing MNIST files; looked for train-images-idx3-ubyte")
                .contains("t10k-labels-idx1-ubyte.gz");
        assertNoStackTrace(result);
    }

    /**
     * {@code --data mnist} without internet: simulated by an empty DL4J cache folder and a download
     * server whose name cannot resolve ({@code .invalid} is reserved, RFC 2606), so the test behaves
     * the same with and without a network.
     */
    @Test
    void downloadWithoutInternetGivesAClearMessage(@TempDir Path cache) {
        File oldDirectory = DL4JResources.getBaseDirectory();
        String oldUrl = DL4JResources.getBaseDownloadURL();
        DL4JResources.setBaseDirectory(cache.toFile());
        DL4JResources.setBaseDownloadURL("https://dl4j-schedules-offline.invalid/");
        try {
            CommandRun result = execute("train", "--data", "mnist", "--epochs", "1");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("error: Could not download MNIST: unknown host ")
                    .contains("needs internet access").contains("--data DIR")
                    .contains("leave --data out to train on the bundled subset");
            assertNoStackTrace(result);
        } finally {
            DL4JResources.setBaseDirectory(oldDirectory);
            DL4JResources.setBaseDownloadURL(oldUrl);
        }
    }

    @Test
    void helpListsTheOptions() {
        CommandRun result = execute("train", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: examples/run train").contains("--model=mlp|lenet")
                .contains("--no-fast").contains("--schedule=SPEC|PRESET");
    }

    /** The preset names and the plateau defaults (PyTorch ReduceLROnPlateau's) in the help, as typed here. */
    @Test
    void helpNamesThePresetsAndThePlateauDefaults() {
        // picocli wraps lines, also after a '.', so compare without white space
        String help = execute("train", "--help").out().replaceAll("\\s+", "");
        assertThat(help).contains(("or a preset: constant, inverse-time, exponential, inverse-sqrt-epoch, "
                + "inverse-sqrt-iteration, staircase (default: constant(lr=0.001)).").replace(" ", ""))
                .contains("defaults: factor=0.1, patience=10, threshold=1e-4 rel.".replace(" ", ""));
    }

    /** A good command still runs: a tiny MLP training that writes its JSON results. */
    @Test
    void shortTrainingWritesResults(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run.json");
        CommandRun result = execute("train", "--model", "mlp", "--epochs", "2", "--train-limit", "256", "--test-limit", "100",
                "--schedule", "exponential(lr=0.002, rate=0.9, unit=epoch)", "--no-progress", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        String json = Files.readString(out);
        assertThat(json).contains("\"model\" : \"mlp\"").contains("\"train_examples\" : \"256\"")
                .contains("\"fast_path\" : \"true\"").contains("\"epoch\" : 2").contains("\"rate\" : 0.0018");
    }
}
