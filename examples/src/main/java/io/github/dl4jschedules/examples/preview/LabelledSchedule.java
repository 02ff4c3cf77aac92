package io.github.dl4jschedules.examples.preview;

import io.github.dl4jschedules.examples.train.Presets;
import io.github.dl4jschedules.examples.train.ScheduleConverter;
import io.github.dl4jschedules.schedules.CounterSchedule;
import picocli.CommandLine;

/**
 * A schedule with the text that named it on the command line.
 *
 * @param label    the text as given (a spec or a preset name), whitespace runs collapsed; chart legends show it
 * @param schedule the schedule it names
 */
record LabelledSchedule(String label, CounterSchedule schedule) {

    /** The canonical spec, after the preset name where the text was one: what the table's legend shows. */
    String description() {
        return Presets.all().containsKey(label) ? label + " = " + schedule : schedule.toString();
    }

    /** Reads a positional argument with {@link ScheduleConverter} (presets, caret under a bad spec), keeping its text. */
    static final class Converter implements CommandLine.ITypeConverter<LabelledSchedule> {

        private final ScheduleConverter schedules = new ScheduleConverter();

        @Override
        public LabelledSchedule convert(String value) {
            return new LabelledSchedule(value.trim().replaceAll("\\s+", " "), schedules.convert(value));
        }
    }
}
