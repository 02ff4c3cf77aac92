package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.CommandRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The benchmark end to end on a few hundred images: every output file and its columns, the summary
 * recomputed here from runs.csv, resuming an interrupted grid, refusing another grid, a peer's runs.
 */
class BenchmarkCommandTest {

    private static final String SPEC = "exponential(lr=0.003, rate=0.5, unit=epoch)";
    private static final double TARGET = 0.5;

    @TempDir
    static Path shared;

    private static Path twoRuns;
    private static CommandRun first;

    /** The two-run grid: one schedule, two seeds, two epochs on 300 training and 200 test images, both at once. */
    @BeforeAll
    static void runTwoRunGrid() {
        twoRuns = shared.resolve("two-runs");
        first = benchmark(twoRuns, "--schedule", SPEC, "--seeds", "3,4", "--jobs", "2");
        assertThat(first.exitCode()).as(first.err()).isZero();
    }

    private static CommandRun benchmark(Path out, String... options) {
        List<Object> args = new ArrayList<>(List.of("benchmark", "--epochs", "2", "--train-limit", "300",
                "--test-limit", "200", "--batch", "50", "--target", TARGET, "--settle-epochs", "2", "--no-progress",
                "--out", out));
        args.addAll(Arrays.asList(options));
        return CommandRun.of(args.toArray());
    }

    @Test
    void writesEveryFileWithTheRightColumns() throws IOException {
        assertThat(lines(twoRuns.resolve("runs.csv"))).hasSize(1 + 2 * 2).first()
                .isEqualTo("framework,run_id,schedule,updater,seed,epoch,train_loss,test_accuracy,rate,seconds");
        assertThat(lines(twoRuns.resolve("rates.csv"))).hasSize(1 + 2 * 2 * 6).first()
                .isEqualTo("run_id,iteration,rate,loss");
        assertThat(lines(twoRuns.resolve("summary.csv"))).hasSize(2).first().isEqualTo("framework,updater,label,schedule,"
                + "runs,final_accuracy_mean,final_accuracy_std,final_loss_mean,final_loss_std,target,reached,"
                + "epochs_to_target_mean,seconds_to_target_mean,updates_to_target_mean,settle_epochs,settle_spread_mean,epoch_seconds_mean");
        assertThat(Files.readString(twoRuns.resolve("summary.md")))
                .contains("| updater | schedule | final test accuracy | final train loss | reached 50.00% |")
                .contains("- adam " + SPEC + ": `exponential(lr=0.003, rate=0.5, unit=epoch, period=1, staircase=false, first=0, min=0.0)`");
        for (String png : List.of("accuracy-adam.png", "loss-adam.png", "rates-adam.png")) {
            byte[] bytes = Files.readAllBytes(twoRuns.resolve(png));
            assertThat(Arrays.copyOf(bytes, 4)).as(png).containsExactly(0x89, 'P', 'N', 'G');
        }
        assertThat(Files.readString(twoRuns.resolve("provenance.json")))
                .contains("\"git_commit\"", "\"nd4j_backend\"", "\"grid\"", "\"seeds\" : [ 3, 4 ]", "\"target\" : 0.5");
        assertThat(twoRuns.resolve("grid.json")).exists();
        try (Stream<Path> files = Files.list(twoRuns.resolve("runs"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .hasSize(4).allMatch(name -> name.matches("[0-9a-f]{12}(\\.rates)?\\.csv"));
        }
    }

    /** Two runs trained at the same time give the numbers of the same runs trained one after the other. */
    @Test
    void concurrentRunsGiveTheSequentialResults(@TempDir Path out) throws IOException {
        CommandRun sequential = benchmark(out, "--schedule", SPEC, "--seeds", "3,4", "--jobs", "1");
        assertThat(sequential.exitCode()).as(sequential.err()).isZero();
        assertThat(withoutSecondsColumn(out.resolve("runs.csv"))).hasSize(1 + 2 * 2)
                .isEqualTo(withoutSecondsColumn(twoRuns.resolve("runs.csv")));
        assertThat(lines(out.resolve("rates.csv"))).isEqualTo(lines(twoRuns.resolve("rates.csv")));
        assertThat(withoutTimes(out.resolve("summary.csv"))).isEqualTo(withoutTimes(twoRuns.resolve("summary.csv")));
        assertThat(Files.readString(twoRuns.resolve("provenance.json"))).contains("\"jobs\" : 2");
    }

    @Test
    void rejectsZeroJobs(@TempDir Path out) {
        CommandRun run = benchmark(out, "--schedule", SPEC, "--jobs", "0");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--jobs");
    }

    private static List<String> withoutSecondsColumn(Path runsCsv) throws IOException {
        return lines(runsCsv).stream().map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }

    @Test
    void rateColumnsHoldTheAppliedSchedule() throws IOException {
        List<Map<String, String>> rows = rows(twoRuns.resolve("runs.csv"));
        assertThat(rows).extracting(r -> r.get("rate")).containsExactly("0.003", "0.0015", "0.003", "0.0015");
        List<Map<String, String>> rates = rows(twoRuns.resolve("rates.csv"));
        assertThat(rates.subList(0, 6)).extracting(r -> r.get("rate")).containsOnly("0.003");
        assertThat(rates.subList(6, 12)).extracting(r -> r.get("rate")).containsOnly("0.0015");
        assertThat(rates.subList(0, 12)).extracting(r -> r.get("iteration"))
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    }

    /** Every number of summary.csv, computed here from runs.csv by the definitions of docs/benchmark/README.md. */
    @Test
    void summaryIsRecomputedFromRunsCsv() throws IOException {
        List<Map<String, String>> rows = rows(twoRuns.resolve("runs.csv"));
        Map<String, List<Map<String, String>>> byRun = new TreeMap<>();
        rows.forEach(r -> byRun.computeIfAbsent(r.get("run_id"), k -> new ArrayList<>()).add(r));
        assertThat(byRun).hasSize(2);
        List<Double> finalAccuracy = new ArrayList<>();
        List<Double> finalLoss = new ArrayList<>();
        List<Double> epochsTo = new ArrayList<>();
        List<Double> secondsTo = new ArrayList<>();
        List<Double> spread = new ArrayList<>();
        double secondsSum = 0;
        for (List<Map<String, String>> run : byRun.values()) {
            Map<String, String> last = run.get(run.size() - 1);
            finalAccuracy.add(number(last, "test_accuracy"));
            finalLoss.add(number(last, "train_loss"));
            double max = Math.max(number(run.get(0), "test_accuracy"), number(run.get(1), "test_accuracy"));
            double min = Math.min(number(run.get(0), "test_accuracy"), number(run.get(1), "test_accuracy"));
            spread.add(max - min);
            for (Map<String, String> epoch : run) {
                secondsSum += number(epoch, "seconds");
            }
            double elapsed = 0;
            for (Map<String, String> epoch : run) {
                elapsed += number(epoch, "seconds");
                if (number(epoch, "test_accuracy") >= TARGET) {
                    epochsTo.add(number(epoch, "epoch"));
                    secondsTo.add(elapsed);
                    break;
                }
            }
        }
        Map<String, String> summary = rows(twoRuns.resolve("summary.csv")).get(0);
        assertThat(summary.get("runs")).isEqualTo("2");
        assertThat(number(summary, "final_accuracy_mean")).isCloseTo(mean(finalAccuracy), within(1e-12));
        assertThat(number(summary, "final_accuracy_std")).isCloseTo(std(finalAccuracy), within(1e-12));
        assertThat(number(summary, "final_loss_mean")).isCloseTo(mean(finalLoss), within(1e-12));
        assertThat(number(summary, "final_loss_std")).isCloseTo(std(finalLoss), within(1e-12));
        assertThat(summary.get("reached")).isEqualTo(Integer.toString(epochsTo.size()));
        if (epochsTo.isEmpty()) {
            assertThat(summary.get("epochs_to_target_mean")).isEmpty();
        } else {
            assertThat(number(summary, "epochs_to_target_mean")).isCloseTo(mean(epochsTo), within(1e-12));
            assertThat(number(summary, "seconds_to_target_mean")).isCloseTo(mean(secondsTo), within(1e-12));
            // 300 training images in batches of 50: 6 updates per epoch
            assertThat(number(summary, "updates_to_target_mean")).isCloseTo(6 * mean(epochsTo), within(1e-12));
        }
        assertThat(number(summary, "settle_spread_mean")).isCloseTo(mean(spread), within(1e-12));
        assertThat(number(summary, "epoch_seconds_mean")).isCloseTo(secondsSum / 4, within(1e-12));
    }

    @Test
    void resumingRepeatsNoFinishedRunAndGivesTheSameSummary(@TempDir Path out) throws IOException {
        String[] grid = {"--schedule", "constant", "--schedule", SPEC, "--seeds", "1,2"};
        assertThat(benchmark(out, grid).exitCode()).isZero();
        List<String> summaryBefore = withoutTimes(out.resolve("summary.csv"));
        Map<Path, FileTime> times = modificationTimes(out.resolve("runs"));
        Map<Path, String> contents = contents(out.resolve("runs"));
        assertThat(times).hasSize(8);
        Path interrupted = times.keySet().stream().filter(p -> !p.toString().endsWith(".rates.csv")).findFirst().orElseThrow();
        Files.delete(interrupted);

        CommandRun resumed = benchmark(out, grid);

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("continuing " + out, "3 runs finished before: kept; 1 to train",
                "trained 1 run in this session");
        Map<Path, FileTime> timesAfter = modificationTimes(out.resolve("runs"));
        Path interruptedRates = Path.of(interrupted.toString().replace(".csv", ".rates.csv"));
        times.forEach((file, time) -> {
            if (!file.equals(interrupted) && !file.equals(interruptedRates)) {
                assertThat(timesAfter.get(file)).as("untouched: %s", file).isEqualTo(time);
            }
        });
        assertThat(timesAfter.get(interrupted)).as("trained again").isNotNull();
        assertThat(contents(out.resolve("runs"))).containsOnlyKeys(contents.keySet())
                .allSatisfy((file, text) -> assertThat(withoutWallSeconds(text))
                        .isEqualTo(withoutWallSeconds(contents.get(file))));
        assertThat(withoutTimes(out.resolve("summary.csv"))).isEqualTo(summaryBefore);

        CommandRun again = benchmark(out, grid);
        assertThat(again.out()).contains("4 runs finished before: kept; 0 to train", "trained 0 runs");
        assertThat(modificationTimes(out.resolve("runs"))).isEqualTo(timesAfter);
    }

    @Test
    void anotherGridInTheSameFolderIsRefused(@TempDir Path out) throws IOException {
        Files.createDirectories(out);
        Files.copy(twoRuns.resolve("grid.json"), out.resolve("grid.json"));
        CommandRun refused = benchmark(out, "--schedule", SPEC, "--seeds", "3,4,5");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("holds another benchmark (grid.json): seeds [3,4] there, [3,4,5] here")
                .contains("choose another --out").doesNotContain("\tat ");
        assertThat(out.resolve("runs")).doesNotExist();
    }

    @Test
    void aPeersRunsAreSummarisedBesideOurs(@TempDir Path out) throws IOException {
        Files.createDirectories(out.resolve("runs"));
        Files.copy(twoRuns.resolve("grid.json"), out.resolve("grid.json"));
        try (Stream<Path> files = Files.list(twoRuns.resolve("runs"))) {
            for (Path file : files.toList()) {
                Files.copy(file, out.resolve("runs").resolve(file.getFileName()));
            }
        }
        Path peer = out.resolve("peer-runs.csv");
        List<String> peerLines = new ArrayList<>(lines(twoRuns.resolve("runs.csv")));
        peerLines.replaceAll(line -> line.startsWith("dl4j,") ? "pytorch," + line.substring(5) : line);
        Files.write(peer, peerLines);

        CommandRun withPeer = benchmark(out, "--schedule", SPEC, "--seeds", "3,4", "--peer", peer.toString());

        assertThat(withPeer.out()).contains("trained 0 runs");
        List<Map<String, String>> summary = rows(out.resolve("summary.csv"));
        assertThat(summary).extracting(r -> r.get("framework")).containsExactly("dl4j", "pytorch");
        assertThat(summary.get(1).get("label")).isEqualTo(SPEC);
        assertThat(summary.get(1).get("final_accuracy_mean")).isEqualTo(summary.get(0).get("final_accuracy_mean"));
        assertThat(Files.readString(out.resolve("summary.md"))).contains("| framework | updater | schedule |");
        assertThat(out.resolve("accuracy-pytorch-adam.png")).exists();
        assertThat(lines(out.resolve("runs.csv"))).noneMatch(line -> line.startsWith("pytorch"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        CommandRun noOut = CommandRun.of("benchmark", "--schedule", "constant");
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("Missing required option: '--out=DIR'");
        CommandRun both = CommandRun.of("benchmark", "--default-grid", "--schedule", "constant", "--out", shared.resolve("x"));
        assertThat(both.err()).contains("give either --default-grid or --schedule, not both");
        CommandRun badSpec = CommandRun.of("benchmark", "--schedule", "cosine(lr=0.1)", "--out", shared.resolve("x"));
        assertThat(badSpec.exitCode()).isEqualTo(2);
        assertThat(badSpec.err()).contains("Invalid value for option '--schedule': cosine:");
        CommandRun target = CommandRun.of("benchmark", "--target", "97", "--out", shared.resolve("x"));
        assertThat(target.err()).contains("--target must be in (0, 1] (a fraction: 0.97 for 97%), got 97.0");
    }

    @Test
    void theCommandsAreListed() {
        assertThat(CommandRun.of("--help").out()).contains("benchmark", "lr-find", "tune");
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }

    /** The rows of a CSV file as header-keyed maps; a quoted field may hold commas. */
    static List<Map<String, String>> rows(Path file) throws IOException {
        List<String> lines = lines(file);
        List<String> header = split(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = split(line);
            assertThat(fields).as(line).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        for (String field : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)) {
            fields.add(field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field);
        }
        return fields;
    }

    private static double number(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    private static double std(List<Double> values) {
        double mean = mean(values);
        return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
    }

    /** summary.csv without the two columns that measure time. */
    private static List<String> withoutTimes(Path summary) throws IOException {
        List<String> kept = new ArrayList<>();
        for (Map<String, String> row : rows(summary)) {
            row.remove("seconds_to_target_mean");
            row.remove("epoch_seconds_mean");
            kept.add(row.toString());
        }
        return kept;
    }

    private static String withoutWallSeconds(String runFile) {
        return Arrays.stream(runFile.split("\n")).filter(line -> !line.startsWith("# wall_seconds"))
                .map(line -> line.matches("\\d+,.*") ? line.substring(0, line.lastIndexOf(',')) : line)
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static Map<Path, FileTime> modificationTimes(Path folder) throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                times.put(file, Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    private static Map<Path, String> contents(Path folder) throws IOException {
        Map<Path, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                contents.put(file, Files.readString(file));
            }
        }
        return contents;
    }
}
