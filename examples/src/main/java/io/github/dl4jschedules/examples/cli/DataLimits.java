package io.github.dl4jschedules.examples.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --train-limit} ({@link TrainLimitOption}) and {@code --test-limit}: how many examples of each split a command uses. */
public final class DataLimits {

    @Mixin
    TrainLimitOption train;

    @Option(names = "--test-limit", paramLabel = "N", description = "Use the first N test examples only.")
    Integer test;

    /** Rejects a limit below 1 with a usage error of {@code command}. */
    public void validate(CommandSpec command) {
        train.validate(command);
        Validation.requirePositive(command, "--test-limit", test);
    }

    /** The training examples to use at most; {@link Integer#MAX_VALUE} without {@code --train-limit}. */
    public int train() {
        return train.value();
    }

    /** The test examples to use at most; {@link Integer#MAX_VALUE} without {@code --test-limit}. */
    public int test() {
        return test == null ? Integer.MAX_VALUE : test;
    }

    /** {@code train_limit} and {@code test_limit} for provenance files: the number given, or {@code all}. */
    public Map<String, String> provenance() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("train_limit", train.describe());
        values.put("test_limit", test == null ? "all" : test.toString());
        return values;
    }

    /** The limits as given, as arguments for another command line: {@code --train-limit N --test-limit M}, or fewer. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        if (train.given()) {
            arguments.addAll(List.of("--train-limit", Integer.toString(train.value())));
        }
        if (test != null) {
            arguments.addAll(List.of("--test-limit", test.toString()));
        }
        return arguments;
    }
}
