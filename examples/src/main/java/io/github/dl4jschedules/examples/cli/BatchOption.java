package io.github.dl4jschedules.examples.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --batch}, the mini-batch size, of the commands that train one network: 64 unless told
 * otherwise, rejected below 1 with the same message in every command. A command may say what the batch is
 * in its resource bundle under the key {@code batch}; without one the help line is "Mini-batch size (default: 64)."
 */
public final class BatchOption {

    @Option(names = "--batch", defaultValue = "64", descriptionKey = "batch", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    /** The mini-batch size given, or 64. */
    public int value() {
        return batch;
    }

    /** Rejects a size below 1 with a usage error of {@code command}: "--batch must be >= 1, got N". */
    public void validate(CommandSpec command) {
        Validation.requirePositive(command, "--batch", batch);
    }
}
