package io.github.dl4jschedules.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * A text file a person edits to steer a running training: each new line is one {@link RateCommand}
 * ({@code factor 0.5}, {@code set 0.001}, {@code fixed 0.001}, {@code schedule}); blank lines and
 * lines starting with {@code #} are ignored. The controller polls it between iterations, cheaply
 * (the file is read only when its size or modification time changed), so a command takes effect
 * within an iteration or two. A line counts once it ends with a newline. Lines already read are not
 * applied again; if the file is replaced by
 * a shorter one, it is read from its start. A line that is no command gets a warning naming the
 * file and line, and changes nothing. A missing file is fine: nothing to do yet.
 */
public final class ControlFile implements CommandSource {

    private final Path file;
    private long size = -1;
    private FileTime modified;
    private int linesRead;

    public ControlFile(Path file) {
        this.file = file;
    }

    @Override
    public void poll(RateController controller) {
        List<String> lines;
        try {
            if (!Files.isRegularFile(file)) {
                return;
            }
            long newSize = Files.size(file);
            FileTime newModified = Files.getLastModifiedTime(file);
            if (newSize == size && newModified.equals(modified)) {
                return;
            }
            size = newSize;
            modified = newModified;
            lines = completeLines(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            controller.warn("control file " + file + ": cannot read it (" + e.getMessage() + "); nothing changed");
            return;
        }
        if (lines.size() < linesRead) {
            // the file was replaced by a shorter one: read it from its start
            linesRead = 0;
        }
        for (int i = linesRead; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String source = "control file " + file + " line " + (i + 1);
            try {
                controller.apply(RateCommand.parse(line), source);
            } catch (IllegalArgumentException e) {
                controller.warn(source + ": " + e.getMessage() + "; nothing changed");
            }
        }
        linesRead = lines.size();
    }

    /** The lines that end with a newline: a line still being written waits for the next poll. */
    private static List<String> completeLines(String text) {
        String[] parts = text.split("\\R", -1);
        return java.util.Arrays.asList(parts).subList(0, parts.length - 1);
    }
}
