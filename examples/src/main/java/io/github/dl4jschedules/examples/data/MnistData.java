package io.github.dl4jschedules.examples.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One split of an MNIST-format data set held in memory: images and their labels, checked to agree.
 *
 * <p>As DL4J data, features are {@code float} rows of {@code rows*cols} (784 for MNIST) pixels
 * scaled to [0, 1] ({@code pixel / 255}), labels are one-hot {@code float} rows of
 * {@value #NUM_CLASSES}. {@link #toDataSet()} gives all of it at once; {@link #batches(int)} and
 * the {@code iterator} methods cut it into mini-batches that are built once and reused every epoch.
 *
 * <p>Instances are immutable; get them from {@link MnistSource}, or make them with
 * {@link #of(IdxImages, IdxLabels)}.
 */
public final class MnistData {

    /** MNIST's ten classes, the digits 0-9. */
    public static final int NUM_CLASSES = 10;

    private final IdxImages images;
    private final IdxLabels labels;

    private MnistData(IdxImages images, IdxLabels labels) {
        this.images = images;
        this.labels = labels;
    }

    /**
     * Pairs images with labels.
     *
     * @throws MnistDataException if the counts differ (the message names both files and both
     *                            counts), a label is not 0-9 (the message names the label file,
     *                            the index and the value), or there are no examples
     */
    public static MnistData of(IdxImages images, IdxLabels labels) {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(labels, "labels");
        if (images.count() != labels.count()) {
            throw new MnistDataException("image and label files disagree: " + images.source() + " has "
                    + images.count() + " images but " + labels.source() + " has " + labels.count() + " labels");
        }
        if (images.count() == 0) {
            throw new MnistDataException(images.source() + ": no images (the header says 0)");
        }
        for (int i = 0; i < labels.count(); i++) {
            int label = labels.label(i);
            if (label >= NUM_CLASSES) {
                throw new MnistDataException(labels.source() + ": label out of range at index " + i + ": got "
                        + label + ", expected 0-" + (NUM_CLASSES - 1));
            }
        }
        return new MnistData(images, labels);
    }

    /** The number of examples. */
    public int size() {
        return images.count();
    }

    /** Features per example: {@code rows * cols}, 784 for MNIST. */
    public int numFeatures() {
        return images.pixelsPerImage();
    }

    /** The images as read. */
    public IdxImages images() {
        return images;
    }

    /** The labels as read. */
    public IdxLabels labels() {
        return labels;
    }

    /** Label (0-9) of example {@code i}. */
    public int label(int i) {
        return labels.label(i);
    }

    /** How many examples each digit has: element {@code d} counts the label {@code d}. */
    public int[] classCounts() {
        int[] counts = new int[NUM_CLASSES];
        for (int i = 0; i < size(); i++) {
            counts[label(i)]++;
        }
        return counts;
    }

    /**
     * The first {@code maxExamples} examples, or this if there are no more than that.
     *
     * @throws IllegalArgumentException if {@code maxExamples < 1}
     */
    public MnistData limit(int maxExamples) {
        if (maxExamples < 1) {
            throw new IllegalArgumentException("maxExamples must be at least 1, got " + maxExamples);
        }
        if (maxExamples >= size()) {
            return this;
        }
        return new MnistData(images.first(maxExamples), labels.first(maxExamples));
    }

    /** All examples as one DataSet: features {@code [N, rows*cols]} in [0, 1], labels one-hot {@code [N, 10]}. */
    public DataSet toDataSet() {
        return slice(0, size());
    }

    /**
     * The examples cut into consecutive mini-batches of {@code batchSize} (the last one may be
     * smaller), in file order. Each batch has its own arrays.
     */
    public List<DataSet> batches(int batchSize) {
        checkBatchSize(batchSize);
        List<DataSet> batches = new ArrayList<>((size() + batchSize - 1) / batchSize);
        for (int start = 0; start < size(); start += batchSize) {
            batches.add(slice(start, Math.min(size(), start + batchSize)));
        }
        return batches;
    }

    /**
     * The examples cut into consecutive mini-batches of {@code batchSize} after permuting them with
     * {@code seed} (the same seed gives the same batches). Each batch has its own arrays.
     */
    public List<DataSet> batches(int batchSize, long seed) {
        List<DataSet> batches = new ArrayList<>();
        for (int[] indices : batchMembers(size(), batchSize, seed)) {
            batches.add(gather(indices));
        }
        return batches;
    }

    /**
     * Which examples make up each training batch of {@link #batches(int, long)}: {@code 0..n-1}
     * permuted with {@code seed} and cut into consecutive runs of {@code batchSize} (the last may be
     * shorter). Plain indices, no ND4J, so that a peer in another framework trains on the same batches.
     */
    public static List<int[]> batchMembers(int n, int batchSize, long seed) {
        checkBatchSize(batchSize);
        int[] order = permutation(n, new Random(seed));
        List<int[]> members = new ArrayList<>((n + batchSize - 1) / batchSize);
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            int[] indices = new int[end - start];
            System.arraycopy(order, start, indices, 0, indices.length);
            members.add(indices);
        }
        return members;
    }

    /**
     * The random source that draws the training batches' order at every epoch in
     * {@link #iterator(int, long)}; a peer that draws {@link #permutation(int, Random)} from it once per
     * epoch visits the batches in the same order.
     */
    public static Random batchOrderRandom(long seed) {
        return new Random(seed ^ 0x5DEECE66DL);
    }

    /**
     * An iterator over mini-batches of {@code batchSize} in file order, the same every epoch. The
     * batches are built here, once; {@code reset()} only rewinds. Suited to evaluation.
     */
    public DataSetIterator iterator(int batchSize) {
        return new PreparedBatchIterator(batches(batchSize), batchSize, numFeatures(), NUM_CLASSES, null);
    }

    /**
     * An iterator over mini-batches of {@code batchSize} for training, deterministic for a given
     * {@code seed}: the examples are permuted with the seed and cut into batches once, here; every
     * {@code reset()} (each new epoch) then visits the batches in a new order drawn from the seed.
     * The batches keep their members from epoch to epoch; nothing is copied or merged per epoch.
     */
    public DataSetIterator iterator(int batchSize, long seed) {
        return new PreparedBatchIterator(batches(batchSize, seed), batchSize, numFeatures(), NUM_CLASSES,
                batchOrderRandom(seed));
    }

    @Override
    public String toString() {
        return "MnistData[" + size() + " examples of " + images.rows() + " x " + images.cols() + " from "
                + images.source() + " and " + labels.source() + "]";
    }

    private DataSet slice(int start, int end) {
        int[] indices = new int[end - start];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = start + i;
        }
        return gather(indices);
    }

    private DataSet gather(int[] indices) {
        int n = indices.length;
        int width = numFeatures();
        byte[] pixels = images.pixels();
        float[] features = new float[n * width];
        float[] oneHot = new float[n * NUM_CLASSES];
        for (int r = 0; r < n; r++) {
            int from = indices[r] * width;
            int to = r * width;
            for (int p = 0; p < width; p++) {
                features[to + p] = (pixels[from + p] & 0xff) / 255f;
            }
            oneHot[r * NUM_CLASSES + label(indices[r])] = 1f;
        }
        INDArray f = Nd4j.create(features, new long[] {n, width}, 'c');
        INDArray l = Nd4j.create(oneHot, new long[] {n, NUM_CLASSES}, 'c');
        return new DataSet(f, l);
    }

    /** A uniform random permutation of {@code 0..n-1} (Fisher-Yates, drawing from {@code random}). */
    public static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static void checkBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }
}
