package io.github.dl4jschedules.examples.report;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV lines as RFC 4180 writes them: a field holding a comma, a quote or a line break is quoted, a
 * quote inside doubled. Specs hold commas ({@code step(lr=0.1, every=2)}), so every spec column needs this.
 * Numbers are written with {@link Double#toString}, which reads back exactly.
 */
public final class Csv {

    private Csv() {
    }

    /** One line from its fields, quoted where needed. */
    public static String line(Object... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(String.valueOf(fields[i])));
        }
        return line.toString();
    }

    /** {@code text} as one field: unchanged, or quoted when it holds a comma, a quote or a line break. */
    public static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * The fields of one line.
     *
     * @throws IllegalArgumentException when a quoted field is not closed
     */
    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote in CSV line: " + line);
        }
        fields.add(field.toString());
        return fields;
    }

    /** A number for a CSV cell: {@link Double#toString}, or an empty cell for NaN (a value that does not exist). */
    public static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
