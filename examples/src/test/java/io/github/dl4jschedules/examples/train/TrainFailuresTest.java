package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.CommandRun;
import io.github.dl4jschedules.examples.data.IdxReader;
import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.training.TrainingStateStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Run-time failures of {@code train} end in one {@code error:} line and exit code 1, usage errors in
 * exit code 2, before any training where the problem can be known before (issue 10, points 5-7).
 */
class TrainFailuresTest {

    @TempDir
    static Path shared;
    private static Path saved;

    private static CommandRun train(Object... args) {
        List<Object> all = new ArrayList<>(List.of("train", "--no-progress", "--no-console-control"));
        all.addAll(Arrays.asList(args));
        return CommandRun.of(all.toArray());
    }

    private static void assertOneErrorLine(CommandRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err().strip().lines().toList()).singleElement().asString()
                .startsWith("error: ").contains(message);
        assertThat(run.out()).doesNotContain("epoch 1");
    }

    @BeforeAll
    static void saveARun() {
        saved = shared.resolve("run.zip");
        CommandRun run = train("--model", "mlp", "--train-limit", 64, "--test-limit", 32, "--epochs", 1, "--save", saved);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** A copy of the saved zip with entries left out or replaced. */
    private static Path edited(String name, String leaveOut, String replace, byte[] with) throws IOException {
        Path copy = shared.resolve(name);
        try (ZipFile zip = new ZipFile(saved.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals(leaveOut)) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().endsWith(replace) ? with : zip.getInputStream(entry).readAllBytes());
                out.closeEntry();
            }
        }
        return copy;
    }

    @Test
    void aTruncatedResumeFileIsOneErrorLine() throws IOException {
        byte[] bytes = Files.readAllBytes(saved);
        Path truncated = Files.write(shared.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length - 100));
        assertOneErrorLine(train("--resume", truncated, "--epochs", 2), "cannot resume from " + truncated + ": ");
    }

    @Test
    void aCorruptControllerEntryIsOneErrorLine() throws IOException {
        Path corrupt = edited("corrupt.zip", "", TrainingStateStore.CONTROLLER_KEY, new byte[]{1, 2, 3, 4});
        assertOneErrorLine(train("--resume", corrupt, "--epochs", 2), "cannot resume from " + corrupt + ": ");
    }

    @Test
    void aResumeFileWithoutUpdaterStateWarns() throws IOException {
        Path bare = edited("bare.zip", "updaterState.bin", "none", null);
        CommandRun run = train("--resume", bare, "--epochs", 2);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("warning: " + bare + " holds no updater state: the updater (e.g. Adam's "
                + "moments) starts afresh, so the run does not continue exactly").contains("epoch 2/2");
    }

    @Test
    void uiPortsOutsideTheRangeAreUsageErrors() {
        for (int port : new int[]{99999, -1, 0}) {
            CommandRun run = train("--ui=" + port, "--epochs", 1);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--ui must be a port from 1 to 65535, got " + port);
        }
    }

    @Test
    void outputPathsAreCheckedBeforeTraining(@TempDir Path directory) {
        Path missing = directory.resolve("no-such-folder").resolve("results.csv");
        assertOneErrorLine(train("--train-limit", 64, "--out", missing), "--out " + missing + ": folder "
                + missing.getParent() + " does not exist (it is not created; make it first)");
        assertThat(missing.getParent()).doesNotExist();
        assertOneErrorLine(train("--train-limit", 64, "--save", directory), "--save " + directory + " is a folder, not a file");
    }

    /** The four IDX files with images of the given sizes, gzipped. */
    private static Path idxFolder(Path directory, int count, int side, int testSide) throws IOException {
        writeImages(directory.resolve("train-images-idx3-ubyte"), count, side);
        writeLabels(directory.resolve("train-labels-idx1-ubyte"), count);
        writeImages(directory.resolve("t10k-images-idx3-ubyte"), 2, testSide);
        writeLabels(directory.resolve("t10k-labels-idx1-ubyte"), 2);
        return directory;
    }

    private static void writeImages(Path file, int count, int side) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(ByteBuffer.allocate(16).putInt(IdxReader.IMAGE_MAGIC).putInt(count).putInt(side).putInt(side).array());
            byte[] image = new byte[side * side];
            for (int i = 0; i < count; i++) {
                Arrays.fill(image, (byte) (i * 40));
                out.write(image);
            }
        }
    }

    private static void writeLabels(Path file, int count) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(ByteBuffer.allocate(8).putInt(IdxReader.LABEL_MAGIC).putInt(count).array());
            for (int i = 0; i < count; i++) {
                out.write(i % 10);
            }
        }
    }

    @Test
    void testImagesOfAnotherSizeStopBeforeTraining(@TempDir Path directory) throws IOException {
        idxFolder(directory, 8, 28, 14);
        assertOneErrorLine(train("--model", "mlp", "--data", directory, "--epochs", 1),
                "the test images are 14 x 14, the training images 28 x 28; both splits must have one image size");
    }

    @Test
    void leNetOnOneByOneImagesIsOneErrorLine(@TempDir Path directory) throws IOException {
        idxFolder(directory, 8, 1, 1);
        assertOneErrorLine(train("--model", "lenet", "--data", directory, "--epochs", 1),
                "model lenet cannot take images of 1 x 1: ");
    }

    @Test
    void anMlpOnHugeImagesStopsBeforeAllocatingTheNetwork(@TempDir Path directory) throws IOException {
        idxFolder(directory, 2, 4096, 4096);
        assertOneErrorLine(train("--model", "mlp", "--data", directory, "--epochs", 1),
                // (4096 * 4096 + 1) * 300 + 301 * 100 + 101 * 10 = 5,033,196,210 parameters
                "model mlp on images of 4096 x 4096 has 5,033,196,210 parameters and needs about ");
    }

    @Test
    void theMemoryEstimateFollowsItsFormula() {
        // MLP on 28 x 28: 785*300 + 301*100 + 101*10 = 266,610 parameters; activations 300 + 100 + 10 = 410
        double bytes = 4.0 * (4 * 266_610 + 2 * 64 * 410 + 10_000 * 784);
        ModelFit.check(ModelKind.MLP, 28, 28, 64, 10_000, (long) Math.ceil(bytes));
        assertThatThrownBy(() -> ModelFit.check(ModelKind.MLP, 28, 28, 64, 10_000, (long) bytes - 1))
                .hasMessageContaining("model mlp on images of 28 x 28 has 266,610 parameters and needs about 0.0 GB");
    }
}
