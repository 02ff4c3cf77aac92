package io.github.dl4jschedules.examples.speed;

import io.github.dl4jschedules.examples.run.ModelKind;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/** {@code --model mlp|lenet}, lower case, as in {@code train}. */
final class ModelConverter implements CommandLine.ITypeConverter<ModelKind>, Iterable<String> {

    @Override
    public ModelKind convert(String value) {
        for (ModelKind model : ModelKind.values()) {
            if (model.name().equalsIgnoreCase(value.trim())) {
                return model;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not one of " + String.join(", ", this));
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(ModelKind.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).iterator();
    }

    static String name(ModelKind model) {
        return model.name().toLowerCase(Locale.ROOT);
    }
}
