package io.github.dl4jschedules.examples.parallel;

import io.github.dl4jschedules.examples.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code examples/run parallel} on a slice of the bundled MNIST: global counters, the scaled rate, results. */
class ParallelCommandTest {

    @Test
    void twoWorkersCountGlobalStepsAndWarmUpToTwiceTheRate(@TempDir Path directory) throws IOException {
        Path csv = directory.resolve("parallel.csv");
        CommandRun run = CommandRun.of("parallel", "--workers", "2", "--epochs", "3", "--warmup-epochs", "2",
                "--schedule", "constant(lr=0.02)", "--batch", "32", "--train-limit", "320", "--test-limit", "64",
                "--out", csv);

        String console = run.out();
        assertThat(run.exitCode()).as(console + run.err()).isZero();
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
        CommandRun run = CommandRun.of("parallel", "--workers", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--workers must be >= 1, got 0").contains("Usage: examples/run parallel");
    }
}
