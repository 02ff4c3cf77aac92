package io.github.dl4jschedules.examples.tune;

import io.github.dl4jschedules.examples.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tuner end to end on 300 images: reproducible with a seed, and no cut trial comes back. */
class TuneCommandTest {

    private static CommandRun tune(Path out) {
        return CommandRun.of("tune", "--schedule", "inverse-time(lr=1e-4..1e-1, decay=0.01..10, unit=epoch)",
                "--trials", "6", "--min-epochs", "1", "--eta", "2", "--seed", "11", "--train-limit", "300",
                "--test-limit", "200", "--batch", "50", "--out", out);
    }

    @Test
    void sameSeedSameTrialsAndRankingAndNoCutTrialIsKept(@TempDir Path out) throws IOException {
        CommandRun first = tune(out.resolve("a"));
        CommandRun second = tune(out.resolve("b"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        List<String> table = Files.readAllLines(out.resolve("a/trials.csv"));
        assertThat(Files.readAllLines(out.resolve("b/trials.csv"))).isEqualTo(table);
        assertThat(Files.readString(out.resolve("b/trials.md"))).isEqualTo(Files.readString(out.resolve("a/trials.md")));

        assertThat(table.get(0)).isEqualTo("rank,trial,spec,rung_reached,epochs_reached,accuracy_rung_0,"
                + "accuracy_rung_1,accuracy_rung_2");
        List<String[]> rows = new ArrayList<>();
        for (String line : table.subList(1, table.size())) {
            rows.add(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
        }
        assertThat(rows).hasSize(6);
        int[] sizes = {6, 3, 1};
        for (int rung = 1; rung < sizes.length; rung++) {
            int column = 5 + rung;
            int previous = column - 1;
            List<String[]> before = rows.stream().filter(r -> !r[previous].isEmpty())
                    .sorted(Comparator.<String[]>comparingDouble(r -> -Double.parseDouble(r[previous]))
                            .thenComparingInt(r -> Integer.parseInt(r[1])))
                    .toList();
            List<String> kept = before.subList(0, sizes[rung]).stream().map(r -> r[1]).toList();
            List<String> trained = rows.stream().filter(r -> !r[column].isEmpty()).map(r -> r[1]).toList();
            assertThat(trained).as("rung %d: exactly the best of rung %d", rung, rung - 1)
                    .containsExactlyInAnyOrderElementsOf(kept);
        }
        assertThat(rows.get(0)[3]).as("the best reached the last rung").isEqualTo("2");
        assertThat(rows.get(0)[4]).isEqualTo("4");
        assertThat(first.out()).contains("best: " + rows.get(0)[2].replace("\"", ""));
        assertThat(out.resolve("a/provenance.json")).content().contains("\"search_space\"", "\"git_commit\"");
    }

    @Test
    void badRangeIsAUsageErrorWithItsPosition(@TempDir Path out) {
        CommandRun run = CommandRun.of("tune", "--schedule", "inverse-time(lr=1e-3..1, decay=5..0.1)", "--out", out);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--schedule': decay: a range needs low < high, got 5..0.1 at 31")
                .contains("  inverse-time(lr=1e-3..1, decay=5..0.1)" + System.lineSeparator() + "  " + " ".repeat(31) + "^");
    }
}
