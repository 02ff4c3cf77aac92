package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleValidationException;
import io.github.dl4jschedules.spec.ValueType;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.Arrays;

/**
 * The one validation path of every schedule: each check throws {@link ScheduleValidationException}
 * with "{@code <schedule>: <parameter> must be <rule>, got <parameter>=<value>}" ({@link #message}, the
 * one place that text is written, also for the training and parallel rules and the examples).
 */
public final class Check {

    private final String schedule;

    private Check(String schedule) {
        this.schedule = schedule;
    }

    static Check of(String schedule) {
        return new Check(schedule);
    }

    /** Finite and {@code >= 0}: rates. */
    double rate(String parameter, double value) {
        require(Double.isFinite(value) && value >= 0, parameter, "finite and >= 0", value);
        return value;
    }

    /** Finite and {@code > 0}. */
    double positive(String parameter, double value) {
        require(Double.isFinite(value) && value > 0, parameter, "finite and > 0", value);
        return value;
    }

    int positive(String parameter, int value) {
        require(value > 0, parameter, "> 0", value);
        return value;
    }

    int nonNegative(String parameter, int value) {
        require(value >= 0, parameter, ">= 0", value);
        return value;
    }

    /** A decay factor: {@code 0 < value <= 1}, so the schedule never grows or overflows. */
    double factor(String parameter, double value) {
        require(value > 0 && value <= 1, parameter, "in (0, 1]", value);
        return value;
    }

    <T> T notNull(String parameter, T value) {
        if (value == null) {
            throw new ScheduleValidationException(schedule, parameter, "given", null,
                    schedule + ": " + parameter + " must be given, got null");
        }
        return value;
    }

    /** Integers {@code >= 0}, strictly increasing; returns a private copy. */
    int[] boundaries(String parameter, int[] values) {
        return boundaries(parameter, values, 0);
    }

    /** Integers {@code >= lowest}, strictly increasing; returns a private copy. */
    int[] boundaries(String parameter, int[] values, int lowest) {
        notNull(parameter, values);
        for (int i = 0; i < values.length; i++) {
            if (values[i] < lowest || (i > 0 && values[i] <= values[i - 1])) {
                String rule = "strictly increasing integers >= " + lowest;
                throw new ScheduleValidationException(schedule, parameter, rule, values,
                        message(schedule, parameter, rule, Arrays.toString(values)));
            }
        }
        return values.clone();
    }

    /**
     * A composite's child: given, and counting in its parent's unit (or in none, like {@code constant}),
     * so that the local counter the parent hands it means what the child expects.
     */
    <T extends CounterSchedule> T child(String parameter, T child, ScheduleType parentUnit) {
        notNull(parameter, child);
        if (!child.countsIn(parentUnit)) {
            String rule = "count in " + ValueType.UNIT.write(parentUnit) + " like its parent";
            throw new ScheduleValidationException(schedule, parameter, rule, child,
                    schedule + ": " + parameter + " must " + rule + ", got " + parameter + "=" + child);
        }
        return child;
    }

    /** The general form, for rules the helpers above do not cover. */
    void require(boolean holds, String parameter, String rule, Object value) {
        if (!holds) {
            throw new ScheduleValidationException(schedule, parameter, rule, value,
                    message(schedule, parameter, rule, value));
        }
    }

    /**
     * The one wording of a rejected value: "{@code <schedule>: <parameter> must be <rule>, got
     * <parameter>=<value>}", for the schedules and for every other rule set (plateau, linear scaling,
     * rate commands, the examples' ramps).
     *
     * @param schedule the schedule's or rule set's name, e.g. {@code cosine}
     * @param parameter the rejected parameter
     * @param rule what the parameter must be, e.g. {@code > 0}
     * @param value the rejected value
     * @return the message
     */
    public static String message(String schedule, String parameter, String rule, Object value) {
        return schedule + ": " + parameter + " must be " + rule + ", got " + parameter + "=" + value;
    }
}
