package io.github.dl4jschedules.examples.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.run.Presets;
import io.github.dl4jschedules.schedules.CounterSchedule;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The table prints exactly the library's values: every cell, read back as a double, equals
 * {@code Schedules.parse(spec).valueAt(iteration, epoch)} for the counters its step stands for.
 */
class PreviewTableTest {

    private static final String STEPS = "0,1,2,3,4,5,9,10,11,29,30,31,99,100,1000,12345,1000000,2147483647";

    /** Each cell of column {@code [column + 1]} against the library, with {@code iterationsPerEpoch} = K. */
    private static void assertLibraryValues(PreviewRun run, List<String> specs, int iterationsPerEpoch) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String[]> rows = run.rows();
        assertThat(rows).isNotEmpty();
        for (String[] row : rows) {
            assertThat(row).hasSize(specs.size() + 1);
            int step = Integer.parseInt(row[0]);
            for (int column = 0; column < specs.size(); column++) {
                CounterSchedule schedule = Schedules.parse(Presets.resolve(specs.get(column)));
                assertThat(Double.parseDouble(row[column + 1]))
                        .as("%s at step %d", specs.get(column), step)
                        .isEqualTo(schedule.valueAt(step, step / iterationsPerEpoch));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "constant(lr=0.1)",
        "inverse-time(lr=0.2, decay=1, unit=epoch, first=1)",
        "exponential(lr=0.1, rate=0.5, period=20, staircase=true)",
        "inverse-sqrt(lr=0.1, first=0, warmup=10)",
        "step(lr=0.1, factor=0.5, every=4, unit=epoch)",
        "multistep(lr=0.1, factor=0.1, at=[30, 60, 80], unit=epoch)",
        "piecewise(values=[0.1, 0.05, 0.01, 0.002], at=[20, 50, 80])",
        "polynomial(lr=0.1, end=0.001, steps=30, power=2, cycle=true)",
        "cosine(lr=0.1, steps=80, min=0.001)",
        "cosine-restarts(lr=0.1, period=10, mult=2, decay=0.7, min=0.001)",
        "linear(from=0.1, to=0.001, steps=80)",
        "cyclic(min=0.001, max=0.1, half=10, mode=exp-range, gamma=0.98)",
        "one-cycle(max=0.1, total=100, three-phase=true)",
        "warmup(steps=5, start=0.1, then=multistep(lr=0.4, factor=0.1, at=[25, 55, 75], unit=epoch), unit=epoch)",
        "sequence(linear(from=0.01, to=0.1, steps=10), constant(lr=0.1), cosine(lr=0.1, steps=50), at=[10, 50])",
        "scaled(factor=0.5, of=cosine(lr=0.1, steps=100))"})
    void everyScheduleOfTheCatalogueIsPrintedExactly(String spec) {
        assertLibraryValues(PreviewRun.of(spec, "--at", STEPS), List.of(spec), 1);
    }

    @Test
    void epochSchedulesAreTabulatedByEpochAndPresetsNamed() {
        List<String> specs = List.of("exponential", "staircase", "step(lr=0.1, factor=0.5, every=2, unit=epoch)");
        PreviewRun run = PreviewRun.of(specs.get(0), specs.get(1), specs.get(2), "--at", STEPS);

        assertThat(run.lines().get(0)).isEqualTo("x axis: epoch (every schedule counts epochs)");
        assertThat(run.out()).contains("[1] exponential = " + Schedules.parse(Presets.resolve("exponential")))
                .contains("[3] step(lr=0.1, factor=0.5, every=2, unit=epoch, first=0)");
        assertThat(run.header()).containsExactly("epoch", "[1]", "[2]", "[3]");
        assertThat(run.rows()).hasSize(STEPS.split(",").length);
        assertLibraryValues(run, specs, 1);
    }

    @Test
    void mixedUnitsCountIterationsAndGiveEpochSchedulesIterationOverK() {
        List<String> specs = List.of("cosine(lr=0.1, steps=100)", "multistep(lr=0.1, at=[2, 4], unit=epoch)", "inverse-time");
        PreviewRun run = PreviewRun.of(specs.get(0), specs.get(1), specs.get(2),
                "--iterations-per-epoch", "10", "--at", "0,9,10,19,20,39,40,41,99,100,5000");

        assertThat(run.lines().get(0))
                .isEqualTo("x axis: iteration; epoch schedules see epoch = iteration / 10 (10 iterations per epoch, --iterations-per-epoch)");
        assertThat(run.header()).containsExactly("iteration", "[1]", "[2]", "[3]");
        assertLibraryValues(run, specs, 10);
        // Independent of the formula above: the epoch columns change exactly at iteration 20 = epoch 2.
        assertThat(run.rows().get(3)).containsExactly("19", ValueTable.exact(Schedules.parse(specs.get(0)).valueAt(19)),
                "0.1", "0.0006666666666666666");
        assertThat(Double.parseDouble(run.rows().get(4)[2])).isCloseTo(0.01, within(1e-15));
        assertThat(Double.parseDouble(run.rows().get(4)[3])).isCloseTo(0.0005, within(1e-15));
    }

    @Test
    void mixedUnitsWithoutIterationsPerEpochSayWhatTheyAssume() {
        PreviewRun run = PreviewRun.of("cosine(lr=0.1, steps=100)", "exponential", "--at", "0,1,2");

        assertThat(run.lines().get(0)).contains("x axis: iteration", "epoch = iteration / 1", "set --iterations-per-epoch");
        assertLibraryValues(run, List.of("cosine(lr=0.1, steps=100)", "exponential"), 1);
    }

    @Test
    void iterationsPerEpochMakesAnEpochScheduleCountIterations() {
        PreviewRun run = PreviewRun.of("staircase", "--iterations-per-epoch", "125", "--at", "0,124,125,249,250,500");

        assertThat(run.header()).first().isEqualTo("iteration");
        assertLibraryValues(run, List.of("staircase"), 125);
    }

    @Test
    void defaultStepsAreTheFirstTenThenRoundStepsThenTheLast() {
        PreviewRun run = PreviewRun.of("cosine(lr=0.1, steps=1000)", "--steps", "250");

        assertThat(run.rows()).extracting(row -> row[0])
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "20", "50", "100", "200", "249");
        assertThat(PreviewRun.of("constant(lr=1)", "--steps", "3").rows()).extracting(row -> row[0])
                .containsExactly("0", "1", "2");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.30000000000000004, 1.0 / 3, 2e-4, 4e-7, 3.999999999999976e-7, 0.0040000000000000036,
        1e-300, Double.MIN_VALUE, 123456789.125, 1e22})
    void valuesArePlainDecimalsThatReadBackExactly(double value) {
        String text = ValueTable.exact(value);

        assertThat(text).doesNotContain("E").doesNotContain("e");
        assertThat(Double.parseDouble(text)).isEqualTo(value);
    }
}
