package io.github.dl4jschedules.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@link RateCommand}s typed on a console (or any stream) on a daemon thread and submits them
 * to a {@link RateController}; blank lines and {@code #} comments are skipped, and a line that is no
 * command gets a warning and changes nothing.
 */
public final class ConsoleControl {

    private ConsoleControl() {
    }

    /**
     * Starts reading {@code in} until it ends.
     *
     * @param in the input, one command a line (usually {@code System.in})
     * @param controller receives the commands
     * @return the reading thread (a daemon: it never keeps the JVM alive)
     */
    public static Thread start(InputStream in, RateController controller) {
        Thread thread = new Thread(() -> read(in, controller), "dl4j-schedules-console-control");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void read(InputStream in, RateController controller) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.trim().startsWith("#")) {
                    continue;
                }
                try {
                    controller.submit(RateCommand.parse(line), "console");
                } catch (IllegalArgumentException e) {
                    controller.warn("console: " + e.getMessage() + "; nothing changed");
                }
            }
        } catch (IOException e) {
            controller.warn("console: stopped reading (" + e.getMessage() + ")");
        }
    }
}
