package io.github.dl4jschedules.examples.data;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Data that would exhaust the machine stops with a clear error before it is allocated (issue 10,
 * point 5): a header announcing more pixels than the heap can read, a gzip bomb after the data.
 */
class DataLimitsTest {

    private static byte[] header(int count, int rows, int cols) {
        return ByteBuffer.allocate(16).putInt(IdxReader.IMAGE_MAGIC).putInt(count).putInt(rows).putInt(cols).array();
    }

    @Test
    void pixelsBeyondTheFreeHeapAreRefusedBeforeReading() {
        byte[] file = header(100, 28, 28);     // 78,400 bytes announced, none there
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(file), "big-idx3-ubyte", 100_000))
                .isInstanceOf(MnistDataException.class)
                .hasMessage("big-idx3-ubyte: 100 images of 28 x 28 are 78400 bytes, and reading them needs twice "
                        + "that; the JVM has 100000 bytes of heap free (more with JAVA_OPTS=-Xmx..., or use a smaller file)");
    }

    @Test
    void aGzipBombAfterTheDataIsNotReadToItsEnd() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(header(1, 1, 1));
            gzip.write(7);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);              // 64 MiB of zeros, about 64 KiB compressed
            }
        }
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(compressed.toByteArray()), "bomb.gz"))
                .isInstanceOf(MnistDataException.class)
                .hasMessage("bomb.gz: more than 1048576 unexpected bytes after the 1 bytes of pixels (1 images of 1 x 1) "
                        + "that the header announces");
    }
}
