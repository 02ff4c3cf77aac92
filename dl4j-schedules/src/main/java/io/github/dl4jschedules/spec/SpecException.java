package io.github.dl4jschedules.spec;

/**
 * A schedule spec that cannot be read: bad syntax, an unknown schedule or parameter, a value of the
 * wrong kind, or a value its schedule rejects.
 *
 * <p>The message names what was wrong and the position (0-based character offset) in the spec text,
 * for example {@code unknown schedule 'cosin' at 0; known: constant, inverse-time, ...}.
 * {@link #pointer()} draws the spec with a caret under that position, for command-line output.
 */
public final class SpecException extends IllegalArgumentException {

    private final String spec;
    private final int position;

    public SpecException(String message, String spec, int position) {
        super(message);
        this.spec = spec;
        this.position = position;
    }

    public SpecException(String message, String spec, int position, Throwable cause) {
        super(message, cause);
        this.spec = spec;
        this.position = position;
    }

    /** The whole spec text that was being read. */
    public String spec() {
        return spec;
    }

    /** The 0-based offset in {@link #spec()} where the problem is. */
    public int position() {
        return position;
    }

    /** Two lines: the spec, and a caret under the offending position. */
    public String pointer() {
        return spec + System.lineSeparator() + " ".repeat(Math.max(0, position)) + "^";
    }
}
