package io.github.dl4jschedules.examples.cli;

import io.github.dl4jschedules.examples.run.TrainingData;
import picocli.CommandLine.Option;

/**
 * {@code --data bundled|mnist|DIR}, the data of every command that trains on MNIST-format data, and its
 * loading into {@link TrainingData}. How many examples of each split to use is {@link DataLimits}'s, a
 * mixin of its own: a command that uses no test split ({@code lr-find}) has no {@code --test-limit}.
 */
public final class DataOptions {

    @Option(names = "--data", paramLabel = "bundled|mnist|DIR", defaultValue = TrainingData.BUNDLED,
            description = {"bundled: the 10,000 MNIST digits shipped with the examples (default);",
                    "mnist: full MNIST through DL4J's downloader (needs internet);",
                    "DIR: a folder with the four IDX files (full MNIST, Fashion-MNIST), gzipped or not."})
    String data;

    /** The {@code --data} value: {@link TrainingData#BUNDLED}, {@link TrainingData#DOWNLOAD} or a folder. */
    public String data() {
        return data;
    }

    /** The data within {@code limits}, in batches of {@code batch}, the training batches shuffled with {@code seed}. */
    public TrainingData load(int batch, long seed, DataLimits limits) {
        return load(batch, seed, limits.train(), limits.test());
    }

    /** The first {@code trainLimit} and {@code testLimit} examples, as {@link #load(int, long, DataLimits)}. */
    public TrainingData load(int batch, long seed, int trainLimit, int testLimit) {
        return TrainingData.load(data, batch, seed, trainLimit, testLimit);
    }
}
