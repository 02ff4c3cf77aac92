package io.github.dl4jschedules.spec;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.List;
import java.util.Map;

/**
 * The values of one spec call after reading and defaults, handed to a schedule's factory. The
 * accessors are typed; asking for a parameter of another type is a programming error in the
 * definition, not a user error.
 */
public final class Arguments {

    private final Map<String, Object> values;
    private final List<ISchedule> positional;

    Arguments(Map<String, Object> values, List<ISchedule> positional) {
        this.values = Map.copyOf(values);
        this.positional = List.copyOf(positional);
    }

    /**
     * A number parameter's value, or its default.
     *
     * @param name the parameter, as declared in the definition
     * @return the value
     */
    public double number(String name) {
        return get(name, Double.class);
    }

    /**
     * An integer parameter's value, or its default.
     *
     * @param name the parameter, as declared in the definition
     * @return the value
     */
    public int integer(String name) {
        return get(name, Integer.class);
    }

    /**
     * A boolean parameter's value, or its default.
     *
     * @param name the parameter, as declared in the definition
     * @return the value
     */
    public boolean bool(String name) {
        return get(name, Boolean.class);
    }

    /** {@return the counter: the {@code unit=} given, or the one inherited from the parent} */
    public ScheduleType unit() {
        return get(ScheduleDefinition.UNIT, ScheduleType.class);
    }

    /**
     * A number-list parameter's value, or its default.
     *
     * @param name the parameter, as declared in the definition
     * @return the value
     */
    public double[] numbers(String name) {
        return get(name, double[].class);
    }

    /**
     * An integer-list parameter's value, or its default.
     *
     * @param name the parameter, as declared in the definition
     * @return the value
     */
    public int[] integers(String name) {
        return get(name, int[].class);
    }

    /**
     * A nested schedule, as the class the composite takes.
     *
     * @param <T> the composite's child type
     * @param name the parameter, as declared in the definition
     * @param type the class the composite takes
     * @return the built nested schedule
     */
    public <T extends ISchedule> T schedule(String name, Class<T> type) {
        return type.cast(get(name, ISchedule.class));
    }

    /**
     * A word parameter's value, e.g. {@code mode=triangular2}.
     *
     * @param <E> the enum of the words
     * @param name the parameter, as declared in the definition
     * @param type the enum class
     * @return the constant of the word given, or the default
     */
    public <E extends Enum<E>> E word(String name, Class<E> type) {
        return get(name, type);
    }

    /**
     * The bare specs among the items, for schedules that take them (sequence).
     *
     * @param <T> the composite's child type
     * @param type the class the composite takes
     * @return the built schedules, in text order
     */
    public <T extends ISchedule> List<T> schedules(Class<T> type) {
        return positional.stream().map(type::cast).toList();
    }

    private <T> T get(String name, Class<T> type) {
        Object value = values.get(name);
        if (!type.isInstance(value)) {
            throw new IllegalStateException("definition has no " + type.getSimpleName() + " parameter '" + name + "'");
        }
        return type.cast(value);
    }
}
