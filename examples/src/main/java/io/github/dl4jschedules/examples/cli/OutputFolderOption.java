package io.github.dl4jschedules.examples.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --out DIR}, required, of the commands that write a folder of results ({@code benchmark},
 * {@code lr-find}, {@code tune}). What goes in it is said in the command's resource bundle under the
 * key {@code out}; without one the help line is "Output folder."
 */
public final class OutputFolderOption {

    @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "out", description = "Output folder.")
    Path folder;

    /** The folder given. */
    public Path folder() {
        return folder;
    }

    /** {@code name} in the folder. */
    public Path resolve(String name) {
        return folder.resolve(name);
    }

    @Override
    public String toString() {
        return folder.toString();
    }
}
