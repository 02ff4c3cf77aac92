package io.github.dl4jschedules.examples.data;

import java.util.Arrays;

/**
 * The content of an IDX image file (magic number 2051): {@code count} images of
 * {@code rows x cols} unsigned bytes, row-major, one image after the other.
 *
 * @param source where the images were read from (a path or {@code classpath:...}), for messages
 * @param count  the number of images
 * @param rows   the height of each image
 * @param cols   the width of each image
 * @param pixels {@code count * rows * cols} pixels; read them with {@link #pixel(int, int)}, which
 *               treats them as unsigned (0-255). Not copied: do not modify.
 */
public record IdxImages(String source, int count, int rows, int cols, byte[] pixels) {

    public IdxImages {
        if (count < 0 || rows <= 0 || cols <= 0 || pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException(source + ": inconsistent image data: " + count + " x " + rows
                    + " x " + cols + " but " + pixels.length + " pixels");
        }
    }

    /** Pixels per image, {@code rows * cols}. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** Pixel {@code p} (0 to {@code rows*cols - 1}, row-major) of image {@code image}, 0-255. */
    public int pixel(int image, int p) {
        return Byte.toUnsignedInt(pixels[image * pixelsPerImage() + p]);
    }

    /** The first {@code n} images (all of them if {@code n >= count}). */
    public IdxImages first(int n) {
        if (n >= count) {
            return this;
        }
        return new IdxImages(source, n, rows, cols, Arrays.copyOf(pixels, n * pixelsPerImage()));
    }

    @Override
    public String toString() {
        return "IdxImages[" + source + ", " + count + " x " + rows + " x " + cols + "]";
    }

    /** Equal when the shapes and the pixels are equal; the source is not compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof IdxImages other && count == other.count && rows == other.rows && cols == other.cols
                && Arrays.equals(pixels, other.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * count + rows) + cols) + Arrays.hashCode(pixels);
    }
}
