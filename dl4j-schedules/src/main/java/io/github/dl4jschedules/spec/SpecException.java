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

    /** The whole spec text that was being read. */
    private final String spec;
    /** The 0-based offset in {@link #spec} where the problem is. */
    private final int position;

    /**
     * An error in a spec.
     *
     * @param message what is wrong, with the position
     * @param spec the whole spec text
     * @param position the 0-based offset of the problem in {@code spec}
     */
    public SpecException(String message, String spec, int position) {
        super(message);
        this.spec = spec;
        this.position = position;
    }

    /**
     * An error in a spec, caused by another exception.
     *
     * @param message what is wrong, with the position
     * @param spec the whole spec text
     * @param position the 0-based offset of the problem in {@code spec}
     * @param cause the exception that made the spec unreadable
     */
    public SpecException(String message, String spec, int position, Throwable cause) {
        super(message, cause);
        this.spec = spec;
        this.position = position;
    }

    /** {@return the whole spec text that was being read} */
    public String spec() {
        return spec;
    }

    /** {@return the 0-based offset in {@link #spec()} where the problem is} */
    public int position() {
        return position;
    }

    /** {@return two lines: the spec, and a caret under the offending position} */
    public String pointer() {
        return spec + System.lineSeparator() + " ".repeat(Math.max(0, position)) + "^";
    }
}
