package io.github.dl4jschedules.examples.tune;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.spec.SpecException;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schedule spec whose parameters may be ranges, {@code key=low..high}, e.g.
 * {@code inverse-time(lr=1e-3..1, decay=0.01..10, unit=epoch)}. {@link #sample} replaces every range by
 * a value drawn from it, giving an ordinary spec. How a range {@code [a, b]} is drawn, with
 * {@code u} uniform in [0, 1):
 * <ul>
 *   <li><b>log-uniform</b> when {@code 0 < a} and {@code b / a >= 10} (rates, decay factors: every
 *   decade equally likely): {@code x = exp(ln a + u * (ln b - ln a))};</li>
 *   <li><b>uniform</b> otherwise: {@code x = a + u * (b - a)};</li>
 *   <li><b>integers</b> when both bounds are written as integers (no point, no exponent, e.g.
 *   {@code every=1..5}): the same rule over {@code [a, b + 1)}, floored, so every integer of
 *   {@code a..b} can come out and, in the uniform case, each equally likely.</li>
 * </ul>
 * Real values are rounded to 3 significant digits (kept inside the range), which keeps the specs of a
 * trial table readable. Ranges are drawn in the order they appear, so a seed fixes every sample.
 */
public final class SearchSpace {

    private static final String NUMBER = "[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][+-]?\\d+)?";
    private static final Pattern RANGE = Pattern.compile(
            "([A-Za-z][A-Za-z0-9_-]*)\\s*=\\s*(" + NUMBER + ")\\s*\\.\\.\\s*(" + NUMBER + ")");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final MathContext DIGITS = new MathContext(3);

    /** How a range is drawn. */
    public enum Distribution { UNIFORM, LOG_UNIFORM }

    /**
     * One {@code key=low..high} item.
     *
     * @param key      the parameter
     * @param low      the lower bound {@code a}
     * @param high     the upper bound {@code b > a}
     * @param integer  whether both bounds were written as integers
     * @param start    offset of the item's first character in the text
     * @param end      offset just after the item
     */
    public record Range(String key, double low, double high, boolean integer, int start, int end) {

        public Distribution distribution() {
            return low > 0 && high / low >= 10 ? Distribution.LOG_UNIFORM : Distribution.UNIFORM;
        }

        /** A value drawn as the class comment says, as spec text. */
        String sample(Random random) {
            double u = random.nextDouble();
            double top = integer ? high + 1 : high;
            double x = distribution() == Distribution.LOG_UNIFORM
                    ? Math.exp(Math.log(low) + u * (Math.log(top) - Math.log(low)))
                    : low + u * (top - low);
            if (integer) {
                return Long.toString(Math.min((long) high, (long) Math.floor(x)));
            }
            double rounded = new BigDecimal(x).round(DIGITS).doubleValue();
            return Double.toString(Math.max(low, Math.min(high, rounded)));
        }

        /** The item as written in a table: {@code lr: log-uniform 0.001..1}. */
        String describe() {
            return String.format(Locale.ROOT, "%s: %s%s %s..%s", key, integer ? "integer " : "",
                    distribution() == Distribution.LOG_UNIFORM ? "log-uniform" : "uniform",
                    text(low, integer), text(high, integer));
        }

        private static String text(double value, boolean integer) {
            return integer ? Long.toString((long) value) : Double.toString(value);
        }
    }

    private final String text;
    private final List<Range> ranges;

    private SearchSpace(String text, List<Range> ranges) {
        this.text = text;
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Reads the ranges of a spec and checks that the spec is valid with every range at its low end and
     * at its high end.
     *
     * @throws SpecException naming the problem and its position: a malformed range ({@code lr=..1},
     *                       {@code lr=1..x}), {@code low >= high}, no range at all, or a spec the library rejects
     */
    public static SearchSpace parse(String text) {
        List<Range> ranges = new ArrayList<>();
        Matcher matcher = RANGE.matcher(text);
        int searched = 0;
        while (matcher.find()) {
            requireNoStrayDots(text, searched, matcher.start());
            double low = Double.parseDouble(matcher.group(2));
            double high = Double.parseDouble(matcher.group(3));
            if (!Double.isFinite(low) || !Double.isFinite(high)) {
                throw new SpecException(matcher.group(1) + ": range bounds must be finite, got " + matcher.group(2) + ".."
                        + matcher.group(3) + " at " + matcher.start(2), text, matcher.start(2));
            }
            if (!(low < high)) {
                throw new SpecException(matcher.group(1) + ": a range needs low < high, got " + matcher.group(2) + ".."
                        + matcher.group(3) + " at " + matcher.start(2), text, matcher.start(2));
            }
            boolean integer = INTEGER.matcher(matcher.group(2)).matches() && INTEGER.matcher(matcher.group(3)).matches();
            ranges.add(new Range(matcher.group(1), low, high, integer, matcher.start(), matcher.end()));
            searched = matcher.end();
        }
        requireNoStrayDots(text, searched, text.length());
        if (ranges.isEmpty()) {
            throw new SpecException("no range to search: write a parameter as key=low..high, e.g. "
                    + "inverse-time(lr=1e-3..1, decay=0.01..10, unit=epoch)", text, 0);
        }
        SearchSpace space = new SearchSpace(text, ranges);
        space.requireValid(ranges.stream().map(r -> Range.text(r.low(), r.integer())).toList(), "low");
        space.requireValid(ranges.stream().map(r -> Range.text(r.high(), r.integer())).toList(), "high");
        return space;
    }

    /** The ranges, in text order. */
    public List<Range> ranges() {
        return ranges;
    }

    /** The text as given. */
    public String text() {
        return text;
    }

    /**
     * A spec with every range replaced by a drawn value; {@code Schedules.parse} accepts it.
     *
     * @throws SpecException when the library rejects the drawn combination, naming the spec
     */
    public String sample(Random random) {
        List<String> values = new ArrayList<>();
        for (Range range : ranges) {
            values.add(range.sample(random));
        }
        String spec = substitute(values);
        try {
            Schedules.parse(spec);
        } catch (SpecException e) {
            throw new SpecException("the drawn spec " + spec + " is not valid: " + e.getMessage(), text, 0, e);
        }
        return spec;
    }

    private String substitute(List<String> values) {
        StringBuilder spec = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < ranges.size(); i++) {
            Range range = ranges.get(i);
            spec.append(text, copied, range.start()).append(range.key()).append('=').append(values.get(i));
            copied = range.end();
        }
        return spec.append(text.substring(copied)).toString();
    }

    private void requireValid(List<String> values, String end) {
        String spec = substitute(values);
        try {
            Schedules.parse(spec);
        } catch (SpecException e) {
            throw new SpecException("with every range at its " + end + " end, " + spec + " is not valid: "
                    + e.getMessage(), text, 0, e);
        }
    }

    /** A {@code ..} outside a well-formed range is a malformed range: report where. */
    private static void requireNoStrayDots(String text, int from, int to) {
        int dots = text.indexOf("..", from);
        if (dots >= 0 && dots < to) {
            throw new SpecException("malformed range at " + dots + ": expected key=low..high with two numbers, "
                    + "e.g. lr=1e-4..0.1", text, dots);
        }
    }
}
