package io.github.dl4jschedules.training;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A text file a person edits to steer a running training: each line is one {@link RateCommand}
 * ({@code factor 0.5}, {@code set 0.001}, {@code fixed 0.001}, {@code schedule}, {@code cooldown 500}); blank lines and
 * lines starting with {@code #} are ignored. The controller polls it between iterations, cheaply
 * (the file is read only when its size, modification time or identity changed), so a command takes
 * effect within an iteration or two. A line counts once it ends with a newline.
 *
 * <p>Each command is applied once. When the content changes:
 * <ul>
 *   <li>lines appended are applied;</li>
 *   <li>a file edited in place (an editor's save, {@code echo ... > file}, a truncation) applies the
 *       lines after the part it shares with the content read before: a file that gets shorter
 *       applies nothing again, a rewritten one applies its new lines (rewriting the very same text
 *       applies nothing);</li>
 *   <li>a file replaced by another one ({@code mv new rate.ctl}, delete and recreate: a new file
 *       identity) applies all of its lines.</li>
 * </ul>
 * A line that is no command, or not valid UTF-8, gets a warning naming the file and line and changes
 * nothing; the lines after it are read as usual. Warnings quote at most {@value RateCommand#QUOTE_LIMIT}
 * characters of a line. A missing file is fine: nothing to do yet. A file over
 * {@value #MAX_BYTES} bytes is not read (a warning says so).
 */
public final class ControlFile implements CommandSource {

    /** The largest control file read. */
    public static final long MAX_BYTES = 1 << 20;

    private final Path file;
    private long size = -1;
    private FileTime modified;
    private Object identity;
    private List<String> lines = List.of();

    /**
     * A control file that is read when it changes; it need not exist yet.
     *
     * @param file the file to watch
     */
    public ControlFile(Path file) {
        this.file = file;
    }

    @Override
    public void poll(RateController controller) {
        List<String> newLines;
        Object newIdentity;
        try {
            if (!Files.isRegularFile(file)) {
                return;
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            newIdentity = attributes.fileKey();
            if (attributes.size() == size && attributes.lastModifiedTime().equals(modified)
                    && Objects.equals(newIdentity, identity)) {
                return;
            }
            size = attributes.size();
            modified = attributes.lastModifiedTime();
            if (size > MAX_BYTES) {
                controller.warn("control file " + file + ": " + size + " bytes, more than the " + MAX_BYTES
                        + " read; nothing changed");
                return;
            }
            newLines = completeLines(Files.readAllBytes(file));
        } catch (IOException e) {
            controller.warn("control file " + file + ": cannot read it (" + e.getMessage() + "); nothing changed");
            return;
        }
        boolean replaced = identity != null && newIdentity != null && !newIdentity.equals(identity);
        int first = replaced ? 0 : commonPrefix(lines, newLines);
        identity = newIdentity;
        lines = newLines;
        for (int i = first; i < newLines.size(); i++) {
            apply(controller, newLines.get(i), i + 1);
        }
    }

    private void apply(RateController controller, String raw, int number) {
        String source = "control file " + file + " line " + number;
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString().trim();
        } catch (CharacterCodingException e) {
            controller.warn(source + ": not valid UTF-8; skipped, nothing changed");
            return;
        }
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        try {
            controller.apply(RateCommand.parse(line), source);
        } catch (IllegalArgumentException e) {
            controller.warn(source + ": " + e.getMessage() + "; nothing changed");
        }
    }

    private static int commonPrefix(List<String> before, List<String> after) {
        int n = 0;
        while (n < before.size() && n < after.size() && before.get(n).equals(after.get(n))) {
            n++;
        }
        return n;
    }

    /**
     * The lines that end with a newline (a line still being written waits for the next poll), as
     * ISO-8859-1 text, one char per byte, so that lines compare byte for byte before decoding.
     */
    private static List<String> completeLines(byte[] content) {
        List<String> result = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                int end = i > start && content[i - 1] == '\r' ? i - 1 : i;
                result.add(new String(content, start, end - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        return result;
    }
}
