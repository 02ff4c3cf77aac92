package io.github.dl4jschedules.examples.cli;

import io.github.dl4jschedules.examples.run.Presets;
import io.github.dl4jschedules.training.PlateauRule;

import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Map;

/**
 * Help texts built from the code they describe, so that none is typed twice: the commands name this
 * bundle ({@code @Command(resourceBundle = HelpTexts.NAME)}) and write {@code ${bundle:help.presets}}
 * (the preset names of {@link Presets}, comma-separated) or {@code ${bundle:help.plateau-defaults}}
 * ({@link PlateauRule#DEFAULTS}: factor, patience, threshold and its mode) in a description.
 *
 * <p>A command that says in its own words what a shared option means there names a small public subclass
 * instead, which adds those texts under the options' {@code descriptionKey}s (e.g. {@code seed},
 * {@code epochs}, {@code schedule}, {@code out}); it keeps the shared texts above.
 */
public class HelpTexts extends ListResourceBundle {

    /** The bundle's name, for {@code @Command(resourceBundle = ...)}. */
    public static final String NAME = "io.github.dl4jschedules.examples.cli.HelpTexts";

    private final Map<String, String> commandTexts;

    /** The shared texts only. */
    public HelpTexts() {
        this(Map.of());
    }

    /**
     * The shared texts and a command's own.
     *
     * @param commandTexts help text by description key, e.g. {@code "seed" -> "Seed of weights and shuffling (default: ${DEFAULT-VALUE})."}
     */
    protected HelpTexts(Map<String, String> commandTexts) {
        this.commandTexts = Map.copyOf(commandTexts);
    }

    @Override
    protected final Object[][] getContents() {
        PlateauRule defaults = PlateauRule.DEFAULTS;
        List<Object[]> contents = new ArrayList<>();
        contents.add(new Object[]{"help.presets", String.join(", ", Presets.all().keySet())});
        contents.add(new Object[]{"help.plateau-defaults", "factor=" + number(defaults.factor()) + ", patience="
                + defaults.patience() + ", threshold=" + number(defaults.threshold()) + " " + (defaults.relative() ? "rel" : "abs")});
        commandTexts.forEach((key, text) -> contents.add(new Object[]{key, text}));
        return contents.toArray(Object[][]::new);
    }

    /** {@code 0.1}, {@code 1e-4}: Java's shortest form, with a lower-case exponent and no {@code .0} before it. */
    private static String number(double value) {
        return Double.toString(value).replace(".0E", "e").replace('E', 'e');
    }
}
