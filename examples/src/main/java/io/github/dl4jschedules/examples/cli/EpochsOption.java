package io.github.dl4jschedules.examples.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.Objects;

/**
 * {@code --epochs}, the passes over the training data, of the commands that train. Its default differs
 * between commands, so each command states it in its {@link OptionDefaults}; what the epochs are may be
 * said in the command's resource bundle under the key {@code epochs} (without one the help line is
 * "Passes over the training data (default: N)."). A value below 1 is rejected with the same message in
 * every command.
 */
public final class EpochsOption {

    @Option(names = "--epochs", descriptionKey = "epochs", description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
    Integer epochs;

    /** The epochs given, or the command's default. */
    public int value() {
        return Objects.requireNonNull(epochs, "the command gives --epochs no default (see OptionDefaults)");
    }

    /** Rejects a value below 1 with a usage error of {@code command}: "--epochs must be >= 1, got N". */
    public void validate(CommandSpec command) {
        Validation.requirePositive(command, "--epochs", value());
    }
}
