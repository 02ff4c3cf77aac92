package io.github.dl4jschedules.spec;

/**
 * A schedule (or another named rule set) rejected a parameter's value. The message is written by
 * {@code schedules.Check.message}: "{@code <schedule>: <parameter> must be <rule>, got
 * <parameter>=<value>}"; the parts are also kept as data, so that the spec parser points at the
 * rejected value without re-reading the text.
 */
public final class ScheduleValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The {@code schedule} parameter: the schedule's (or rule set's) name, e.g. {@code cosine}. */
    private final String schedule;
    /** The {@code parameter} parameter: the rejected parameter, e.g. {@code steps}. */
    private final String parameter;
    /** The {@code rule} parameter: what it must be, e.g. {@code > 0}. */
    private final String rule;
    private final transient Object value;

    /**
     * @param schedule  the schedule's (or rule set's) name, e.g. {@code cosine}
     * @param parameter the rejected parameter, e.g. {@code steps}
     * @param rule      what it must be, e.g. {@code > 0}
     * @param value     the value it was given
     * @param message   the full message naming all of them
     */
    public ScheduleValidationException(String schedule, String parameter, String rule, Object value,
                                       String message) {
        super(message);
        this.schedule = schedule;
        this.parameter = parameter;
        this.rule = rule;
        this.value = value;
    }

    /** {@return the schedule's (or rule set's) name} */
    public String schedule() {
        return schedule;
    }

    /** {@return the rejected parameter} */
    public String parameter() {
        return parameter;
    }

    /** {@return what the parameter must be} */
    public String rule() {
        return rule;
    }

    /** {@return the rejected value} */
    public Object value() {
        return value;
    }
}
