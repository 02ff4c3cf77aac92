package io.github.dl4jschedules.interchange;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The arguments of one framework class, read from a JSON object: typed getters with defaults, and a
 * check that rejects every key the reader does not know, naming it and the class.
 */
final class JsonArgs {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String owner;
    private final JsonNode node;

    JsonArgs(String owner, JsonNode node) {
        this.owner = owner;
        this.node = node == null || node.isNull() ? MAPPER.createObjectNode() : node;
        if (!this.node.isObject()) {
            throw new IllegalArgumentException(owner + ": expected a JSON object, got " + this.node);
        }
    }

    static JsonNode parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("schedule configuration: null");
        }
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("schedule configuration is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Fails on the first key outside {@code known}, naming it. */
    JsonArgs only(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(owner + ": unknown or unsupported argument '" + name
                        + "' (known: " + new java.util.TreeSet<>(known) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    double number(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(owner + ": missing argument '" + key + "'");
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(owner + ": argument '" + key + "' must be a number, got " + v);
        }
        return v.doubleValue();
    }

    double number(String key, double fallback) {
        return has(key) ? number(key) : fallback;
    }

    int integer(String key) {
        return toInt(key, number(key));
    }

    int integer(String key, int fallback) {
        return has(key) ? integer(key) : fallback;
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(owner + ": argument '" + key + "' must be true or false, got " + v);
        }
        return v.booleanValue();
    }

    String text(String key, String fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(owner + ": argument '" + key + "' must be a string, got " + v);
        }
        return v.textValue();
    }

    double[] numbers(String key) {
        JsonNode v = list(key);
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber()) {
                throw new IllegalArgumentException(owner + ": '" + key + "' must hold numbers, got " + v.get(i));
            }
            out[i] = v.get(i).doubleValue();
        }
        return out;
    }

    int[] integers(String key) {
        double[] d = numbers(key);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = toInt(key, d[i]);
        }
        return out;
    }

    List<JsonNode> objects(String key) {
        JsonNode v = list(key);
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private JsonNode list(String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(owner + ": argument '" + key + "' must be a list, got " + v);
        }
        return v;
    }

    private int toInt(String key, double v) {
        if (v != Math.rint(v) || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(owner + ": argument '" + key
                    + "' must be a whole number of steps, got " + v);
        }
        return (int) v;
    }
}
