package io.github.dl4jschedules.training;

import io.github.dl4jschedules.schedules.Check;

import java.util.Locale;

/**
 * A change of the learning rate asked for while training runs, from a person (control file, console,
 * JMX) or from {@link ReduceOnPlateau}. Applied by a {@link RateController} between iterations.
 *
 * <p>Text form, one command per line (case-insensitive keyword, Java number syntax):
 * <pre>
 * factor F    multiply the rate by F (&gt; 0); the schedule keeps its shape
 * set R       make the rate R (&gt;= 0) now; the schedule keeps its shape from there
 * fixed R     train with the fixed rate R from now on, ignoring the schedule
 * schedule    go back to the plain configured schedule
 * cooldown N  end the stable phase of a wsd schedule now: cool down over N (&gt; 0) steps
 * </pre>
 */
public sealed interface RateCommand {

    /** The commands' usage, for messages. */
    String USAGE = "factor F | set R | fixed R | schedule | cooldown N";

    /** The most characters of a line that messages quote; longer lines are cut with their length. */
    int QUOTE_LIMIT = 80;

    /** Multiply the rate by {@code factor}, keeping the schedule's shape. */
    record Multiply(double factor) implements RateCommand {
        /**
         * Checks that {@code factor} is finite and {@code > 0}.
         *
         * @param factor the multiplier, finite and {@code > 0}
         */
        public Multiply {
            if (!(factor > 0) || !Double.isFinite(factor)) {
                throw new IllegalArgumentException(Check.message("rate command", "factor", "finite and > 0", factor));
            }
        }

        @Override
        public String toString() {
            return "factor " + factor;
        }
    }

    /** Make the rate {@code rate} now, keeping the schedule's shape from there. */
    record Set(double rate) implements RateCommand {
        /** @param rate finite and {@code >= 0}; {@code -0} is read as 0 */
        public Set {
            requireRate(rate);
            rate += 0.0;
        }

        @Override
        public String toString() {
            return "set " + rate;
        }
    }

    /** Train with the fixed {@code rate} from now on. */
    record Fix(double rate) implements RateCommand {
        /** @param rate finite and {@code >= 0}; {@code -0} is read as 0 */
        public Fix {
            requireRate(rate);
            rate += 0.0;
        }

        @Override
        public String toString() {
            return "fixed " + rate;
        }
    }

    /** Back to the plain configured schedule. */
    record Resume() implements RateCommand {
        @Override
        public String toString() {
            return "schedule";
        }
    }

    /**
     * Start the cooldown of every layer's {@code wsd} schedule at the next update, over {@code steps}
     * steps of the schedule's unit ({@link io.github.dl4jschedules.schedules.Wsd#coolingDownAt}).
     */
    record Cooldown(int steps) implements RateCommand {
        /** @param steps the cooldown's length, {@code > 0} */
        public Cooldown {
            if (steps <= 0) {
                throw new IllegalArgumentException(Check.message("rate command", "steps", "> 0", steps));
            }
        }

        @Override
        public String toString() {
            return "cooldown " + steps;
        }
    }

    /**
     * Reads one command.
     *
     * @param line one line of a control channel, e.g. {@code factor 0.5}
     * @return the command
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    static RateCommand parse(String line) {
        String[] words = line.trim().split("\\s+");
        String keyword = words[0].toLowerCase(Locale.ROOT);

        if (keyword.equals("schedule")) {
            if (words.length != 1) {
                throw new IllegalArgumentException("'schedule' takes no value, got " + quote(line.trim()));
            }
            return new Resume();
        }
        if (keyword.equals("cooldown")) {
            return cooldown(words, line);
        }
        if (!keyword.equals("factor") && !keyword.equals("set") && !keyword.equals("fixed")) {
            throw new IllegalArgumentException("unknown command " + quote(line.trim()) + "; expected " + USAGE);
        }
        if (words.length != 2) {
            throw new IllegalArgumentException("'" + keyword + "' takes one number, got " + quote(line.trim()));
        }
        double value;
        try {
            value = Double.parseDouble(words[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + keyword + "' takes a number, got " + quote(words[1]));
        }
        return switch (keyword) {
            case "factor" -> new Multiply(value);
            case "set" -> new Set(value);
            default -> new Fix(value);
        };
    }

    private static RateCommand cooldown(String[] words, String line) {
        if (words.length != 2) {
            throw new IllegalArgumentException("'cooldown' takes one whole number of steps, got " + quote(line.trim()));
        }
        try {
            return new Cooldown(Integer.parseInt(words[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'cooldown' takes a whole number of steps, got " + quote(words[1]));
        }
    }

    /**
     * {@code 'text'}, or for text over {@link #QUOTE_LIMIT} characters its start,
     * {@code '<first 60>...' (N characters)}.
     */
    private static String quote(String text) {
        if (text.length() <= QUOTE_LIMIT) {
            return "'" + text + "'";
        }
        return "'" + text.substring(0, 60) + "...' (" + text.length() + " characters)";
    }

    private static void requireRate(double rate) {
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException(Check.message("rate command", "rate", "finite and >= 0", rate));
        }
    }
}
