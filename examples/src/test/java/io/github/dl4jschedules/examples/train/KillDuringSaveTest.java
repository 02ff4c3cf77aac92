package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.Main;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code train --save} killed with SIGKILL at random moments, as a user's {@code kill -9} or an
 * out-of-memory killer would: after every kill the save file is absent or a complete model that
 * restores, with its updater state, and at most one {@code FILE.tmp} is left, which the next run
 * saving to the same file removes before it trains.
 */
class KillDuringSaveTest {

    private static final int KILLS = 3;

    @Test
    void aKilledSaveLeavesACompleteFileAndAtMostOneTemporaryThatTheNextRunRemoves(@TempDir Path directory)
            throws Exception {
        Path save = directory.resolve("run.zip");
        Path temporary = directory.resolve("run.zip.tmp");
        Random random = new Random(10);
        for (int kill = 0; kill < KILLS; kill++) {
            Process train = start(save, directory.resolve("log-" + kill + ".txt"));
            try {
                awaitFirstSave(save, train);
                Thread.sleep(random.nextInt(1_500));   // somewhere in an epoch or in the middle of a save
            } finally {
                train.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(save.toFile(), true);
            assertThat(restored.getUpdater().getStateViewArray()).as("updater state after kill %d", kill).isNotNull();
            assertThat(leftovers(directory)).as("files after kill %d", kill)
                    .allMatch(p -> p.equals(save) || p.equals(temporary) || p.getFileName().toString().startsWith("log-"));
        }
        Files.writeString(temporary, "a half-written save of a killed run");
        CommandLine next = Main.commandLine();
        next.setOut(new PrintWriter(Writer.nullWriter()));
        next.setErr(new PrintWriter(Writer.nullWriter()));
        int exit = next.execute("train", "--model", "mlp", "--train-limit", "200", "--test-limit", "100",
                "--epochs", "1", "--save", save.toString());
        assertThat(exit).isZero();
        assertThat(temporary).doesNotExist();
        assertThat(ModelSerializer.restoreMultiLayerNetwork(save.toFile(), true).getEpochCount()).isEqualTo(1);
    }

    private static Process start(Path save, Path log) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", "--model", "mlp", "--train-limit", "300", "--test-limit", "100", "--epochs", "1000",
                "--save", save.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitFirstSave(Path save, Process train) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(save)) {
            assertThat(train.isAlive()).as("train exited before its first save").isTrue();
            assertThat(System.nanoTime()).as("no save within 120 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static List<Path> leftovers(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }
}
