package io.github.dl4jschedules.examples.data;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.common.resources.ResourceType;
import org.deeplearning4j.datasets.iterator.impl.MnistDataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The full MNIST data set (60,000 training and 10,000 test digits) through DL4J's own
 * {@link MnistDataSetIterator}, for {@code --data mnist}.
 *
 * <p>DL4J downloads the four files on first use into its cache folder
 * ({@code ~/.deeplearning4j/data/MNIST} by default) and reads them from there afterwards. Without
 * internet access (and nothing cached) the download fails at once, with an
 * {@code UnknownHostException} in 1.0.0-M2.1; this class turns that into a
 * {@link MnistDataException} whose message says what happened and what to do instead, with the
 * original exception as its cause.
 *
 * <p>Features are {@code [batch, 784]} floats in [0, 1] and labels one-hot {@code [batch, 10]},
 * like {@link MnistData}'s.
 */
public final class DownloadedMnist {

    /** Makes the DL4J iterator; replaced in tests to simulate failures without a network. */
    @FunctionalInterface
    interface IteratorFactory {
        DataSetIterator create(int batchSize, int numExamples, boolean train, boolean shuffle, long seed)
                throws IOException;
    }

    /** Training digits in full MNIST. */
    public static final int TRAIN_SIZE = 60_000;
    /** Test digits in full MNIST. */
    public static final int TEST_SIZE = 10_000;

    private static final IteratorFactory DL4J = (batchSize, numExamples, train, shuffle, seed) ->
            new MnistDataSetIterator(batchSize, numExamples, false, train, shuffle, seed);

    private DownloadedMnist() {
    }

    /**
     * An iterator over one split of full MNIST, downloading it first if it is not cached.
     *
     * @param split       which split
     * @param batchSize   examples per batch
     * @param maxExamples the first this many examples only ({@code Integer.MAX_VALUE} for all)
     * @param shuffle     whether DL4J reshuffles the examples at every reset
     * @param seed        the seed of that shuffling
     * @throws MnistDataException if MNIST can be neither found in the cache nor downloaded
     */
    public static DataSetIterator iterator(MnistSource.Split split, int batchSize, int maxExamples, boolean shuffle,
                                           long seed) {
        return iterator(split, batchSize, maxExamples, shuffle, seed, DL4J);
    }

    static DataSetIterator iterator(MnistSource.Split split, int batchSize, int maxExamples, boolean shuffle,
                                    long seed, IteratorFactory factory) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (maxExamples < 1) {
            throw new IllegalArgumentException("maxExamples must be at least 1, got " + maxExamples);
        }
        boolean train = split == MnistSource.Split.TRAIN;
        int numExamples = Math.min(maxExamples, train ? TRAIN_SIZE : TEST_SIZE);
        try {
            return factory.create(batchSize, numExamples, train, shuffle, seed);
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    /** DL4J's cache folder for MNIST, where the downloaded files go. */
    public static File cacheDirectory() {
        return new File(new File(DL4JResources.getBaseDirectory(), ResourceType.DATASET.resourceName()), "MNIST");
    }

    static MnistDataException failure(Exception e) {
        String alternatives = " Use --data DIR with a folder holding the four MNIST IDX files (train-images-idx3-ubyte[.gz], "
                + "train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]), "
                + "or leave --data out to train on the bundled subset of 10,000 real MNIST digits.";
        if (isNetworkFailure(e)) {
            return new MnistDataException("Could not download MNIST: " + describe(e) + ". --data mnist has DL4J "
                    + "download the full MNIST data set (about 11 MB, from " + baseUrl() + ", into " + cacheDirectory()
                    + "), which needs internet access." + alternatives, e);
        }
        return new MnistDataException("Could not load MNIST through DL4J's MnistDataSetIterator: " + describe(e)
                + ". It downloads the data set into " + cacheDirectory() + " on first use, which needs internet "
                + "access; if a download there was interrupted, delete that folder and try again." + alternatives, e);
    }

    private static boolean isNetworkFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root instanceof UnknownHostException ? "unknown host " + root.getMessage()
                : root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
        return what;
    }

    private static String baseUrl() {
        try {
            return DL4JResources.getBaseDownloadURL();
        } catch (RuntimeException e) {
            return "DL4J's download server";
        }
    }
}
