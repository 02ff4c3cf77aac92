package io.github.dl4jschedules.examples.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --train-limit} and {@code --test-limit}: how many examples of each split a command uses. */
public final class DataLimits {

    @Option(names = "--train-limit", paramLabel = "N", description = "Use the first N training examples only.")
    Integer train;

    @Option(names = "--test-limit", paramLabel = "N", description = "Use the first N test examples only.")
    Integer test;

    /** Rejects a limit below 1 with a usage error of {@code command}. */
    public void validate(CommandSpec command) {
        Validation.requirePositive(command, "--train-limit", train);
        Validation.requirePositive(command, "--test-limit", test);
    }

    /** The training examples to use at most; {@link Integer#MAX_VALUE} without {@code --train-limit}. */
    public int train() {
        return train == null ? Integer.MAX_VALUE : train;
    }

    /** The test examples to use at most; {@link Integer#MAX_VALUE} without {@code --test-limit}. */
    public int test() {
        return test == null ? Integer.MAX_VALUE : test;
    }

    /** {@code train_limit} and {@code test_limit} for provenance files: the number given, or {@code all}. */
    public Map<String, String> provenance() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("train_limit", train == null ? "all" : train.toString());
        values.put("test_limit", test == null ? "all" : test.toString());
        return values;
    }
}
