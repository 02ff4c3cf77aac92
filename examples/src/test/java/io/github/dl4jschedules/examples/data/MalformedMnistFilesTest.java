package io.github.dl4jschedules.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.dl4jschedules.examples.data.MnistSource.Split;

/** Every kind of broken MNIST folder gives a {@link MnistDataException} naming the file and the problem. */
class MalformedMnistFilesTest {

    private static final int N = 5;

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- helpers: write IDX files

    static byte[] images(int magic, int count, int rows, int cols, int pixelBytes) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixelBytes);
        b.putInt(magic).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < pixelBytes; i++) {
            b.put((byte) (i * 37));
        }
        return b.array();
    }

    static byte[] images(int count) {
        return images(IdxReader.IMAGE_MAGIC, count, 28, 28, count * 784);
    }

    static byte[] labels(int magic, int count, int... values) {
        ByteBuffer b = ByteBuffer.allocate(8 + values.length);
        b.putInt(magic).putInt(count);
        for (int v : values) {
            b.put((byte) v);
        }
        return b.array();
    }

    static byte[] labels(int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = i % 10;
        }
        return labels(IdxReader.LABEL_MAGIC, count, values);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** Writes a complete, valid set of the four files (plain, standard names). */
    private void writeValidSet() throws IOException {
        write("train-images-idx3-ubyte", images(N));
        write("train-labels-idx1-ubyte", labels(N));
        write("t10k-images-idx3-ubyte", images(3));
        write("t10k-labels-idx1-ubyte", labels(3));
    }

    private Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    // ---------------------------------------------------------------- the cases

    @Test
    void validFilesLoad() throws IOException {
        writeValidSet();
        MnistData train = MnistSource.directory(dir).train();
        assertThat(train.size()).isEqualTo(N);
        assertThat(train.toDataSet().getFeatures().shape()).containsExactly(N, 784);
        assertThat(train.label(3)).isEqualTo(3);
        assertThat(train.images().pixel(0, 1)).isEqualTo(37);
        assertThat(MnistSource.directory(dir).test().size()).isEqualTo(3);
    }

    @Test
    void wrongMagicNumberInImages() throws IOException {
        Path file = write("train-images-idx3-ubyte", labels(N));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(MnistDataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("wrong magic number: expected 2051 (0x00000803")
                .hasMessageContaining("got 2049 (0x00000801)")
                .hasMessageContaining("images and labels swapped?");
    }

    @Test
    void wrongMagicNumberInLabels() throws IOException {
        Path file = write("train-labels-idx1-ubyte", new byte[] {0x12, 0x34, 0x56, 0x78, 0, 0, 0, 1, 1});
        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(MnistDataException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("expected 2049 (0x00000801")
                .hasMessageContaining("got 305419896 (0x12345678)");
    }

    @Test
    void truncatedImages() throws IOException {
        Path file = write("train-images-idx3-ubyte", images(IdxReader.IMAGE_MAGIC, N, 28, 28, N * 784 - 100));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(MnistDataException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("truncated file: expected 3920 bytes of pixels (5 images of 28 x 28), got 3820");
    }

    @Test
    void truncatedHeader() throws IOException {
        Path file = write("train-images-idx3-ubyte", Arrays.copyOf(images(N), 10));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(MnistDataException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("expected a header of 16 bytes, got 10");
    }

    @Test
    void truncatedLabels() throws IOException {
        Path file = write("train-labels-idx1-ubyte", labels(IdxReader.LABEL_MAGIC, N, 1, 2, 3));
        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(MnistDataException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("truncated file: expected 5 bytes of labels (one per example), got 3");
    }

    @Test
    void truncatedGzip() throws IOException {
        byte[] gz = gzip(images(N));
        Path file = write("train-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(MnistDataException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("truncated gzip data");
    }

    @Test
    void trailingBytesAfterTheData() throws IOException {
        byte[] data = Arrays.copyOf(labels(N), 8 + N + 2);
        Path file = write("train-labels-idx1-ubyte", data);
        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .isInstanceOf(MnistDataException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("2 unexpected bytes after the 5 bytes of labels");
    }

    @Test
    void nonsensicalDimensions() throws IOException {
        Path zeroRows = write("a", images(IdxReader.IMAGE_MAGIC, N, 0, 28, 0));
        assertThatThrownBy(() -> IdxReader.readImages(zeroRows))
                .isInstanceOf(MnistDataException.class)
                .hasMessageStartingWith(zeroRows.toString())
                .hasMessageContaining("nonsensical image size 0 x 28");
        Path negativeCount = write("b", images(IdxReader.IMAGE_MAGIC, -1, 28, 28, 0));
        assertThatThrownBy(() -> IdxReader.readImages(negativeCount))
                .isInstanceOf(MnistDataException.class)
                .hasMessageStartingWith(negativeCount.toString())
                .hasMessageContaining("nonsensical image count 4294967295");
        Path huge = write("c", images(IdxReader.IMAGE_MAGIC, 1_000_000, 4000, 4000, 0));
        assertThatThrownBy(() -> IdxReader.readImages(huge))
                .isInstanceOf(MnistDataException.class)
                .hasMessageStartingWith(huge.toString())
                .hasMessageContaining("nonsensical header");
    }

    @Test
    void imageAndLabelCountsDisagree() throws IOException {
        writeValidSet();
        Path images = write("train-images-idx3-ubyte", images(N));
        Path labels = write("train-labels-idx1-ubyte", labels(N - 1));
        assertThatThrownBy(() -> MnistSource.directory(dir).train())
                .isInstanceOf(MnistDataException.class)
                .hasMessageContaining(images + " has 5 images")
                .hasMessageContaining(labels + " has 4 labels");
    }

    @Test
    void labelOutOfRange() throws IOException {
        writeValidSet();
        Path labels = write("train-labels-idx1-ubyte", labels(IdxReader.LABEL_MAGIC, N, 0, 1, 2, 10, 4));
        assertThatThrownBy(() -> MnistSource.directory(dir).train())
                .isInstanceOf(MnistDataException.class)
                .hasMessageStartingWith(labels.toString())
                .hasMessageContaining("label out of range at index 3: got 10, expected 0-9");
    }

    @Test
    void missingFilesAreAllListed() throws IOException {
        writeValidSet();
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        Files.delete(dir.resolve("train-images-idx3-ubyte"));
        assertThatThrownBy(() -> MnistSource.directory(dir))
                .isInstanceOf(MnistDataException.class)
                .hasMessageStartingWith(dir + ": missing MNIST files")
                .hasMessageContaining("train-images-idx3-ubyte, train-images-idx3-ubyte.gz, "
                        + "train-images.idx3-ubyte, train-images.idx3-ubyte.gz")
                .hasMessageContaining("t10k-labels-idx1-ubyte, t10k-labels-idx1-ubyte.gz, "
                        + "t10k-labels.idx1-ubyte, t10k-labels.idx1-ubyte.gz")
                .hasMessageNotContaining("train-labels");
    }

    @Test
    void missingFolder() {
        Path nowhere = dir.resolve("nowhere");
        assertThatThrownBy(() -> MnistSource.directory(nowhere))
                .isInstanceOf(MnistDataException.class)
                .hasMessageStartingWith(nowhere + ": no such folder");
    }

    @Test
    void missingSingleFileThroughTheReader() {
        Path file = dir.resolve("train-images-idx3-ubyte");
        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(MnistDataException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void gzippedAndPlainFilesGiveTheSameData() throws IOException {
        Path plainDir = Files.createDirectory(dir.resolve("plain"));
        Path gzDir = Files.createDirectory(dir.resolve("gz"));
        // Real digits: the first 300 of the bundled test split.
        MnistData real = MnistSource.bundled().load(Split.TEST, 300);
        byte[] imageBytes = idx(real.images());
        byte[] labelBytes = idx(real.labels());
        for (Split split : Split.values()) {
            Files.write(plainDir.resolve(split.prefix() + "-images-idx3-ubyte"), imageBytes);
            Files.write(plainDir.resolve(split.prefix() + "-labels-idx1-ubyte"), labelBytes);
            Files.write(gzDir.resolve(split.prefix() + "-images-idx3-ubyte.gz"), gzip(imageBytes));
            Files.write(gzDir.resolve(split.prefix() + "-labels-idx1-ubyte.gz"), gzip(labelBytes));
        }
        MnistData fromPlain = MnistSource.directory(plainDir).train();
        MnistData fromGz = MnistSource.directory(gzDir).train();
        assertThat(IdxReader.isGzipped(gzDir.resolve("train-images-idx3-ubyte.gz"))).isTrue();
        assertThat(IdxReader.isGzipped(plainDir.resolve("train-images-idx3-ubyte"))).isFalse();
        assertThat(fromGz.images()).isEqualTo(fromPlain.images()).isEqualTo(real.images());
        assertThat(fromGz.labels()).isEqualTo(fromPlain.labels()).isEqualTo(real.labels());
        assertThat(fromGz.toDataSet()).isEqualTo(fromPlain.toDataSet());
    }

    @Test
    void gzipIsDetectedByContentNotByName() throws IOException {
        write("train-images-idx3-ubyte", gzip(images(N)));   // gzipped, no .gz
        write("train-labels-idx1-ubyte.gz", labels(N));      // plain, named .gz
        write("t10k-images-idx3-ubyte", images(3));
        write("t10k-labels-idx1-ubyte", labels(3));
        MnistData train = MnistSource.directory(dir).train();
        assertThat(train.size()).isEqualTo(N);
        assertThat(train.images()).isEqualTo(IdxReader.readImages(new ByteArrayInputStream(images(N)), "x"));
    }

    @Test
    void dottedNamesAreAccepted() throws IOException {
        write("train-images.idx3-ubyte", images(N));
        write("train-labels.idx1-ubyte.gz", gzip(labels(N)));
        write("t10k-images.idx3-ubyte.gz", gzip(images(3)));
        write("t10k-labels.idx1-ubyte", labels(3));
        MnistSource source = MnistSource.directory(dir);
        assertThat(source.imageFile(Split.TRAIN)).isEqualTo(dir.resolve("train-images.idx3-ubyte"));
        assertThat(source.labelFile(Split.TEST)).isEqualTo(dir.resolve("t10k-labels.idx1-ubyte"));
        assertThat(source.train().size()).isEqualTo(N);
        assertThat(source.load(Split.TEST, 2).size()).isEqualTo(2);
    }

    private static byte[] idx(IdxImages images) {
        ByteBuffer b = ByteBuffer.allocate(16 + images.pixels().length);
        b.putInt(IdxReader.IMAGE_MAGIC).putInt(images.count()).putInt(images.rows()).putInt(images.cols());
        return b.put(images.pixels()).array();
    }

    private static byte[] idx(IdxLabels labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.count());
        b.putInt(IdxReader.LABEL_MAGIC).putInt(labels.count());
        return b.put(labels.labels()).array();
    }
}
