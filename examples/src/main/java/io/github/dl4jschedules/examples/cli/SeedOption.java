package io.github.dl4jschedules.examples.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed}, 42 unless told otherwise. What the seed drives differs between commands, so a command
 * may say it in its resource bundle under the key {@code seed} (picocli looks the mixed-in option's
 * description up in the command's bundle); without one the help line is "Seed (default: 42)."
 */
public final class SeedOption {

    @Option(names = "--seed", defaultValue = "42", descriptionKey = "seed", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The seed given, or 42. */
    public long value() {
        return seed;
    }
}
