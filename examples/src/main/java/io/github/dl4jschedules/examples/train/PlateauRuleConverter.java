package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.training.PlateauRule;
import picocli.CommandLine;

/** Reads {@code --plateau "factor=0.5, patience=2"}; an empty value gives PyTorch's defaults. */
public final class PlateauRuleConverter implements CommandLine.ITypeConverter<PlateauRule> {

    @Override
    public PlateauRule convert(String value) {
        try {
            return PlateauRule.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
