package io.github.dl4jschedules.examples.train;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the files a run will write before it trains, so that a typo in {@code --out}, {@code --save}
 * or {@code --record} fails in the first second instead of after hours of training: the folder
 * must exist and be writable (no folder is created), and the file, if present, must be a writable
 * regular file.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * @param option the option's name, for the message
     * @param file   the file it names, or {@code null} when not given
     * @throws IllegalArgumentException naming the option and the problem
     */
    static void requireWritable(String option, Path file) {
        if (file == null) {
            return;
        }
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(option + " " + file + " is a folder, not a file");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + file + ": folder " + folder
                    + " does not exist (it is not created; make it first)");
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalArgumentException(option + " " + file + ": folder " + folder + " is not writable");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new IllegalArgumentException(option + " " + file + " exists and is not writable");
        }
    }
}
