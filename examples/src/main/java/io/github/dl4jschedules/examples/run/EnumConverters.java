package io.github.dl4jschedules.examples.run;

import picocli.CommandLine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/** Lower-case option values for the enums of the command line ({@code --model lenet}, {@code --updater adam}). */
public final class EnumConverters {

    private EnumConverters() {
    }

    /** The option value of {@code constant}: its name in lower case ({@code LENET} is {@code lenet}). */
    public static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    private abstract static class LowerCase<E extends Enum<E>> implements CommandLine.ITypeConverter<E>, Iterable<String> {
        private final Class<E> type;

        LowerCase(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String value) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value.trim())) {
                    return constant;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not one of " + String.join(", ", this));
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(type.getEnumConstants()).map(EnumConverters::name).iterator();
        }
    }

    public static final class Model extends LowerCase<ModelKind> {
        public Model() {
            super(ModelKind.class);
        }
    }

    public static final class Updater extends LowerCase<UpdaterKind> {
        public Updater() {
            super(UpdaterKind.class);
        }
    }

    public static final class EngineName extends LowerCase<Engine> {
        public EngineName() {
            super(Engine.class);
        }
    }
}
