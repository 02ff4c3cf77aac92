package io.github.dl4jschedules.examples.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Creates or replaces a file so that readers see the old file or the whole new one, never a part:
 * the content goes to a hidden temporary file in the same folder ({@code .NAME.tmp}), which is then
 * moved over the target in one step. A benchmark killed while writing leaves every file it had
 * finished intact.
 */
public final class AtomicFiles {

    /** What goes into a file. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code lines}, each ended by {@code \n}, in UTF-8. */
    public static void writeLines(Path file, List<String> lines) {
        write(file, out -> {
            for (String line : lines) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        });
    }

    /** Writes {@code text} in UTF-8. */
    public static void writeString(Path file, String text) {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** What goes into a file that is written by name (a zip the writer reopens, for one). */
    public interface FileContent {
        void writeTo(Path temporary) throws IOException;
    }

    /**
     * Writes {@code content} to a temporary file beside {@code file}, then moves it over {@code file}.
     * Creates the folder when missing.
     *
     * @throws UncheckedIOException naming the file and the reason
     */
    public static void write(Path file, Content content) {
        Path target = file.toAbsolutePath();
        try {
            replace(target, target.resolveSibling("." + target.getFileName() + ".tmp"), temporary -> {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                    content.writeTo(out);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e, e);
        }
    }

    /**
     * The one way this module replaces a file: {@code content} writes {@code temporary} (any old one
     * is deleted first), which is then moved over {@code file} in one step (a plain move where the
     * file system has no atomic one). On failure the temporary file is deleted and the failure
     * rethrown; {@code file} is then as it was.
     *
     * @param temporary a path in {@code file}'s folder
     */
    public static void replace(Path file, Path temporary, FileContent content) throws IOException {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(temporary);
            content.writeTo(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the original error is the one to report
            }
            throw e;
        }
    }
}
