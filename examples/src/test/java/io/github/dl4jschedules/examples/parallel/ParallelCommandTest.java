package io.github.dl4jschedules.examples.parallel;

import io.github.dl4jschedules.examples.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code examples/run parallel} on a slice of the bundled MNIST: global counters, the scaled rate, results. */
class ParallelCommandTest {

    @Test
    void twoWorkersCountGlobalStepsAndWarmUpToTwiceTheRate(@TempDir Path directory) throws IOException {
        Path csv = directory.resolve("parallel.csv");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new ParallelCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)));

        int exitCode = commandLine.execute("--workers", "2", "--epochs", "3", "--warmup-epochs", "2",
                "--schedule", "constant(lr=0.02)", "--batch", "32", "--train-limit", "320", "--test-limit", "64",
                "--out", csv.toString());

        String console = printed.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(console).isZero();
        assertThat(console)
                .contains("warmup(steps=20, start=0.02, then=scaled(factor=2.0, of=constant(lr=0.02)), unit=iteration)")
                .contains("one iteration = one mini-batch of one worker: 10 per epoch, 2 per round")
                .contains("iteration 10 ").contains("iteration 30 ");
        List<String> rows = Files.readAllLines(csv).stream().filter(line -> line.matches("\\d+,.*")).toList();
        assertThat(rows).hasSize(3);
        // the rate of each epoch's last step: 0.02 + 0.02 * n / 20 at n = 9, 19; then 0.04
        assertThat(rows).extracting(row -> Double.parseDouble(row.split(",")[3]))
                .containsExactly(0.029, 0.039, 0.04);
    }

    @Test
    void badWorkerCountsAreUsageErrors() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        assertThat(commandLine.execute("parallel", "--workers", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--workers must be >= 1, got 0").contains("Usage: examples/run parallel");
    }
}
