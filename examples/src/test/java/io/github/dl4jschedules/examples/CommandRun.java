package io.github.dl4jschedules.examples;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code examples/run ...} in the test's JVM, with what it printed.
 *
 * @param exitCode the command's exit code
 * @param out      what the command wrote to picocli's output: its report, or the usage help
 * @param err      picocli's error output: usage errors and {@code error: ...} lines
 */
public record CommandRun(int exitCode, String out, String err) {

    public static CommandRun of(Object... args) {
        List<String> strings = new ArrayList<>();
        for (Object arg : args) {
            strings.add(String.valueOf(arg));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(strings.toArray(String[]::new));
        commandLine.getOut().flush();
        System.out.print(out);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
