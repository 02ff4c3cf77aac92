package io.github.dl4jschedules.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.Optional;

/**
 * Usage checks of option values: a failed check is a picocli {@link CommandLine.ParameterException},
 * so the command ends with exit code 2, the message and the usage help.
 */
public final class Validation {

    private Validation() {
    }

    /** Rejects the command line with {@code message} unless {@code condition} holds. */
    public static void require(CommandSpec command, boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(command.commandLine(), message);
        }
    }

    /** Rejects the command line with {@code problem}'s message when there is one (a check's result). */
    public static void reject(CommandSpec command, Optional<String> problem) {
        problem.ifPresent(message -> require(command, false, message));
    }

    /**
     * Rejects {@code value < 1} with "{@code option} must be >= 1, got {@code value}".
     *
     * @param value the option's value; {@code null} (an option without a default, not given) passes
     */
    public static void requirePositive(CommandSpec command, String option, Integer value) {
        require(command, value == null || value >= 1, option + " must be >= 1, got " + value);
    }
}
