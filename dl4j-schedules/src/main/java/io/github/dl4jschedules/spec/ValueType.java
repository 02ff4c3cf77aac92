package io.github.dl4jschedules.spec;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How one kind of parameter value is read from a {@link SpecNode} and written back in canonical form.
 * Canonical numbers use {@link Double#toString(double)} (locale-independent, exact round trip);
 * integers, booleans and words are written plainly.
 *
 * @param <T> the Java type of the value
 */
public interface ValueType<T> {

    /** {@return a short description for messages, e.g. "a number"} */
    String description();

    /**
     * Reads a value.
     *
     * @param node    the value's syntax node
     * @param context how to build nested schedules
     * @return the value
     * @throws IllegalArgumentException with a message that completes "{@code <param> must be ...}"
     *                                  when the node is of the wrong kind
     */
    T read(SpecNode node, BuildContext context);

    /**
     * The canonical text of a value.
     *
     * @param value a value of this type
     * @return the text that reads back as {@code value}
     */
    String write(T value);

    /** Any finite or non-finite double; schedules validate the range. */
    ValueType<Double> NUMBER = new ValueType<>() {
        @Override
        public String description() {
            return "a number";
        }

        @Override
        public Double read(SpecNode node, BuildContext context) {
            if (node instanceof SpecNode.Number number) {
                return number.value();
            }
            if (node instanceof SpecNode.Call call && call.isWord()
                    && (call.name().equals("NaN") || call.name().equals("Infinity"))) {
                return Double.parseDouble(call.name());
            }
            throw mismatch(this, node);
        }

        @Override
        public String write(Double value) {
            return Double.toString(value);
        }
    };

    /** A whole number in {@code int} range, written without a decimal point. */
    ValueType<Integer> INTEGER = new ValueType<>() {
        @Override
        public String description() {
            return "an integer";
        }

        @Override
        public Integer read(SpecNode node, BuildContext context) {
            if (node instanceof SpecNode.Number number) {
                return toInt(number);
            }
            throw mismatch(this, node);
        }

        @Override
        public String write(Integer value) {
            return Integer.toString(value);
        }
    };

    /** {@code true} or {@code false}. */
    ValueType<Boolean> BOOLEAN = new ValueType<>() {
        @Override
        public String description() {
            return "true or false";
        }

        @Override
        public Boolean read(SpecNode node, BuildContext context) {
            if (node instanceof SpecNode.Call call && call.isWord()
                    && (call.name().equals("true") || call.name().equals("false"))) {
                return Boolean.parseBoolean(call.name());
            }
            throw mismatch(this, node);
        }

        @Override
        public String write(Boolean value) {
            return value.toString();
        }
    };

    /** The counter a schedule follows: {@code iteration} or {@code epoch}. */
    ValueType<ScheduleType> UNIT = new ValueType<>() {
        @Override
        public String description() {
            return "iteration or epoch";
        }

        @Override
        public ScheduleType read(SpecNode node, BuildContext context) {
            if (node instanceof SpecNode.Call call && call.isWord()) {
                for (ScheduleType unit : ScheduleType.values()) {
                    if (write(unit).equals(call.name())) {
                        return unit;
                    }
                }
            }
            throw mismatch(this, node);
        }

        @Override
        public String write(ScheduleType value) {
            return value.name().toLowerCase(Locale.ROOT);
        }
    };

    /** {@code [x, y, ...]} of any numbers. */
    ValueType<double[]> NUMBER_LIST = new ValueType<>() {
        @Override
        public String description() {
            return "a list of numbers like [0.1, 0.01]";
        }

        @Override
        public double[] read(SpecNode node, BuildContext context) {
            if (node instanceof SpecNode.NumberList list) {
                return list.elements().stream().mapToDouble(SpecNode.Number::value).toArray();
            }
            throw mismatch(this, node);
        }

        @Override
        public String write(double[] value) {
            return Arrays.stream(value).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
        }
    };

    /** {@code [i, j, ...]} of whole numbers. */
    ValueType<int[]> INTEGER_LIST = new ValueType<>() {
        @Override
        public String description() {
            return "a list of integers like [10, 20]";
        }

        @Override
        public int[] read(SpecNode node, BuildContext context) {
            if (node instanceof SpecNode.NumberList list) {
                return list.elements().stream().mapToInt(ValueType::toInt).toArray();
            }
            throw mismatch(this, node);
        }

        @Override
        public String write(int[] value) {
            return Arrays.stream(value).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
        }
    };

    /** A nested schedule spec; it counts in its parent's unit unless it names one. */
    ValueType<ISchedule> SCHEDULE = new ValueType<>() {
        @Override
        public String description() {
            return "a schedule";
        }

        @Override
        public ISchedule read(SpecNode node, BuildContext context) {
            if (node instanceof SpecNode.Call call) {
                return context.build(call);
            }
            throw mismatch(this, node);
        }

        @Override
        public String write(ISchedule value) {
            return value.toString();
        }
    };

    /**
     * One of an enum's {@link SpecWord words}.
     *
     * @param <E> the enum
     * @param type the enum class
     * @return the value type reading and writing the enum's words
     */
    static <E extends Enum<E> & SpecWord> ValueType<E> word(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String choices = Arrays.stream(constants).map(SpecWord::word).collect(Collectors.joining(" or "));
        return new ValueType<>() {
            @Override
            public String description() {
                return choices;
            }

            @Override
            public E read(SpecNode node, BuildContext context) {
                if (node instanceof SpecNode.Call call && call.isWord()) {
                    for (E constant : constants) {
                        if (constant.word().equals(call.name())) {
                            return constant;
                        }
                    }
                }
                throw mismatch(this, node);
            }

            @Override
            public String write(E value) {
                return value.word();
            }
        };
    }

    private static int toInt(SpecNode.Number number) {
        double value = number.value();
        if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an integer, got " + number.text());
        }
        return (int) value;
    }

    private static IllegalArgumentException mismatch(ValueType<?> type, SpecNode node) {
        return new IllegalArgumentException(type.description() + ", got " + describe(node));
    }

    private static String describe(SpecNode node) {
        if (node instanceof SpecNode.Number number) {
            return number.text();
        }
        if (node instanceof SpecNode.NumberList) {
            return "a list";
        }
        SpecNode.Call call = (SpecNode.Call) node;
        return call.isWord() ? "'" + call.name() + "'" : "schedule '" + call.name() + "(...)'";
    }
}
