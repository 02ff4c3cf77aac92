package io.github.dl4jschedules.examples.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.schedules.CounterSchedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --csv} writes the whole series: a header, then steps 0 to N-1 with the library's exact values. */
class PreviewCsvTest {

    @TempDir
    Path dir;

    @Test
    void oneColumnPerScheduleAndOneRowPerStep() throws IOException {
        String cosine = "cosine(lr=0.1, steps=40)";
        String epochs = "step(lr=0.1, factor=0.5, every=2, unit=epoch)";
        Path csv = dir.resolve("rates.csv");

        PreviewRun run = PreviewRun.of(cosine, epochs, "--iterations-per-epoch", "8", "--steps", "50", "--csv", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("csv written to " + csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("iteration,\"cosine(lr=0.1, steps=40, min=0.0, unit=iteration)\","
                + "\"step(lr=0.1, factor=0.5, every=2, unit=epoch, first=0)\"");
        assertThat(lines).hasSize(51);
        CounterSchedule first = Schedules.parse(cosine);
        CounterSchedule second = Schedules.parse(epochs);
        for (int step = 0; step < 50; step++) {
            String[] cells = lines.get(step + 1).split(",");
            assertThat(cells).hasSize(3);
            assertThat(Integer.parseInt(cells[0])).isEqualTo(step);
            assertThat(Double.parseDouble(cells[1])).isEqualTo(first.valueAt(step, step / 8));
            assertThat(Double.parseDouble(cells[2])).isEqualTo(second.valueAt(step, step / 8));
        }
        assertThat(lines.get(17)).isEqualTo("16," + first.valueAt(16) + ",0.05");
    }

    @Test
    void epochSchedulesAloneAreWrittenByEpoch() throws IOException {
        Path csv = dir.resolve("lecture.csv");

        PreviewRun run = PreviewRun.of("inverse-time(lr=0.2, decay=1, unit=epoch, first=1)", "--steps", "4", "--csv", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // The lecture's worked example: 0.2/2, 0.2/3, 0.2/4, 0.2/5 for epochs 1 to 4.
        assertThat(Files.readAllLines(csv)).containsExactly(
                "epoch,\"inverse-time(lr=0.2, decay=1.0, unit=epoch, period=1, staircase=false, first=1)\"",
                "0,0.1", "1,0.06666666666666667", "2,0.05", "3,0.04");
    }

    @Test
    void anUnwritableCsvIsAnErrorNamingTheFile() {
        PreviewRun run = PreviewRun.of("constant(lr=0.1)", "--csv", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--csv: cannot write " + dir);
    }
}
