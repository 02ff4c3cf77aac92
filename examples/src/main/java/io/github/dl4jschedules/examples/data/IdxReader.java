package io.github.dl4jschedules.examples.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files MNIST comes in: images (magic number 2051, {@code idx3-ubyte}) and labels
 * (magic number 2049, {@code idx1-ubyte}), plain or gzipped.
 *
 * <p>Gzip is recognised by its magic bytes ({@code 1f 8b}), not by the file name, so a gzipped
 * file without {@code .gz} (or a decompressed one with it) reads correctly. Every problem is a
 * {@link MnistDataException} whose message starts with the file and says what is wrong: wrong
 * magic number (expected and found), truncated header or data (bytes expected and found), bad
 * dimensions, bytes left over after the data, corrupt gzip data.
 *
 * <p>The header is big-endian: magic, then one 32-bit size per dimension (count for labels; count,
 * rows, cols for images), then the data as unsigned bytes.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions: images. */
    public static final int IMAGE_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension: labels. */
    public static final int LABEL_MAGIC = 0x00000801;

    /** Larger images than this are taken for a corrupt header (MNIST's are 28 x 28). */
    static final int MAX_SIDE = 4096;

    /** Bytes after the data counted at most before giving up (a gzip bomb is not read to its end). */
    static final long MAX_EXTRA_COUNTED = 1 << 20;

    private IdxReader() {
    }

    /** Reads an IDX image file (plain or gzipped). */
    public static IdxImages readImages(Path file) {
        try (InputStream in = open(file)) {
            return readImages(in, file.toString());
        } catch (IOException e) {
            throw ioFailure(file.toString(), e);
        }
    }

    /** Reads an IDX label file (plain or gzipped). */
    public static IdxLabels readLabels(Path file) {
        try (InputStream in = open(file)) {
            return readLabels(in, file.toString());
        } catch (IOException e) {
            throw ioFailure(file.toString(), e);
        }
    }

    /**
     * Reads IDX images from a stream (plain or gzipped); {@code source} names it in messages. The
     * stream is read to its end but not closed. The pixels the header announces must fit in half
     * the heap still free (reading may hold two copies while it grows its buffer), checked before
     * anything is allocated.
     */
    public static IdxImages readImages(InputStream stream, String source) {
        Runtime runtime = Runtime.getRuntime();
        return readImages(stream, source, runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory()));
    }

    /** {@link #readImages(InputStream, String)} with the free heap given, for tests. */
    static IdxImages readImages(InputStream stream, String source, long freeHeap) {
        try {
            InputStream in = decompressIfGzipped(stream);
            byte[] header = readHeader(in, source, 16, "image");
            checkMagic(header, source, IMAGE_MAGIC, "IDX image file, idx3-ubyte");
            int count = dimension(header, 4, source, "image count");
            int rows = dimension(header, 8, source, "row count");
            int cols = dimension(header, 12, source, "column count");
            if (rows == 0 || cols == 0 || rows > MAX_SIDE || cols > MAX_SIDE) {
                throw new MnistDataException(source + ": nonsensical image size " + rows + " x " + cols
                        + " in the header (expected 1 to " + MAX_SIDE + " on each side, 28 x 28 for MNIST)");
            }
            long total = (long) count * rows * cols;
            if (total > Integer.MAX_VALUE - 16) {
                throw new MnistDataException(source + ": nonsensical header: " + count + " images of " + rows
                        + " x " + cols + " is " + total + " bytes, more than this reader supports");
            }
            if (2 * total > freeHeap) {
                throw new MnistDataException(source + ": " + count + " images of " + rows + " x " + cols + " are "
                        + total + " bytes, and reading them needs twice that; the JVM has " + freeHeap
                        + " bytes of heap free (more with JAVA_OPTS=-Xmx..., or use a smaller file)");
            }
            byte[] pixels = readData(in, source, (int) total,
                    " bytes of pixels (" + count + " images of " + rows + " x " + cols + ")");
            return new IdxImages(source, count, rows, cols, pixels);
        } catch (IOException e) {
            throw ioFailure(source, e);
        }
    }

    /**
     * Reads IDX labels from a stream (plain or gzipped); {@code source} names it in messages. The
     * stream is read to its end but not closed.
     */
    public static IdxLabels readLabels(InputStream stream, String source) {
        try {
            InputStream in = decompressIfGzipped(stream);
            byte[] header = readHeader(in, source, 8, "label");
            checkMagic(header, source, LABEL_MAGIC, "IDX label file, idx1-ubyte");
            int count = dimension(header, 4, source, "label count");
            byte[] labels = readData(in, source, count, " bytes of labels (one per example)");
            return new IdxLabels(source, labels);
        } catch (IOException e) {
            throw ioFailure(source, e);
        }
    }

    /** Whether the file starts with the gzip magic bytes {@code 1f 8b}. */
    public static boolean isGzipped(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            throw ioFailure(file.toString(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new MnistDataException(file + ": is a folder, not an IDX file");
        }
        return Files.newInputStream(file);
    }

    private static InputStream decompressIfGzipped(InputStream stream) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stream, 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static byte[] readHeader(InputStream in, String source, int length, String kind) throws IOException {
        byte[] header = in.readNBytes(length);
        if (header.length < length) {
            // A short file can still be told apart by its magic number.
            if (header.length >= 4) {
                int magic = readInt(header, 0);
                int expected = "image".equals(kind) ? IMAGE_MAGIC : LABEL_MAGIC;
                if (magic != expected) {
                    checkMagic(header, source, expected, "IDX " + kind + " file");
                }
            }
            throw new MnistDataException(source + ": truncated " + kind + " file: expected a header of " + length
                    + " bytes, got " + header.length);
        }
        return header;
    }

    private static void checkMagic(byte[] header, String source, int expected, String what) {
        int magic = readInt(header, 0);
        if (magic != expected) {
            String hint = "";
            if (magic == IMAGE_MAGIC) {
                hint = " (that is an IDX image file: images and labels swapped?)";
            } else if (magic == LABEL_MAGIC) {
                hint = " (that is an IDX label file: images and labels swapped?)";
            } else if ((magic & 0xffff0000) == 0x1f8b0000) {
                hint = " (gzip inside gzip?)";
            }
            throw new MnistDataException(source + ": wrong magic number: expected " + expected + " ("
                    + hex(expected) + ", " + what + "), got " + Integer.toUnsignedString(magic) + " (" + hex(magic)
                    + ")" + hint);
        }
    }

    private static int dimension(byte[] header, int offset, String source, String name) {
        int value = readInt(header, offset);
        if (value < 0) {
            throw new MnistDataException(source + ": nonsensical " + name + " " + Integer.toUnsignedString(value)
                    + " in the header (more than " + Integer.MAX_VALUE + ")");
        }
        return value;
    }

    private static byte[] readData(InputStream in, String source, int length, String what) throws IOException {
        byte[] data;
        try {
            data = in.readNBytes(length);
        } catch (EOFException e) {
            throw new MnistDataException(source + ": truncated gzip data while reading " + length + what, e);
        }
        if (data.length < length) {
            throw new MnistDataException(source + ": truncated file: expected " + length + what + ", got "
                    + data.length);
        }
        long extra = 0;
        byte[] skip = new byte[8192];
        for (int n; extra <= MAX_EXTRA_COUNTED && (n = in.read(skip)) > 0; ) {
            extra += n;
        }
        if (extra > 0) {
            String counted = extra > MAX_EXTRA_COUNTED ? "more than " + MAX_EXTRA_COUNTED : Long.toString(extra);
            throw new MnistDataException(source + ": " + counted + " unexpected bytes after the " + length + what
                    + " that the header announces");
        }
        return data;
    }

    private static MnistDataException ioFailure(String source, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new MnistDataException(source + ": no such file", e);
        }
        if (e instanceof EOFException) {
            return new MnistDataException(source + ": truncated gzip data (" + e.getMessage() + ")", e);
        }
        if (e instanceof ZipException) {
            return new MnistDataException(source + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
        return new MnistDataException(source + ": cannot read: " + e, e);
    }

    private static int readInt(byte[] b, int offset) {
        return (b[offset] & 0xff) << 24 | (b[offset + 1] & 0xff) << 16 | (b[offset + 2] & 0xff) << 8
                | (b[offset + 3] & 0xff);
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }
}
