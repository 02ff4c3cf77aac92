package io.github.dl4jschedules.examples.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/**
 * The defaults a command gives the shared options it mixes in ({@link ModelOption}): a command states
 * each of its defaults once, in a small subclass named in its {@code @Command(defaultValueProvider = ...)};
 * picocli applies them when the option is not given and shows them as {@code ${DEFAULT-VALUE}} in the help.
 * Options the map does not name keep their own defaults.
 */
public abstract class OptionDefaults implements IDefaultValueProvider {

    private final Map<String, String> defaults;

    /**
     * The command's defaults.
     *
     * @param defaults default value by option name, e.g. {@code "--model" -> "lenet"}
     */
    protected OptionDefaults(Map<String, String> defaults) {
        this.defaults = Map.copyOf(defaults);
    }

    /** The command's default of {@code argument}, or {@code null} (picocli then uses the option's own). */
    @Override
    public String defaultValue(ArgSpec argument) {
        return argument instanceof OptionSpec option ? defaults.get(option.longestName()) : null;
    }
}
