package io.github.dl4jschedules.examples.run;

import io.github.dl4jschedules.examples.data.DownloadedMnist;
import io.github.dl4jschedules.examples.data.MnistData;
import io.github.dl4jschedules.examples.data.MnistSource;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.nio.file.Path;

/**
 * The train and test iterators of a run, chosen by {@code --data}:
 * <ul>
 *   <li>{@code bundled} (default): the 10,000 real MNIST digits the project ships (8,000 train, 2,000 test);</li>
 *   <li>{@code mnist}: full MNIST through DL4J's {@code MnistDataSetIterator}, which downloads it;</li>
 *   <li>any other value: a folder with the four standard IDX files (full MNIST, Fashion-MNIST), gzipped or not.</li>
 * </ul>
 * Training batches are built once and their order reshuffled every epoch with the run's seed.
 *
 * @param train       training batches
 * @param test        test batches, in a fixed order
 * @param height      image rows
 * @param width       image columns
 * @param trainSize   training examples
 * @param testSize    test examples
 * @param description where the data came from, for logs and provenance
 */
public record TrainingData(DataSetIterator train, DataSetIterator test, int height, int width, int trainSize,
                           int testSize, String description) {

    /** The {@code --data} value of the bundled subset. */
    public static final String BUNDLED = "bundled";
    /** The {@code --data} value of DL4J's downloading iterator. */
    public static final String DOWNLOAD = "mnist";

    private static final int MNIST_SIDE = 28;

    /**
     * Loads the data a {@code --data} value names.
     *
     * @param data       {@link #BUNDLED}, {@link #DOWNLOAD} or a folder
     * @param batch      examples per training batch
     * @param seed       seed of the per-epoch shuffling
     * @param trainLimit use the first this many training examples at most
     * @param testLimit  use the first this many test examples at most
     * @throws io.github.dl4jschedules.examples.data.MnistDataException naming the file and the problem, or
     *         if the test images are not of the training images' size
     */
    public static TrainingData load(String data, int batch, long seed, int trainLimit, int testLimit) {
        if (DOWNLOAD.equals(data)) {
            DataSetIterator train = DownloadedMnist.iterator(MnistSource.Split.TRAIN, batch, trainLimit, true, seed);
            DataSetIterator test = DownloadedMnist.iterator(MnistSource.Split.TEST, batch, testLimit, false, seed);
            return new TrainingData(train, test, MNIST_SIDE, MNIST_SIDE,
                    Math.min(trainLimit, DownloadedMnist.TRAIN_SIZE), Math.min(testLimit, DownloadedMnist.TEST_SIZE),
                    "full MNIST via DL4J's MnistDataSetIterator (" + DownloadedMnist.cacheDirectory() + ")");
        }
        MnistSource source = BUNDLED.equals(data) ? MnistSource.bundled() : MnistSource.directory(Path.of(data));
        MnistData train = source.load(MnistSource.Split.TRAIN, trainLimit);
        MnistData test = source.load(MnistSource.Split.TEST, testLimit);
        if (test.images().rows() != train.images().rows() || test.images().cols() != train.images().cols()) {
            throw new io.github.dl4jschedules.examples.data.MnistDataException(source.description()
                    + ": the test images are " + test.images().rows() + " x " + test.images().cols()
                    + ", the training images " + train.images().rows() + " x " + train.images().cols()
                    + "; both splits must have one image size");
        }
        return new TrainingData(train.iterator(batch, seed), test.iterator(batch),
                train.images().rows(), train.images().cols(), train.size(), test.size(), source.description());
    }
}
