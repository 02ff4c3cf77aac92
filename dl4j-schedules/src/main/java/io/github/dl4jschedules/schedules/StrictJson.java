package io.github.dl4jschedules.schedules;

import org.nd4j.shade.jackson.core.JsonParser;
import org.nd4j.shade.jackson.core.JsonToken;
import org.nd4j.shade.jackson.databind.BeanProperty;
import org.nd4j.shade.jackson.databind.DeserializationContext;
import org.nd4j.shade.jackson.databind.JsonDeserializer;
import org.nd4j.shade.jackson.databind.JsonMappingException;
import org.nd4j.shade.jackson.databind.deser.ContextualDeserializer;
import org.nd4j.shade.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict reading of the schedules' JSON numbers, used on their {@code @JsonCreator} parameters:
 * Jackson on its own reads a missing or {@code null} number as 0 and {@code 1.5} in an integer field
 * as 1, so a misspelt {@code "lr"} would train at rate 0. Here a missing or null number, a fraction in
 * an integer field and a value of another kind are errors naming the field:
 * "{@code schedule field 'lr' must be a number, got nothing}". The range checks stay in the
 * constructors. {@code "NaN"} and {@code "Infinity"} (Jackson's text for them) are read, and the
 * constructors then reject them.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** The base: the field's name for messages, missing and null rejected. */
    private abstract static class Strict<T> extends StdDeserializer<T> implements ContextualDeserializer {
        private static final long serialVersionUID = 1L;
        final String field;

        Strict(Class<?> type, String field) {
            super(type);
            this.field = field;
        }

        abstract Strict<T> named(String name);

        abstract String kind();

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            return property == null ? this : named(property.getName());
        }

        @Override
        public T getNullValue(DeserializationContext context) throws JsonMappingException {
            throw error(context, "null");
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) throws JsonMappingException {
            throw error(context, "nothing");
        }

        JsonMappingException error(DeserializationContext context, String got) {
            return JsonMappingException.from(context, "schedule field '" + field + "' must be " + kind() + ", got " + got);
        }

        double number(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                return parser.getDoubleValue();
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                if (text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity")) {
                    return Double.parseDouble(text);
                }
            }
            String got = token == JsonToken.VALUE_NULL ? "null" : "'" + shorten(parser.getText()) + "'";
            throw error(context, got);
        }

        int integer(JsonParser parser, DeserializationContext context) throws IOException {
            double value = number(parser, context);
            if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw error(context, parser.getText());
            }
            return (int) value;
        }

        private static String shorten(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "...";
        }
    }

    /** A required number ({@code double}). */
    public static final class Real extends Strict<Double> {
        private static final long serialVersionUID = 1L;

        /**
         * The deserialiser Jackson creates from {@code @JsonDeserialize(using = ...)}; it names the field of a bad number.
         */
        public Real() {
            this("?");
        }

        private Real(String field) {
            super(Double.class, field);
        }

        @Override
        Real named(String name) {
            return new Real(name);
        }

        @Override
        String kind() {
            return "a number";
        }

        @Override
        public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return number(parser, context);
        }
    }

    /** A required whole number ({@code int}): no fraction, within {@code int} range. */
    public static final class Whole extends Strict<Integer> {
        private static final long serialVersionUID = 1L;

        /**
         * The deserialiser Jackson creates from {@code @JsonDeserialize(using = ...)}; it names the field of a bad whole number.
         */
        public Whole() {
            this("?");
        }

        private Whole(String field) {
            super(Integer.class, field);
        }

        @Override
        Whole named(String name) {
            return new Whole(name);
        }

        @Override
        String kind() {
            return "an integer";
        }

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return integer(parser, context);
        }
    }

    /** A required list of whole numbers ({@code int[]}). */
    public static final class Wholes extends Strict<int[]> {
        private static final long serialVersionUID = 1L;

        /**
         * The deserialiser Jackson creates from {@code @JsonDeserialize(using = ...)}; it names the field of a bad list of whole numbers.
         */
        public Wholes() {
            this("?");
        }

        private Wholes(String field) {
            super(int[].class, field);
        }

        @Override
        Wholes named(String name) {
            return new Wholes(name);
        }

        @Override
        String kind() {
            return "a list of integers";
        }

        @Override
        public int[] deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw error(context, "'" + parser.getText() + "'");
            }
            List<Integer> values = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                values.add(integer(parser, context));
            }
            return values.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** A required list of numbers ({@code double[]}). */
    public static final class Reals extends Strict<double[]> {
        private static final long serialVersionUID = 1L;

        /**
         * The deserialiser Jackson creates from {@code @JsonDeserialize(using = ...)}; it names the field of a bad list of numbers.
         */
        public Reals() {
            this("?");
        }

        private Reals(String field) {
            super(double[].class, field);
        }

        @Override
        Reals named(String name) {
            return new Reals(name);
        }

        @Override
        String kind() {
            return "a list of numbers";
        }

        @Override
        public double[] deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw error(context, "'" + parser.getText() + "'");
            }
            List<Double> values = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                values.add(number(parser, context));
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
