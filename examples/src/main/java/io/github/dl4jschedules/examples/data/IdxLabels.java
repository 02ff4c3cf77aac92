package io.github.dl4jschedules.examples.data;

import java.util.Arrays;

/**
 * The content of an IDX label file (magic number 2049): one unsigned byte per example.
 *
 * @param source where the labels were read from (a path or {@code classpath:...}), for messages
 * @param labels the labels as unsigned bytes; read them with {@link #label(int)}. Not copied: do
 *               not modify.
 */
public record IdxLabels(String source, byte[] labels) {

    /** The number of labels. */
    public int count() {
        return labels.length;
    }

    /** Label {@code i}, 0-255. */
    public int label(int i) {
        return Byte.toUnsignedInt(labels[i]);
    }

    /** The first {@code n} labels (all of them if {@code n >= count()}). */
    public IdxLabels first(int n) {
        return n >= labels.length ? this : new IdxLabels(source, Arrays.copyOf(labels, n));
    }

    @Override
    public String toString() {
        return "IdxLabels[" + source + ", " + labels.length + " labels]";
    }

    /** Equal when the labels are equal; the source is not compared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof IdxLabels other && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(labels);
    }
}
