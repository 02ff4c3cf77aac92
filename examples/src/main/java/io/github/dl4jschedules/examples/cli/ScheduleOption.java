package io.github.dl4jschedules.examples.cli;

import io.github.dl4jschedules.examples.run.ScheduleConverter;
import io.github.dl4jschedules.schedules.CounterSchedule;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --schedule SPEC|PRESET}: a spec of the catalogue or a preset name, read by
 * {@link ScheduleConverter} in every command alike. Repeatable, for the commands that compare schedules
 * ({@code benchmark}); the others take one ({@link #schedule}). A command with a default names it in its
 * {@link OptionDefaults}; what the schedule is for goes in the command's resource bundle under the key
 * {@code schedule}.
 */
public final class ScheduleOption {

    @Option(names = "--schedule", paramLabel = "SPEC|PRESET", descriptionKey = "schedule",
            description = "Learning-rate schedule: a spec of the catalogue or a preset: ${bundle:help.presets}.")
    List<String> specs = new ArrayList<>();

    /** The specs as given, in order; the command's default alone when none is given; empty without a default. */
    public List<String> specs() {
        return List.copyOf(specs);
    }

    /**
     * The one spec of a command that takes one.
     *
     * @throws CommandLine.ParameterException when none is given and the command has no default, or when
     *                                        more than one is given
     */
    public String spec(CommandSpec command) {
        Validation.require(command, !specs.isEmpty(), "--schedule is required");
        Validation.require(command, specs.size() == 1, "--schedule may be given once, got " + specs.size() + " times");
        return specs.get(0);
    }

    /** The one schedule of a command that takes one ({@link #spec}), parsed as {@link #parse} does. */
    public CounterSchedule schedule(CommandSpec command) {
        return parse(command, spec(command));
    }

    /**
     * {@code text} as a schedule, a bad one rejected with the usage error picocli gives a bad option
     * value: "Invalid value for option '--schedule': ..." and where the spec breaks.
     */
    public static CounterSchedule parse(CommandSpec command, String text) {
        try {
            return new ScheduleConverter().convert(text);
        } catch (CommandLine.TypeConversionException e) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "Invalid value for option '--schedule': " + e.getMessage());
        }
    }
}
