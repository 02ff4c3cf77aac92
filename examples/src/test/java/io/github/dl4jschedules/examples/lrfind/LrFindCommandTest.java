package io.github.dl4jschedules.examples.lrfind;

import io.github.dl4jschedules.examples.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The range test on a small MLP: the curve falls, then rises, and the suggestion lies on the falling part. */
class LrFindCommandTest {

    @Test
    void curveFallsThenRisesAndTheSuggestionIsInside(@TempDir Path out) throws IOException {
        CommandRun run = CommandRun.of("lr-find", "--model", "mlp", "--train-limit", "1000", "--start", "1e-5",
                "--end", "10", "--iterations", "120", "--out", out);
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<double[]> points = new ArrayList<>();
        List<String> lines = Files.readAllLines(out.resolve("lr-find.csv"));
        assertThat(lines.get(0)).isEqualTo("iteration,rate,loss,smoothed");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            points.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3])});
        }
        assertThat(points.get(0)[1]).isEqualTo(1e-5);
        assertThat(points.get(60)[1]).as("halfway: 1e-5 * (1e6)^(1/2)").isCloseTo(1e-2, within(1e-12));
        int lowest = 0;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i)[3] < points.get(lowest)[3]) {
                lowest = i;
            }
        }
        double first = points.get(0)[3];
        double min = points.get(lowest)[3];
        double last = points.get(points.size() - 1)[3];
        assertThat(min).as("falls").isLessThan(0.6 * first);
        assertThat(Double.isNaN(last) || last > 1.5 * min).as("then rises: last %s, min %s", last, min).isTrue();

        Matcher suggested = Pattern.compile("suggested alpha0: ([0-9.eE+-]+)").matcher(run.out());
        assertThat(suggested.find()).as(run.out()).isTrue();
        double rate = Double.parseDouble(suggested.group(1));
        assertThat(rate).as("on the falling part of the curve")
                .isGreaterThan(points.get(0)[1]).isLessThan(points.get(lowest)[1]);
        byte[] png = Files.readAllBytes(out.resolve("lr-find.png"));
        assertThat(png[1]).isEqualTo((byte) 'P');
    }

    @Test
    void badRangeIsAUsageError(@TempDir Path out) {
        CommandRun run = CommandRun.of("lr-find", "--start", "1", "--end", "0.1", "--out", out);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--end must be finite and > --start=1.0, got 0.1");
    }
}
