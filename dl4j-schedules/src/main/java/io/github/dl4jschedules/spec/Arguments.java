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

    public double number(String name) {
        return get(name, Double.class);
    }

    public int integer(String name) {
        return get(name, Integer.class);
    }

    public boolean bool(String name) {
        return get(name, Boolean.class);
    }

    public ScheduleType unit() {
        return get(ScheduleDefinition.UNIT, ScheduleType.class);
    }

    public double[] numbers(String name) {
        return get(name, double[].class);
    }

    public int[] integers(String name) {
        return get(name, int[].class);
    }

    /** A nested schedule, as the class the composite takes. */
    public <T extends ISchedule> T schedule(String name, Class<T> type) {
        return type.cast(get(name, ISchedule.class));
    }

    public <E extends Enum<E>> E word(String name, Class<E> type) {
        return get(name, type);
    }

    /** The bare specs among the items, for schedules that take them (sequence). */
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
