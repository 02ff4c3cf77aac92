package io.github.dl4jschedules.spec;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One schedule's entry in the spec language: its name, its parameters in canonical order with their
 * types and defaults, how to build it from {@link Arguments}, and how to write it back.
 *
 * <p>Reading and writing use the same parameter list, so the canonical form of every schedule is
 * {@code name(p1=v1, p2=v2, ...)} with every parameter in declaration order and
 * {@code parse(s.toString()).equals(s)} holds by construction. Range checks are not done here: the
 * schedule's constructor does them, so specs, JSON and Java code share one validation path; its
 * {@link IllegalArgumentException} is reported with the position of the schedule in the spec.
 *
 * @param <S> the schedule class
 */
public final class ScheduleDefinition<S extends ISchedule> {

    /** The name of the counter parameter; a schedule without it follows its child's or no counter. */
    public static final String UNIT = "unit";

    private record Parameter<S, T>(String name, ValueType<T> type, T defaultValue, Function<S, T> getter) {
        boolean required() {
            return defaultValue == null && !name.equals(UNIT);
        }

        boolean nested() {
            return type == ValueType.SCHEDULE;
        }

        String format(S schedule) {
            return name + "=" + type.write(getter.apply(schedule));
        }
    }

    private final String name;
    private final Class<S> type;
    private final String summary;
    private final List<Parameter<S, ?>> parameters;
    private final Function<S, List<? extends ISchedule>> positional;
    private final Function<Arguments, S> factory;

    private ScheduleDefinition(Builder<S> builder, Function<Arguments, S> factory) {
        this.name = builder.name;
        this.type = builder.type;
        this.summary = builder.summary;
        this.parameters = List.copyOf(builder.parameters);
        this.positional = builder.positional;
        this.factory = factory;
    }

    /**
     * Starts a definition.
     *
     * @param name    the spec name, e.g. {@code inverse-time}
     * @param type    the schedule class
     * @param summary one line for help texts: the formula
     * @param <S> the schedule class
     * @return the builder
     */
    public static <S extends ISchedule> Builder<S> of(String name, Class<S> type, String summary) {
        return new Builder<>(name, type, summary);
    }

    /** {@return the spec name, e.g. {@code inverse-time}} */
    public String name() {
        return name;
    }

    /** {@return the schedule class} */
    public Class<S> type() {
        return type;
    }

    /** {@return the formula in one line, for help texts} */
    public String summary() {
        return summary;
    }

    /** {@return the parameters in canonical order, with defaults: {@code lr, rate, unit=iteration, period=1, ...}} */
    public String usage() {
        StringJoiner joiner = new StringJoiner(", ", name + "(", ")");
        if (positional != null) {
            joiner.add("<spec>, <spec>, ...");
        }
        for (Parameter<S, ?> parameter : parameters) {
            joiner.add(usage(parameter));
        }
        return joiner.toString();
    }

    private static <S, T> String usage(Parameter<S, T> parameter) {
        if (parameter.name().equals(UNIT)) {
            return "unit=iteration|epoch";
        }
        if (parameter.defaultValue() == null) {
            return parameter.name();
        }
        return parameter.name() + "=" + parameter.type().write(parameter.defaultValue());
    }

    /**
     * The canonical spec of a schedule of this definition: every parameter, in order.
     *
     * @param schedule the schedule to write
     * @return {@code name(p1=v1, p2=v2, ...)}
     */
    public String format(S schedule) {
        StringJoiner joiner = new StringJoiner(", ", name + "(", ")");
        if (positional != null) {
            positional.apply(schedule).forEach(child -> joiner.add(child.toString()));
        }
        parameters.forEach(parameter -> joiner.add(parameter.format(schedule)));
        return joiner.toString();
    }

    S build(SpecNode.Call call, BuildContext context) {
        if (positional == null && !call.positional().isEmpty()) {
            SpecNode.Call extra = call.positional().get(0);
            throw context.error(name + ": expected key=value, found schedule '" + extra.name() + "'", extra.position());
        }
        Map<String, SpecNode.Argument> given = namedArguments(call, context);
        Map<String, Object> values = new HashMap<>();
        for (Parameter<S, ?> parameter : parameters) {
            if (!parameter.nested()) {
                values.put(parameter.name(), read(parameter, given, call, context));
            }
        }
        BuildContext children = values.containsKey(UNIT)
                ? context.withUnit((ScheduleType) values.get(UNIT))
                : context;
        for (Parameter<S, ?> parameter : parameters) {
            if (parameter.nested()) {
                values.put(parameter.name(), read(parameter, given, call, children));
            }
        }
        List<ISchedule> pieces = new ArrayList<>();
        for (SpecNode.Call piece : call.positional()) {
            pieces.add(children.build(piece));
        }
        try {
            return factory.apply(new Arguments(values, pieces));
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw context.error(e.getMessage(), positionOfRejected(e, given, call));
        }
    }

    /**
     * Where to point for a value the schedule rejected: the value of the parameter the
     * {@link ScheduleValidationException} names, if this schedule threw it and the spec gave that
     * parameter, else the schedule's name.
     */
    private int positionOfRejected(IllegalArgumentException rejected, Map<String, SpecNode.Argument> given,
                                   SpecNode.Call call) {
        if (rejected instanceof ScheduleValidationException invalid && invalid.schedule().equals(name)) {
            SpecNode.Argument argument = given.get(invalid.parameter());
            if (argument != null) {
                return argument.value().position();
            }
        }
        return call.position();
    }

    private Map<String, SpecNode.Argument> namedArguments(SpecNode.Call call, BuildContext context) {
        Map<String, SpecNode.Argument> given = new LinkedHashMap<>();
        for (SpecNode.Argument argument : call.named()) {
            if (parameters.stream().noneMatch(p -> p.name().equals(argument.key()))) {
                throw context.error(name + ": unknown parameter '" + argument.key() + "'", argument.position(),
                        "; known: " + parameters.stream().map(Parameter::name).collect(Collectors.joining(", ")));
            }
            if (given.put(argument.key(), argument) != null) {
                throw context.error(name + ": parameter '" + argument.key() + "' given twice", argument.position());
            }
        }
        return given;
    }

    private <T> T read(Parameter<S, T> parameter, Map<String, SpecNode.Argument> given, SpecNode.Call call,
                       BuildContext context) {
        SpecNode.Argument argument = given.get(parameter.name());
        if (argument == null) {
            if (parameter.name().equals(UNIT)) {
                @SuppressWarnings("unchecked") // the unit parameter is declared only through unit(getter)
                T inherited = (T) context.inheritedUnit();
                return inherited;
            }
            if (parameter.required()) {
                throw context.error(name + ": missing parameter '" + parameter.name() + "'", call.position(),
                        "; required: " + parameters.stream().filter(Parameter::required).map(Parameter::name)
                                .collect(Collectors.joining(", ")));
            }
            return parameter.defaultValue();
        }
        try {
            return parameter.type().read(argument.value(), context);
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw context.error(name + ": " + parameter.name() + " must be " + e.getMessage(),
                    argument.value().position());
        }
    }

    /** Declares the parameters in canonical order, then the factory. */
    public static final class Builder<S extends ISchedule> {
        private final String name;
        private final Class<S> type;
        private final String summary;
        private final List<Parameter<S, ?>> parameters = new ArrayList<>();
        private Function<S, List<? extends ISchedule>> positional;

        private Builder(String name, Class<S> type, String summary) {
            this.name = Objects.requireNonNull(name);
            this.type = Objects.requireNonNull(type);
            this.summary = Objects.requireNonNull(summary);
        }

        /**
         * A parameter; {@code defaultValue == null} makes it required.
         *
         * @param <T> the value's Java type
         * @param parameterName the parameter's name in specs
         * @param valueType how values are read and written
         * @param defaultValue the value when the spec omits it, or {@code null}
         * @param getter reads the parameter's value from a schedule, for the canonical form
         * @return this builder
         */
        public <T> Builder<S> parameter(String parameterName, ValueType<T> valueType, T defaultValue,
                                        Function<S, T> getter) {
            parameters.add(new Parameter<>(parameterName, valueType, defaultValue, getter));
            return this;
        }

        /**
         * A required number.
         *
         * @param parameterName the parameter's name in specs
         * @param getter reads the parameter's value from a schedule, for the canonical form
         * @return this builder
         */
        public Builder<S> number(String parameterName, Function<S, Double> getter) {
            return parameter(parameterName, ValueType.NUMBER, null, getter);
        }

        /**
         * A number with a default.
         *
         * @param parameterName the parameter's name in specs
         * @param defaultValue the value when the spec omits it
         * @param getter reads the parameter's value from a schedule, for the canonical form
         * @return this builder
         */
        public Builder<S> number(String parameterName, double defaultValue, Function<S, Double> getter) {
            return parameter(parameterName, ValueType.NUMBER, defaultValue, getter);
        }

        /**
         * A required integer.
         *
         * @param parameterName the parameter's name in specs
         * @param getter reads the parameter's value from a schedule, for the canonical form
         * @return this builder
         */
        public Builder<S> integer(String parameterName, Function<S, Integer> getter) {
            return parameter(parameterName, ValueType.INTEGER, null, getter);
        }

        /**
         * An integer with a default.
         *
         * @param parameterName the parameter's name in specs
         * @param defaultValue the value when the spec omits it
         * @param getter reads the parameter's value from a schedule, for the canonical form
         * @return this builder
         */
        public Builder<S> integer(String parameterName, int defaultValue, Function<S, Integer> getter) {
            return parameter(parameterName, ValueType.INTEGER, defaultValue, getter);
        }

        /**
         * A boolean with a default.
         *
         * @param parameterName the parameter's name in specs
         * @param defaultValue the value when the spec omits it
         * @param getter reads the parameter's value from a schedule, for the canonical form
         * @return this builder
         */
        public Builder<S> bool(String parameterName, boolean defaultValue, Function<S, Boolean> getter) {
            return parameter(parameterName, ValueType.BOOLEAN, defaultValue, getter);
        }

        /**
         * The counter, {@code unit=iteration|epoch}: defaults to the parent's unit, or iteration at
         * the top level; nested schedules inherit it.
         *
         * @param getter reads the parameter's value from a schedule, for the canonical form
         * @return this builder
         */
        public Builder<S> unit(Function<S, ScheduleType> getter) {
            return parameter(UNIT, ValueType.UNIT, null, getter);
        }

        /**
         * A required nested schedule.
         *
         * @param parameterName the parameter's name in specs
         * @param getter reads the parameter's value from a schedule, for the canonical form
         * @return this builder
         */
        public Builder<S> schedule(String parameterName, Function<S, ISchedule> getter) {
            return parameter(parameterName, ValueType.SCHEDULE, null, getter);
        }

        /**
         * Bare specs before the named items (sequence's pieces), written first in canonical form.
         *
         * @param getter reads the pieces from a schedule, for the canonical form
         * @return this builder
         */
        public Builder<S> positionalSchedules(Function<S, List<? extends ISchedule>> getter) {
            this.positional = getter;
            return this;
        }

        /**
         * Ends the declaration.
         *
         * @param factory builds the schedule from the values read; its constructor validates them
         * @return the definition
         */
        public ScheduleDefinition<S> build(Function<Arguments, S> factory) {
            return new ScheduleDefinition<>(this, factory);
        }
    }
}
