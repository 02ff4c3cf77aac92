package io.github.dl4jschedules.examples.cli;

import io.github.dl4jschedules.examples.run.ResultsWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --out FILE} of the commands that write per-epoch results ({@link ResultsWriter}): optional,
 * its name checked by {@link ResultsWriter#nameProblem} in every command alike.
 */
public final class ResultsFileOption {

    @Option(names = "--out", paramLabel = "FILE", description = "Write per-epoch results with provenance to FILE.csv or FILE.json.")
    Path file;

    /** The results file, or {@code null} when {@code --out} is not given. */
    public Path file() {
        return file;
    }

    /** Rejects a name that ends in neither {@code .csv} nor {@code .json} with a usage error of {@code command}. */
    public void validate(CommandSpec command) {
        if (file != null) {
            Validation.reject(command, ResultsWriter.nameProblem(file));
        }
    }
}
