package io.github.dl4jschedules.examples.run;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.spec.SpecException;
import picocli.CommandLine;

/** Reads {@code --schedule}: a preset name or any spec of the catalogue; bad specs show where they break. */
public final class ScheduleConverter implements CommandLine.ITypeConverter<CounterSchedule> {

    @Override
    public CounterSchedule convert(String value) {
        try {
            return Schedules.parse(Presets.resolve(value));
        } catch (SpecException e) {
            throw new CommandLine.TypeConversionException(e.getMessage() + System.lineSeparator()
                    + indent(e.pointer()) + System.lineSeparator()
                    + "  presets: " + String.join(", ", Presets.all().keySet())
                    + "; schedules: " + String.join(", ", Schedules.names()));
        }
    }

    private static String indent(String text) {
        return "  " + text.replace(System.lineSeparator(), System.lineSeparator() + "  ");
    }
}
