package io.github.dl4jschedules;

import io.github.dl4jschedules.schedules.CounterSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Compares every schedule with values from independent references: PyTorch's schedulers run by
 * {@code tools/golden/generate_golden.py}, and the published closed forms of Keras, fairseq and Optax
 * implemented in that script. The expected numbers are committed data, never computed here.
 */
class GoldenValuesTest {

    private static final String TABLE = "/golden/schedules.tsv";

    /** PyTorch's recursive schedulers and Optax's arithmetic differ from the closed forms by a few ulps. */
    private static final double RELATIVE = 1e-12;
    private static final double ABSOLUTE = 1e-15;

    record Row(int line, String source, String spec, long n, double expected) {
        @Override
        public String toString() {
            return source + " " + spec + " n=" + n;
        }
    }

    static Stream<Row> rows() {
        return readTable().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void scheduleMatchesReference(Row row) {
        CounterSchedule schedule = Schedules.parse(row.spec());
        double actual = atCounter(schedule, row.n());
        assertThat(actual).as("line %d: %s", row.line(), row)
                .isCloseTo(row.expected(), within(RELATIVE * Math.abs(row.expected()) + ABSOLUTE));
    }

    @Test
    void everyScheduleOfTheCatalogueHasGoldenValues() {
        Set<String> covered = readTable().stream()
                .map(row -> Schedules.parse(row.spec()).toString().split("\\(")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).containsAll(Schedules.names());
    }

    /** Feeds n through the counter the schedule follows, with a different value on the other one. */
    private static double atCounter(CounterSchedule schedule, long n) {
        int counter = Math.toIntExact(n);
        return schedule.unit() == ScheduleType.EPOCH ? schedule.valueAt(987, counter) : schedule.valueAt(counter, 7);
    }

    static List<Row> readTable() {
        InputStream stream = GoldenValuesTest.class.getResourceAsStream(TABLE);
        if (stream == null) {
            throw new IllegalStateException(TABLE + " is missing: run tools/golden/generate_golden.py");
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            while (header != null && header.startsWith("#")) {
                header = reader.readLine();
            }
            assertThat(header).isEqualTo("source\tspec\tn\texpected");
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                rows.add(new Row(lineNumber, cells[0], cells[1], Long.parseLong(cells[2]),
                        Double.parseDouble(cells[3])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
