package io.github.dl4jschedules.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a spec into tokens: names, numbers and the punctuation {@code ( ) [ ] , =}. Whitespace
 * between tokens is skipped.
 *
 * <p>A name starts with a letter and goes on with letters, digits, {@code -} and {@code _}
 * ({@code inverse-time}, {@code final-div}). A number uses Java's double syntax without a type
 * suffix: an optional sign, digits with an optional point, an optional exponent ({@code 1e-3},
 * {@code -0.5}, {@code .25}, {@code 1.0E-4}). {@code NaN} and {@code Infinity} are names; the
 * parameters that take numbers read them, and the schedules then reject them as not finite.
 */
final class SpecLexer {

    enum Kind { NAME, NUMBER, OPEN_PAREN, CLOSE_PAREN, OPEN_BRACKET, CLOSE_BRACKET, COMMA, EQUALS, END }

    record Token(Kind kind, String text, int position) {
        String describe() {
            return kind == Kind.END ? "end of spec" : "'" + text + "'";
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private SpecLexer() {
    }

    static List<Token> tokenize(String spec) {
        List<Token> tokens = new ArrayList<>();
        Matcher name = NAME.matcher(spec);
        Matcher number = NUMBER.matcher(spec);
        int i = 0;
        while (true) {
            while (i < spec.length() && Character.isWhitespace(spec.charAt(i))) {
                i++;
            }
            if (i == spec.length()) {
                tokens.add(new Token(Kind.END, "", i));
                return tokens;
            }
            char c = spec.charAt(i);
            Kind punctuation = punctuation(c);
            if (punctuation != null) {
                tokens.add(new Token(punctuation, String.valueOf(c), i));
                i++;
            } else if (name.region(i, spec.length()).lookingAt()) {
                tokens.add(new Token(Kind.NAME, name.group(), i));
                i = name.end();
            } else if (number.region(i, spec.length()).lookingAt()) {
                tokens.add(new Token(Kind.NUMBER, number.group(), i));
                i = number.end();
            } else {
                throw new SpecException("unexpected character '" + c + "' at " + i, spec, i);
            }
        }
    }

    private static Kind punctuation(char c) {
        return switch (c) {
            case '(' -> Kind.OPEN_PAREN;
            case ')' -> Kind.CLOSE_PAREN;
            case '[' -> Kind.OPEN_BRACKET;
            case ']' -> Kind.CLOSE_BRACKET;
            case ',' -> Kind.COMMA;
            case '=' -> Kind.EQUALS;
            default -> null;
        };
    }
}
