package io.github.dl4jschedules.examples.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --jobs N} of the commands that train several networks at once ({@code benchmark}, {@code tune}):
 * by default one per available core, since every training runs with one native thread
 * ({@link io.github.dl4jschedules.examples.run.FastPath}). What is trained at once is said in the
 * command's resource bundle under the key {@code jobs}.
 */
public final class JobsOption {

    @Option(names = "--jobs", paramLabel = "N", descriptionKey = "jobs",
            description = "Trainings at the same time, each with one native thread (default: the available cores, here ${DEFAULT-VALUE}).")
    int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());

    /** The jobs given, or the available cores (at least 1). */
    public int value() {
        return jobs;
    }

    /** Rejects a value below 1 with a usage error of {@code command}: "--jobs must be >= 1, got N". */
    public void validate(CommandSpec command) {
        Validation.requirePositive(command, "--jobs", jobs);
    }
}
