package io.github.dl4jschedules.spec;

import io.github.dl4jschedules.spec.SpecLexer.Kind;
import io.github.dl4jschedules.spec.SpecLexer.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads spec text into a {@link SpecNode.Call} tree. Knows the grammar only, not the schedules:
 * <pre>
 * spec  := name [ "(" [ item { "," item } ] ")" ]
 * item  := key "=" value | spec
 * value := number | list | spec            (a bare word is a spec without parentheses)
 * list  := "[" [ number { "," number } ] "]"
 * </pre>
 * Which items a schedule accepts is decided later by its {@link ScheduleDefinition}.
 *
 * <p>Schedules nest at most {@link #MAX_NESTING} deep ({@code warmup(then=cosine(...))} is 2): a
 * deeper spec is a syntax error naming the limit, found before the parser recurses further, so no
 * spec text can exhaust the stack here or in anything that walks a schedule (build,
 * {@code toString}, {@code equals}, {@code hashCode}, JSON). The schedules' constructors enforce the
 * same limit for schedules built in Java or from JSON.
 */
public final class SpecParser {

    /** The deepest nesting of schedules a spec, and a schedule object, may have. */
    public static final int MAX_NESTING = 32;

    private final String spec;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private SpecParser(String spec) {
        this.spec = spec;
        this.tokens = SpecLexer.tokenize(spec);
    }

    /**
     * Parses a whole spec.
     *
     * @param spec the spec text
     * @return the syntax tree of its top-level schedule
     * @throws SpecException on a syntax error, naming what was expected, what was found and where
     */
    public static SpecNode.Call parse(String spec) {
        if (spec == null) {
            throw new SpecException("spec must not be null", "", 0);
        }
        SpecParser parser = new SpecParser(spec);
        SpecNode.Call call = parser.call();
        parser.expect(Kind.END, "end of spec");
        return call;
    }

    private SpecNode.Call call() {
        Token name = expect(Kind.NAME, "a schedule name");
        if (peek().kind() != Kind.OPEN_PAREN) {
            return new SpecNode.Call(name.text(), name.position(), false, List.of(), List.of());
        }
        advance();
        if (++depth > MAX_NESTING) {
            throw error("schedules nest deeper than the nesting limit of " + MAX_NESTING + ", found '"
                    + name.text() + "(' at depth " + depth, name);
        }
        List<SpecNode.Argument> named = new ArrayList<>();
        List<SpecNode.Call> positional = new ArrayList<>();
        if (peek().kind() != Kind.CLOSE_PAREN) {
            do {
                item(named, positional);
            } while (accept(Kind.COMMA));
        }
        expect(Kind.CLOSE_PAREN, "',' or ')'");
        depth--;
        return new SpecNode.Call(name.text(), name.position(), true, named, positional);
    }

    private void item(List<SpecNode.Argument> named, List<SpecNode.Call> positional) {
        Token first = peek();
        if (first.kind() == Kind.NAME && tokens.get(next + 1).kind() == Kind.EQUALS) {
            advance();
            advance();
            named.add(new SpecNode.Argument(first.text(), first.position(), value()));
        } else if (first.kind() == Kind.NAME) {
            positional.add(call());
        } else {
            throw error("expected 'key=value' or a schedule, found " + first.describe(), first);
        }
    }

    private SpecNode value() {
        Token token = peek();
        return switch (token.kind()) {
            case NUMBER -> number();
            case OPEN_BRACKET -> list();
            case NAME -> call();
            default -> throw error("expected a number, a list or a schedule, found " + token.describe(), token);
        };
    }

    private SpecNode.NumberList list() {
        Token open = advance();
        List<SpecNode.Number> elements = new ArrayList<>();
        if (peek().kind() != Kind.CLOSE_BRACKET) {
            do {
                elements.add(number());
            } while (accept(Kind.COMMA));
        }
        expect(Kind.CLOSE_BRACKET, "',' or ']'");
        return new SpecNode.NumberList(elements, open.position());
    }

    private SpecNode.Number number() {
        Token token = expect(Kind.NUMBER, "a number");
        return new SpecNode.Number(token.text(), Double.parseDouble(token.text()), token.position());
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token advance() {
        return tokens.get(next++);
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private Token expect(Kind kind, String expected) {
        Token token = peek();
        if (token.kind() != kind) {
            throw error("expected " + expected + ", found " + token.describe(), token);
        }
        return advance();
    }

    private SpecException error(String message, Token at) {
        return new SpecException(message + " at " + at.position(), spec, at.position());
    }
}
