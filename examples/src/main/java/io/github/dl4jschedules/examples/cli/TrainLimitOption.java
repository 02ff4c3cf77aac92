package io.github.dl4jschedules.examples.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --train-limit N}: how many training examples a command uses, all unless told. Its own mixin for
 * the commands that use no test split ({@code lr-find}, {@code speed breakdown}); the others take it
 * with {@code --test-limit} in {@link DataLimits}.
 */
public final class TrainLimitOption {

    @Option(names = "--train-limit", paramLabel = "N", description = "Use the first N training examples only.")
    Integer limit;

    /** The training examples to use at most; {@link Integer#MAX_VALUE} without {@code --train-limit}. */
    public int value() {
        return limit == null ? Integer.MAX_VALUE : limit;
    }

    /** The number given, or {@code all}. */
    public String describe() {
        return limit == null ? "all" : limit.toString();
    }

    /** Whether {@code --train-limit} is given. */
    public boolean given() {
        return limit != null;
    }

    /** Rejects a limit below 1 with a usage error of {@code command}: "--train-limit must be >= 1, got N". */
    public void validate(CommandSpec command) {
        Validation.requirePositive(command, "--train-limit", limit);
    }
}
