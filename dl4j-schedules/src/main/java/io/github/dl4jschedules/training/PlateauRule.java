package io.github.dl4jschedules.training;

import io.github.dl4jschedules.schedules.Check;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When to cut the rate on a plateau: the settings of PyTorch's {@code ReduceLROnPlateau}, with its
 * defaults, validated.
 * <pre>
 * better(a, best) = a &lt; best * (1 - threshold)   mode min, relative
 *                   a &lt; best - threshold         mode min, absolute
 *                   a &gt; best * (1 + threshold)   mode max, relative
 *                   a &gt; best + threshold         mode max, absolute
 * after more than `patience` epochs without a better value (not counting `cooldown` epochs after a cut):
 *     rate = max(rate * factor, min), applied when it changes the rate by more than eps
 * </pre>
 * With {@code wsd-cooldown=N} ({@code N > 0}, not in PyTorch), the first time the rule fires it starts
 * the cooldown of the {@code wsd} schedule over {@code N} steps instead of cutting (the controller's
 * {@code cooldown N} command), and later firings change nothing.
 *
 * @param mode          {@code min} for a loss, {@code max} for an accuracy
 * @param factor        the cut, in (0, 1)
 * @param patience      epochs without improvement to tolerate, {@code >= 0}
 * @param threshold     what counts as improvement, {@code >= 0}
 * @param relative      relative ({@code rel}) or absolute ({@code abs}) threshold
 * @param cooldown      epochs to wait after a cut before counting again, {@code >= 0}
 * @param minRate       a cut never takes the rate below this, {@code >= 0}
 * @param eps           smaller changes are not applied, {@code >= 0}
 * @param wsdCooldown   0 to cut; {@code > 0} to start a {@code wsd} cooldown of that many steps instead
 * @serial exclude
 */
// @serial exclude: JDK 17's javadoc asks for comments on a serializable record's components
// in the serialized form and does not take them from the @param tags, which document them.
public record PlateauRule(Mode mode, double factor, int patience, double threshold, boolean relative, int cooldown,
                          double minRate, double eps, int wsdCooldown) implements Serializable {

    /** Whether smaller or larger values of the metric are better. */
    public enum Mode {
        /** Smaller values are better (a loss). */
        MIN,
        /** Larger values are better (an accuracy). */
        MAX
    }

    /** PyTorch's defaults: min, factor 0.1, patience 10, threshold 1e-4 relative, cooldown 0, min 0, eps 1e-8. */
    public static final PlateauRule DEFAULTS = new PlateauRule(Mode.MIN, 0.1, 10, 1e-4, true, 0, 0, 1e-8);

    /** The option keys of {@link #parse}, in order. */
    public static final String KEYS = "mode=min|max, factor, patience, threshold, threshold-mode=rel|abs, cooldown, min, eps,"
            + " wsd-cooldown";

    /**
     * Checks every component against its range (above); a bad one is refused with a message naming it.
     *
     * @param mode {@code min} for a loss, {@code max} for an accuracy
     * @param factor the cut, in (0, 1)
     * @param patience epochs without improvement to tolerate, {@code >= 0}
     * @param threshold what counts as improvement, {@code >= 0}
     * @param relative relative ({@code rel}) or absolute ({@code abs}) threshold
     * @param cooldown epochs to wait after a cut before counting again, {@code >= 0}
     * @param minRate a cut never takes the rate below this, {@code >= 0}
     * @param eps smaller changes are not applied, {@code >= 0}
     * @param wsdCooldown 0 to cut; {@code > 0} to start a {@code wsd} cooldown of that many steps instead
     * @throws IllegalArgumentException naming the first component out of its range
     */
    public PlateauRule {
        if (mode == null) {
            throw new IllegalArgumentException("plateau: mode must be min or max, got null");
        }
        require(factor > 0 && factor < 1, "factor", "in (0, 1)", factor);
        require(patience >= 0, "patience", ">= 0", patience);
        require(threshold >= 0 && Double.isFinite(threshold), "threshold", "finite and >= 0", threshold);
        require(cooldown >= 0, "cooldown", ">= 0", cooldown);
        require(minRate >= 0 && Double.isFinite(minRate), "min", "finite and >= 0", minRate);
        require(eps >= 0 && Double.isFinite(eps), "eps", "finite and >= 0", eps);
        require(wsdCooldown >= 0, "wsd-cooldown", ">= 0", wsdCooldown);
    }

    /**
     * PyTorch's rule: cuts, no {@code wsd} cooldown ({@code wsdCooldown = 0}).
     *
     * @param mode {@code min} for a loss, {@code max} for an accuracy
     * @param factor the cut, in (0, 1)
     * @param patience epochs without improvement to tolerate, {@code >= 0}
     * @param threshold what counts as improvement, {@code >= 0}
     * @param relative relative ({@code rel}) or absolute ({@code abs}) threshold
     * @param cooldown epochs to wait after a cut before counting again, {@code >= 0}
     * @param minRate a cut never takes the rate below this, {@code >= 0}
     * @param eps smaller changes are not applied, {@code >= 0}
     * @throws IllegalArgumentException naming the first component out of its range
     */
    public PlateauRule(Mode mode, double factor, int patience, double threshold, boolean relative, int cooldown,
                       double minRate, double eps) {
        this(mode, factor, patience, threshold, relative, cooldown, minRate, eps, 0);
    }

    /**
     * Reads {@code key=value} pairs separated by commas over {@link #DEFAULTS}, e.g.
     * {@code "factor=0.5, patience=2, mode=max"}; an empty text gives the defaults.
     *
     * @param text the pairs, e.g. {@code "factor=0.5, patience=2"}
     * @return the rule
     * @throws IllegalArgumentException naming the key and the problem
     */
    public static PlateauRule parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int equals = item.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("plateau: expected key=value, got '" + item.trim() + "'; keys: " + KEYS);
            }
            String key = item.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            if (values.put(key, item.substring(equals + 1).trim()) != null) {
                throw new IllegalArgumentException("plateau: " + key + " given twice");
            }
        }
        PlateauRule d = DEFAULTS;
        Mode mode = values.containsKey("mode") ? mode(values.remove("mode")) : d.mode;
        double factor = number(values, "factor", d.factor);
        int patience = (int) integer(values, "patience", d.patience);
        double threshold = number(values, "threshold", d.threshold);
        boolean relative = values.containsKey("threshold-mode") ? relative(values.remove("threshold-mode")) : d.relative;
        int cooldown = (int) integer(values, "cooldown", d.cooldown);
        double min = number(values, "min", d.minRate);
        double eps = number(values, "eps", d.eps);
        int wsdCooldown = (int) integer(values, "wsd-cooldown", d.wsdCooldown);
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("plateau: unknown key '" + values.keySet().iterator().next()
                    + "'; keys: " + KEYS);
        }
        return new PlateauRule(mode, factor, patience, threshold, relative, cooldown, min, eps, wsdCooldown);
    }

    /**
     * Whether {@code value} improves on {@code best}.
     *
     * @param value this epoch's metric
     * @param best the best metric so far
     * @return {@code true} if {@code value} is better by more than the threshold
     */
    public boolean isBetter(double value, double best) {
        if (mode == Mode.MIN) {
            return relative ? value < best * (1 - threshold) : value < best - threshold;
        }
        return relative ? value > best * (1 + threshold) : value > best + threshold;
    }

    /** {@return the starting "best": +infinity for min, -infinity for max} */
    public double worst() {
        return mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "mode=%s, factor=%s, patience=%d, threshold=%s, threshold-mode=%s, cooldown=%d, min=%s, eps=%s,"
                        + " wsd-cooldown=%d",
                mode.name().toLowerCase(Locale.ROOT), factor, patience, threshold, relative ? "rel" : "abs",
                cooldown, minRate, eps, wsdCooldown);
    }

    private static Mode mode(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "min" -> Mode.MIN;
            case "max" -> Mode.MAX;
            default -> throw new IllegalArgumentException(Check.message("plateau", "mode", "min or max", value));
        };
    }

    private static boolean relative(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "rel" -> true;
            case "abs" -> false;
            default -> throw new IllegalArgumentException(
                    Check.message("plateau", "threshold-mode", "rel or abs", value));
        };
    }

    private static double number(Map<String, String> values, String key, double fallback) {
        String value = values.remove(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Check.message("plateau", key, "a number", value));
        }
    }

    private static long integer(Map<String, String> values, String key, int fallback) {
        String value = values.remove(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Check.message("plateau", key, "an integer", value));
        }
    }

    private static void require(boolean holds, String key, String rule, Object value) {
        if (!holds) {
            throw new IllegalArgumentException(Check.message("plateau", key, rule, value));
        }
    }
}
