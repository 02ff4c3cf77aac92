package io.github.dl4jschedules.examples.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ready-made specs for the lecture's decay variants (docs/learning-rate-decay.md), by name. Rates suit
 * Adam on MNIST; with SGD, use a larger {@code lr} (e.g. 0.1) through {@code --schedule}.
 */
public final class Presets {

    private static final Map<String, String> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put("constant", "constant(lr=0.001)");
        SPECS.put("inverse-time", "inverse-time(lr=0.002, decay=1, unit=epoch, first=1)");
        SPECS.put("exponential", "exponential(lr=0.002, rate=0.95, unit=epoch, first=1)");
        SPECS.put("inverse-sqrt-epoch", "inverse-sqrt(lr=0.002, k=1, unit=epoch)");
        SPECS.put("inverse-sqrt-iteration", "inverse-sqrt(lr=0.02, k=1, unit=iteration)");
        SPECS.put("staircase", "step(lr=0.002, factor=0.5, every=2, unit=epoch)");
    }

    private Presets() {
    }

    /** Preset name to spec, in a stable order. */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(SPECS);
    }

    /** The spec of a preset name, or {@code text} itself when it is no preset name (a spec). */
    public static String resolve(String text) {
        return SPECS.getOrDefault(text.trim(), text);
    }
}
