package io.github.dl4jschedules.examples.cli;

import picocli.CommandLine;

import java.io.UncheckedIOException;

/**
 * The one {@code error: ...} line every run-time failure of a command ends in, and its exit code:
 * 0 success, {@value #USAGE} bad options, values or specs (picocli's usage errors),
 * {@value #RUN_TIME} anything that fails while the command runs (bad data, files, a damaged
 * {@code --resume} file, no memory, a backend that cannot load, an unexpected exception).
 */
public final class RunFailure {

    /** Exit code of usage errors. */
    public static final int USAGE = 2;
    /** Exit code of run-time failures. */
    public static final int RUN_TIME = 1;

    private static final int MAX_LENGTH = 1000;

    private RunFailure() {
    }

    /**
     * The one error handling of the examples' command lines ({@code examples/run} and
     * {@code examples/run-spark}): bad input prints a message, not a stack trace; every run-time
     * failure ends in one {@code error: ...} line and exit code {@value #RUN_TIME}.
     *
     * @return {@code commandLine}, its handlers set
     */
    public static CommandLine install(CommandLine commandLine) {
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("error: " + describe(exception));
            return RUN_TIME;
        });
        CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
        commandLine.setExecutionStrategy(parseResult -> {
            try {
                return run.execute(parseResult);
            } catch (OutOfMemoryError | StackOverflowError | LinkageError e) {
                parseResult.commandSpec().commandLine().getErr().println("error: " + describe(e));
                return RUN_TIME;
            }
        });
        return commandLine;
    }

    /** The error line's text: the message of expected failures, the kind and message of others, on one line. */
    public static String describe(Throwable failure) {
        String text;
        if (failure instanceof IllegalArgumentException || failure instanceof UncheckedIOException
                || failure instanceof IllegalStateException) {
            text = failure.getMessage();
        } else if (failure instanceof OutOfMemoryError) {
            text = "out of memory (" + failure.getMessage() + "); give the JVM more (JAVA_OPTS=-Xmx...) or use "
                    + "fewer examples (--train-limit)";
        } else if (failure instanceof LinkageError) {
            text = "cannot load a native library or class (" + root(failure) + "); for -Dcuda, an NVIDIA GPU with a "
                    + "CUDA 11.6 driver is needed";
        } else {
            text = failure.getClass().getSimpleName() + ": " + root(failure);
        }
        String line = String.valueOf(text).replaceAll("\\s*\\R\\s*", " ");
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "...";
    }

    private static String root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
