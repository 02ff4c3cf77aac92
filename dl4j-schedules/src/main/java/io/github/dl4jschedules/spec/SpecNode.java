package io.github.dl4jschedules.spec;

import java.util.List;

/**
 * The syntax tree of a spec, before any schedule is built: what {@link SpecParser} reads and
 * {@link ScheduleDefinition}s interpret. Every node keeps its position in the text for error messages.
 */
public sealed interface SpecNode permits SpecNode.Call, SpecNode.Number, SpecNode.NumberList {

    /** {@return 0-based offset of the node's first character in the spec text} */
    int position();

    /**
     * A schedule or a bare word: {@code name} or {@code name(item, ...)}. A bare word such as
     * {@code epoch} or {@code true} is a call without parentheses; its meaning depends on the
     * parameter it is given to.
     *
     * @param name        the schedule name or word
     * @param position    offset of the name
     * @param parentheses whether the text had {@code (...)} after the name
     * @param named       {@code key=value} items, in text order
     * @param positional  bare specs among the items, in text order
     */
    record Call(String name, int position, boolean parentheses, List<Argument> named, List<Call> positional)
            implements SpecNode {
        /**
         * Copies the lists, so the node is immutable.
         *
         * @param name the schedule name or word
         * @param position offset of the name
         * @param parentheses whether the text had {@code (...)} after the name
         * @param named {@code key=value} items, in text order
         * @param positional bare specs among the items, in text order
         */
        public Call {
            named = List.copyOf(named);
            positional = List.copyOf(positional);
        }

        /** {@return whether this is a plain word: no parentheses, so no items} */
        public boolean isWord() {
            return !parentheses;
        }
    }

    /** A number literal in Java's double syntax, with its original text. */
    record Number(String text, double value, int position) implements SpecNode {
    }

    /** A bracketed list of numbers, {@code [1, 2, 3]}. */
    record NumberList(List<Number> elements, int position) implements SpecNode {
        /**
         * Copies the list, so the node is immutable.
         *
         * @param elements the numbers, in text order
         * @param position offset of the {@code [}
         */
        public NumberList {
            elements = List.copyOf(elements);
        }
    }

    /** One {@code key=value} item of a call. */
    record Argument(String key, int position, SpecNode value) {
    }
}
