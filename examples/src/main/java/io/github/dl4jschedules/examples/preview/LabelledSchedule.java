package io.github.dl4jschedules.examples.preview;

import io.github.dl4jschedules.examples.run.Presets;
import io.github.dl4jschedules.examples.run.ScheduleConverter;
import io.github.dl4jschedules.schedules.CounterSchedule;
import picocli.CommandLine;

/**
 * A schedule with the text that named it on the command line.
 *
 * @param label    the text as given (a spec or a preset name), whitespace runs collapsed; chart legends show it
 * @param schedule the schedule it names
 */
record LabelledSchedule(String label, CounterSchedule schedule) {

    private static final ScheduleConverter SCHEDULES = new ScheduleConverter();

    /**
     * Reads a spec or preset name with {@link ScheduleConverter}, keeping its text.
     *
     * @throws CommandLine.TypeConversionException for a bad spec, showing where it breaks
     */
    static LabelledSchedule of(String text) {
        return new LabelledSchedule(text.trim().replaceAll("\\s+", " "), SCHEDULES.convert(text));
    }

    /** The canonical spec, after the preset name where the text was one: what the table's legend shows. */
    String description() {
        return Presets.all().containsKey(label) ? label + " = " + schedule : schedule.toString();
    }
}
