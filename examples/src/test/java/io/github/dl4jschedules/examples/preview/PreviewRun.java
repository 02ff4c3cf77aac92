package io.github.dl4jschedules.examples.preview;

import io.github.dl4jschedules.examples.CommandRun;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One run of {@code examples/run preview ...} through {@link CommandRun}, as the launcher
 * runs it, with what it printed.
 *
 * @param exitCode the process exit code it would give
 * @param out      standard output
 * @param err      standard error
 */
record PreviewRun(int exitCode, String out, String err) {

    static PreviewRun of(String... arguments) {
        CommandRun run = CommandRun.of(Stream.concat(Stream.of("preview"), Arrays.stream(arguments)).toArray());
        return new PreviewRun(run.exitCode(), run.out(), run.err());
    }

    List<String> lines() {
        return out.lines().toList();
    }

    /** The table's header cells: the step's name, then {@code [1]}, {@code [2]}, ... */
    List<String> header() {
        return List.of(lines().get(headerIndex()).trim().split("\\s+"));
    }

    /** The table's rows, split into cells: the step, then one value per schedule. */
    List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = lines();
        for (int i = headerIndex() + 1; i < lines.size() && lines.get(i).matches("\\s*\\d+ .*"); i++) {
            rows.add(lines.get(i).trim().split("\\s+"));
        }
        return rows;
    }

    private int headerIndex() {
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*(iteration|epoch)\\s+\\[1].*")) {
                return i;
            }
        }
        throw new AssertionError("no table in:\n" + out + err);
    }
}
