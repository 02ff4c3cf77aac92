package io.github.dl4jschedules.examples.cli;

import io.github.dl4jschedules.examples.run.EnumConverters;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import picocli.CommandLine.Option;

/** {@code --updater} of the commands that train with Adam unless told otherwise. */
public final class AdamUpdaterOption {

    @Option(names = "--updater", paramLabel = "NAME", defaultValue = "adam", converter = EnumConverters.Updater.class,
            completionCandidates = EnumConverters.Updater.class,
            description = "Updater: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    UpdaterKind updater;

    /** The updater chosen. */
    public UpdaterKind kind() {
        return updater;
    }
}
