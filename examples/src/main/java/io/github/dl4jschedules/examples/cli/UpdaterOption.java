package io.github.dl4jschedules.examples.cli;

import io.github.dl4jschedules.examples.run.EnumConverters;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import picocli.CommandLine.Option;

/**
 * {@code --updater NAME} of the commands that train one kind of updater: Adam unless told otherwise, or
 * the command's own default from its {@link OptionDefaults} ({@code parallel} and Spark: Nesterov momentum).
 */
public final class UpdaterOption {

    @Option(names = "--updater", paramLabel = "NAME", defaultValue = "adam", converter = EnumConverters.Updater.class,
            completionCandidates = EnumConverters.Updater.class,
            description = "Updater: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    UpdaterKind updater;

    /** The updater chosen. */
    public UpdaterKind kind() {
        return updater;
    }
}
