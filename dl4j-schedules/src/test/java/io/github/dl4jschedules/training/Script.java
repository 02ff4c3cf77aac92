package io.github.dl4jschedules.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs scripted actions in {@code iterationDone} of chosen iterations. Registered before the
 * {@link RateController}, so an action of iteration k runs before the controller polls in that same
 * {@code iterationDone}: what it asks for applies from iteration k + 1.
 */
final class Script extends BaseTrainingListener {

    private final Map<Integer, Runnable> actions = new TreeMap<>();

    Script at(int iteration, Runnable action) {
        actions.merge(iteration, action, (a, b) -> () -> {
            a.run();
            b.run();
        });
        return this;
    }

    /** Appends {@code line} to {@code file} in iteration {@code iteration}. */
    Script write(int iteration, Path file, String line) {
        return at(iteration, () -> append(file, line));
    }

    static void append(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        Runnable action = actions.get(iteration);
        if (action != null) {
            action.run();
        }
    }
}
