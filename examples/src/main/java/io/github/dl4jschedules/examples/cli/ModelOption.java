package io.github.dl4jschedules.examples.cli;

import io.github.dl4jschedules.examples.run.EnumConverters;
import io.github.dl4jschedules.examples.run.ModelKind;
import picocli.CommandLine.Option;

import java.util.Objects;

/**
 * {@code --model mlp|lenet} of the commands that train one of the two networks. Its default differs
 * between commands, so each command states it in its {@link OptionDefaults}.
 */
public final class ModelOption {

    @Option(names = "--model", paramLabel = "mlp|lenet", converter = EnumConverters.Model.class,
            completionCandidates = EnumConverters.Model.class, description = "Network (default: ${DEFAULT-VALUE}).")
    ModelKind model;

    /** The network chosen, or the command's default. */
    public ModelKind kind() {
        return Objects.requireNonNull(model, "the command gives --model no default (see OptionDefaults)");
    }
}
