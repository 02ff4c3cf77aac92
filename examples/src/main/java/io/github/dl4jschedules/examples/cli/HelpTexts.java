package io.github.dl4jschedules.examples.cli;

import io.github.dl4jschedules.examples.run.Presets;
import io.github.dl4jschedules.training.PlateauRule;

import java.util.ListResourceBundle;

/**
 * Help texts built from the code they describe, so that none is typed twice: the commands name this
 * bundle ({@code @Command(resourceBundle = HelpTexts.NAME)}) and write {@code ${bundle:help.presets}}
 * (the preset names of {@link Presets}, comma-separated) or {@code ${bundle:help.plateau-defaults}}
 * ({@link PlateauRule#DEFAULTS}: factor, patience, threshold and its mode) in a description.
 */
public final class HelpTexts extends ListResourceBundle {

    /** The bundle's name, for {@code @Command(resourceBundle = ...)}. */
    public static final String NAME = "io.github.dl4jschedules.examples.cli.HelpTexts";

    @Override
    protected Object[][] getContents() {
        PlateauRule defaults = PlateauRule.DEFAULTS;
        return new Object[][]{
            {"help.presets", String.join(", ", Presets.all().keySet())},
            {"help.plateau-defaults", "factor=" + number(defaults.factor()) + ", patience=" + defaults.patience()
                    + ", threshold=" + number(defaults.threshold()) + " " + (defaults.relative() ? "rel" : "abs")},
        };
    }

    /** {@code 0.1}, {@code 1e-4}: Java's shortest form, with a lower-case exponent and no {@code .0} before it. */
    private static String number(double value) {
        return Double.toString(value).replace(".0E", "e").replace('E', 'e');
    }
}
