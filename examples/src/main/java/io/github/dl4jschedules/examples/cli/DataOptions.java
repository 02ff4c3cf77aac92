package io.github.dl4jschedules.examples.cli;

import io.github.dl4jschedules.examples.run.TrainingData;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The data of the commands that take it as {@code train} does: {@code --data} and the
 * {@link DataLimits}, and their loading into {@link TrainingData}.
 */
public final class DataOptions {

    @Option(names = "--data", paramLabel = "bundled|mnist|DIR", defaultValue = TrainingData.BUNDLED,
            description = "Data as for train: bundled (default), mnist, or a folder with the four IDX files.")
    String data;

    @Mixin
    DataLimits limits;

    /** The {@code --data} value: {@link TrainingData#BUNDLED}, {@link TrainingData#DOWNLOAD} or a folder. */
    public String data() {
        return data;
    }

    public DataLimits limits() {
        return limits;
    }

    /** Rejects bad limits with a usage error of {@code command}. */
    public void validate(CommandSpec command) {
        limits.validate(command);
    }

    /** The data, in batches of {@code batch}, the training batches shuffled with {@code seed}. */
    public TrainingData load(int batch, long seed) {
        return TrainingData.load(data, batch, seed, limits.train(), limits.test());
    }
}
