package io.github.dl4jschedules.examples.preview;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Writes one output file; a failure becomes an {@link UncheckedIOException} naming the option and the file. */
final class OutputFile {

    /** What goes into the file. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private OutputFile() {
    }

    /**
     * Creates or replaces {@code file} with {@code content}.
     *
     * @param option the option that named the file, e.g. {@code --chart}, for the error message
     */
    static void write(String option, Path file, Content content) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(option + ": cannot write " + file + " (" + reason(e) + ")", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "its folder does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.toString();
    }
}
