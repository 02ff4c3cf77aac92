package io.github.dl4jschedules.samediff;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.training.ModelAdapter;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * A schedule inside a SameDiff {@link TrainingConfig} trains like one in a DL4J network: every update
 * applies the schedule's rate at SameDiff's counters, {@code fit(iterator, epochs)} counts the epochs,
 * repeated {@code fit} calls continue the counters, and the schedule survives {@code SameDiff.save}
 * and load and the config's JSON. Expected rates come from the schedules' formulas written here.
 */
class SameDiffSchedulesTest {

    private static final int BATCHES = 4;
    private static final int BATCH = 5;
    private static final double RELATIVE = 1e-9;

    /** The expected rate of the update with iteration n in epoch e, written from the formula. */
    @FunctionalInterface
    interface Formula {
        double at(int n, int e);
    }

    static Stream<Arguments> schedules() {
        return Stream.of(
                Arguments.of("step(lr=0.1, factor=0.5, every=1, unit=epoch)", (Formula) (n, e) -> 0.1 * Math.pow(0.5, e)),
                Arguments.of("exponential(lr=0.05, rate=0.9, unit=iteration)", (Formula) (n, e) -> 0.05 * Math.pow(0.9, n)),
                Arguments.of("warmup(steps=3, unit=iteration, then=constant(lr=0.08))",
                        (Formula) (n, e) -> n < 3 ? 0.08 * n / 3.0 : 0.08));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void everyUpdateAppliesTheScheduleAtTheFitsCounters(String spec, Formula formula) {
        SameDiff sd = TinySameDiff.model(new Sgd(Schedules.parse(spec)));
        TinySameDiff.Steps steps = new TinySameDiff.Steps();
        sd.addListeners(steps);

        sd.fit(TinySameDiff.iterator(TinySameDiff.batches(BATCHES, BATCH)), 3);

        assertRates(steps.steps(), 0, 3, formula);
        assertThat(sd.getTrainingConfig().getIterationCount()).isEqualTo(3 * BATCHES);
        assertThat(sd.getTrainingConfig().getEpochCount()).as("fit(iterator, 3) counts 3 epochs").isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void repeatedFitCallsContinueTheCounters(String spec, Formula formula) {
        SameDiff sd = TinySameDiff.model(new Sgd(Schedules.parse(spec)));
        TinySameDiff.Steps steps = new TinySameDiff.Steps();
        sd.addListeners(steps);
        List<DataSet> data = TinySameDiff.batches(BATCHES, BATCH);

        sd.fit(TinySameDiff.iterator(data), 2);
        sd.fit(TinySameDiff.iterator(data), 1);
        sd.fit(TinySameDiff.iterator(data), 1);

        assertRates(steps.steps(), 0, 4, formula);
        ModelAdapter adapter = ModelAdapter.of(sd);
        assertThat(tuple(adapter.iteration(), adapter.epoch())).isEqualTo(tuple(4 * BATCHES, 4));
    }

    @Test
    void saveAndLoadKeepTheScheduleAndTheCounters(@TempDir Path directory) {
        CounterSchedule schedule = Schedules.parse("exponential(lr=0.05, rate=0.9, unit=iteration)");
        List<DataSet> data = TinySameDiff.batches(BATCHES, BATCH);
        SameDiff sd = TinySameDiff.model(new Adam(schedule));
        sd.fit(TinySameDiff.iterator(data), 1);
        File file = directory.resolve("model.sd").toFile();

        sd.save(file, true);
        SameDiff loaded = SameDiff.load(file, true);

        TrainingConfig config = loaded.getTrainingConfig();
        assertThat(((Adam) config.getUpdater()).getLearningRateSchedule()).isEqualTo(schedule);
        assertThat(tuple(config.getIterationCount(), config.getEpochCount())).isEqualTo(tuple(BATCHES, 1));
        assertThat(loaded.getArrForVarName("w")).isEqualTo(sd.getArrForVarName("w"));

        sd.fit(TinySameDiff.iterator(data), 1);
        loaded.fit(TinySameDiff.iterator(data), 1);
        assertThat(loaded.getArrForVarName("w")).as("Adam's state and the rate carried on").isEqualTo(sd.getArrForVarName("w"));
    }

    @Test
    void aLoadedModelTrainsOnWithTheSchedulesRate(@TempDir Path directory) {
        Formula formula = (n, e) -> 0.05 * Math.pow(0.9, n);
        List<DataSet> data = TinySameDiff.batches(BATCHES, BATCH);
        SameDiff sd = TinySameDiff.model(new Sgd(Schedules.parse("exponential(lr=0.05, rate=0.9, unit=iteration)")));
        sd.fit(TinySameDiff.iterator(data), 1);
        File file = directory.resolve("model.sd").toFile();
        sd.save(file, true);

        SameDiff loaded = SameDiff.load(file, true);
        TinySameDiff.Steps steps = new TinySameDiff.Steps();
        loaded.addListeners(steps);
        loaded.fit(TinySameDiff.iterator(data), 2);

        assertRates(steps.steps(), 1, 3, formula);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void theTrainingConfigsJsonKeepsTheSchedule(String spec, Formula unused) {
        CounterSchedule schedule = Schedules.parse(spec);
        TrainingConfig config = TinySameDiff.model(new Sgd(schedule)).getTrainingConfig();

        TrainingConfig read = TrainingConfig.fromJson(config.toJson());

        assertThat(((Sgd) read.getUpdater()).getLearningRateSchedule()).isEqualTo(schedule);
        assertThat(read.getUpdater()).isEqualTo(config.getUpdater());
        assertThat(read.toJson()).isEqualTo(config.toJson());
    }

    /** Steps of epochs {@code from} (inclusive) to {@code to} (exclusive), BATCHES each, in order. */
    private static void assertRates(List<TinySameDiff.Step> steps, int from, int to, Formula formula) {
        List<Tuple> expectedCounters = new ArrayList<>();
        for (int e = from; e < to; e++) {
            for (int b = 0; b < BATCHES; b++) {
                expectedCounters.add(tuple(e * BATCHES + b, e));
            }
        }
        assertThat(steps).extracting(s -> tuple(s.iteration(), s.epoch())).containsExactlyElementsOf(expectedCounters);
        for (TinySameDiff.Step step : steps) {
            double expected = formula.at(step.iteration(), step.epoch());
            assertThat(step.rate()).as("rate of iteration %d, epoch %d", step.iteration(), step.epoch())
                    .isCloseTo(expected, within(RELATIVE * expected));
        }
    }
}
