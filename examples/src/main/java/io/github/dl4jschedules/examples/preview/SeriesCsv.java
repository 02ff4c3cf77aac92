package io.github.dl4jschedules.examples.preview;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a {@link RateSeries} as CSV: a header with the step's name ({@code iteration} or
 * {@code epoch}) and each schedule's canonical spec (quoted, it holds commas), then one row per step.
 * Values use {@link Double#toString}, which reads back exactly.
 *
 * <pre>
 * epoch,"step(lr=0.1, factor=0.5, every=2, unit=epoch, first=0)"
 * 0,0.1
 * 1,0.1
 * 2,0.05
 * </pre>
 */
final class SeriesCsv {

    private SeriesCsv() {
    }

    static void write(RateSeries series, Path file) {
        OutputFile.write("--csv", file, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            StringBuilder line = new StringBuilder(series.axis().stepName());
            for (LabelledSchedule schedule : series.schedules()) {
                line.append(',').append(quote(schedule.schedule().toString()));
            }
            out.write(line.append('\n').toString());
            for (int row = 0; row < series.rows(); row++) {
                line.setLength(0);
                line.append(series.step(row));
                for (int column = 0; column < series.schedules().size(); column++) {
                    line.append(',').append(series.value(column, row));
                }
                out.write(line.append('\n').toString());
            }
            out.flush();
        });
    }

    private static String quote(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
