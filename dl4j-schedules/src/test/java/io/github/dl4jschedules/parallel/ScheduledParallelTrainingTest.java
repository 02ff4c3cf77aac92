package io.github.dl4jschedules.parallel;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@link ScheduledParallelTraining}, the g-th mini-batch of a ParallelWrapper training is trained
 * with the rate the single-worker run ({@code network.fit(iterator)}) gives it: with {@code Sgd}, the
 * worker's parameters change by exactly {@code -lr(g, e) * gradient / batch}, where {@code lr(g, e)} is
 * the rate the single-worker run applied at its iteration {@code g}, epoch {@code e}.
 */
class ScheduledParallelTrainingTest {

    /** Six mini-batches: 4 workers train them in a full round and a short one. */
    private static final int BATCHES = 6;
    private static final int BATCH = 5;
    private static final int EPOCHS = 3;
    private static final List<DataSet> DATA = ParallelFixtures.batches(BATCHES, BATCH);

    static Stream<Arguments> schedulesAndWorkers() {
        return Stream.of(
                "exponential(lr=0.5, rate=0.8, unit=iteration)",
                "cosine(lr=0.3, steps=15, min=0.01)",
                "inverse-time(lr=0.2, decay=1, unit=epoch, first=1)",
                "step(lr=0.4, factor=0.5, every=1, unit=epoch)",
                "warmup(steps=4, start=0.01, then=cosine(lr=0.3, steps=10))",
                "sequence(constant(lr=0.3), exponential(lr=0.3, rate=0.5), at=[1], unit=epoch)",
                "scaled(factor=2.0, of=one-cycle(max=0.2, total=18))")
                .flatMap(spec -> IntStream.of(1, 2, 4).mapToObj(workers -> Arguments.of(spec, workers)));
    }

    @ParameterizedTest(name = "{1} workers, {0}")
    @MethodSource("schedulesAndWorkers")
    void everyGlobalStepAppliesTheSingleWorkerRunsRate(String spec, int workers) {
        CounterSchedule schedule = Schedules.parse(spec);
        List<StepLog.Step> single = singleWorkerRun(schedule);

        MultiLayerNetwork network = ParallelFixtures.mlp(new Sgd(schedule));
        StepLog log = new StepLog();
        network.setListeners(log);
        ScheduledParallelTraining training = ScheduledParallelTraining.of(ParallelFixtures.wrapper(network, workers, 1));
        training.fit(ParallelFixtures.iterator(DATA), EPOCHS);

        List<StepLog.Step> parallel = log.byIteration();
        assertThat(parallel).extracting(StepLog.Step::iteration)
                .as("each global step once").containsExactlyElementsOf(range(EPOCHS * BATCHES));
        assertThat(parallel.stream().map(StepLog.Step::model).distinct())
                .as("the main network, and fresh worker copies at every pass").hasSize(1 + EPOCHS * (workers - 1));
        for (int g = 0; g < parallel.size(); g++) {
            StepLog.Step step = parallel.get(g);
            StepLog.Step reference = single.get(g);
            double rate = appliedRate(schedule, reference);
            assertThat(step.epoch()).as("epoch of step %d", g).isEqualTo(reference.epoch()).isEqualTo(g / BATCHES);
            assertThat(maxAbsDifference(step.after(), step.before().sub(step.gradient().mul(rate / BATCH))))
                    .as("step %d applies the single-worker run's rate %s", g, rate).isLessThan(1e-12);
        }
        assertThat(training.iteration()).isEqualTo(network.getIterationCount()).isEqualTo(EPOCHS * BATCHES);
        assertThat(training.epoch()).isEqualTo(network.getEpochCount()).isEqualTo(EPOCHS);
    }

    @Test
    void oneWorkerTrainsExactlyLikeThePlainFit() {
        CounterSchedule schedule = Schedules.parse("step(lr=0.4, factor=0.5, every=4)");
        MultiLayerNetwork plain = ParallelFixtures.mlp(new Sgd(schedule));
        plain.fit(ParallelFixtures.iterator(DATA), EPOCHS);

        MultiLayerNetwork network = ParallelFixtures.mlp(new Sgd(schedule));
        ScheduledParallelTraining.of(ParallelFixtures.wrapper(network, 1, 1)).fit(ParallelFixtures.iterator(DATA), EPOCHS);

        assertThat(network.params().data().asDouble()).containsExactly(plain.params().data().asDouble());
        assertThat(network.getIterationCount()).isEqualTo(plain.getIterationCount());
        assertThat(network.getEpochCount()).isEqualTo(plain.getEpochCount());
    }

    @Test
    void everyWorkerCountsTheGlobalEpochDuringEachPassAndTheMainNetworkAfterIt() {
        MultiLayerNetwork network = ParallelFixtures.mlp(new Sgd(Schedules.parse("step(lr=0.1, every=1, unit=epoch)")));
        StepLog log = new StepLog();
        network.setListeners(log);
        ScheduledParallelTraining training = ScheduledParallelTraining.of(ParallelFixtures.wrapper(network, 2, 3));

        for (int pass = 0; pass < EPOCHS; pass++) {
            training.fit(ParallelFixtures.iterator(DATA));
            assertThat(network.getEpochCount()).isEqualTo(pass + 1);
            assertThat(network.getIterationCount()).isEqualTo((pass + 1) * BATCHES);
            assertThat(network.getLayer(1).getEpochCount()).as("the layers' copy").isEqualTo(pass + 1);
        }
        List<StepLog.Step> steps = log.byIteration();
        for (int pass = 0; pass < EPOCHS; pass++) {
            List<StepLog.Step> inPass = steps.subList(pass * BATCHES, (pass + 1) * BATCHES);
            assertThat(inPass).extracting(StepLog.Step::epoch).containsOnly(pass);
            assertThat(inPass.stream().map(StepLog.Step::model).distinct()).as("both workers in pass %d", pass).hasSize(2);
        }
    }

    @Test
    void aComputationGraphFollowsTheGlobalCountersToo() {
        CounterSchedule schedule = Schedules.parse("warmup(steps=1, start=0.05, then=exponential(lr=0.2, rate=0.5), unit=epoch)");
        ComputationGraph graph = ParallelFixtures.graph(new Sgd(schedule));
        StepLog log = new StepLog();
        graph.setListeners(log);

        ScheduledParallelTraining.of(ParallelFixtures.wrapper(graph, 2, 1)).fit(ParallelFixtures.iterator(DATA), EPOCHS);

        List<StepLog.Step> steps = log.byIteration();
        assertThat(steps).extracting(StepLog.Step::iteration).containsExactlyElementsOf(range(EPOCHS * BATCHES));
        for (StepLog.Step step : steps) {
            double rate = schedule.valueAt(step.iteration(), step.iteration() / BATCHES);
            assertThat(step.epoch()).isEqualTo(step.iteration() / BATCHES);
            assertThat(maxAbsDifference(step.after(), step.before().sub(step.gradient().mul(rate / BATCH)))).isLessThan(1e-12);
        }
        assertThat(graph.getEpochCount()).isEqualTo(EPOCHS);
        assertThat(graph.getIterationCount()).isEqualTo(EPOCHS * BATCHES);
    }

    @Test
    void aRestoredNetworkContinuesFromItsCounters() {
        MultiLayerNetwork network = ParallelFixtures.mlp(new Sgd(0.1));
        network.setIterationCount(60);
        network.setEpochCount(10);
        StepLog log = new StepLog();
        network.setListeners(log);

        ScheduledParallelTraining.of(ParallelFixtures.wrapper(network, 2, 1)).fit(ParallelFixtures.iterator(DATA));

        assertThat(log.byIteration()).extracting(StepLog.Step::iteration).containsExactlyElementsOf(
                IntStream.range(60, 66).boxed().toList());
        assertThat(log.byIteration()).extracting(StepLog.Step::epoch).containsOnly(10);
        assertThat(network.getIterationCount()).isEqualTo(66);
        assertThat(network.getEpochCount()).isEqualTo(11);
    }

    @Test
    void aWrapperTakesOneScheduledTraining() {
        ParallelWrapper wrapper = ParallelFixtures.wrapper(ParallelFixtures.mlp(new Sgd(0.1)), 2, 1);
        ScheduledParallelTraining.of(wrapper).fit(ParallelFixtures.iterator(DATA));

        assertThatThrownBy(() -> ScheduledParallelTraining.of(wrapper))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already has");
    }

    @Test
    void zeroEpochsIsAnError() {
        ScheduledParallelTraining training = ScheduledParallelTraining.of(
                ParallelFixtures.wrapper(ParallelFixtures.mlp(new Sgd(0.1)), 2, 1));

        assertThatThrownBy(() -> training.fit(ParallelFixtures.iterator(DATA), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("epochs must be >= 1, got epochs=0");
    }

    /** The reference: DL4J's own counters on one network, no ParallelWrapper. */
    private static List<StepLog.Step> singleWorkerRun(CounterSchedule schedule) {
        MultiLayerNetwork network = ParallelFixtures.mlp(new Sgd(schedule));
        StepLog log = new StepLog();
        network.setListeners(log);
        network.fit(ParallelFixtures.iterator(DATA), EPOCHS);
        List<StepLog.Step> steps = log.byIteration();
        assertThat(steps).extracting(StepLog.Step::iteration).containsExactlyElementsOf(range(EPOCHS * BATCHES));
        return steps;
    }

    /** The rate a single-worker step applied, checked against its parameter change. */
    private static double appliedRate(CounterSchedule schedule, StepLog.Step step) {
        double rate = schedule.valueAt(step.iteration(), step.epoch());
        assertThat(maxAbsDifference(step.after(), step.before().sub(step.gradient().mul(rate / BATCH)))).isLessThan(1e-12);
        return rate;
    }

    private static List<Integer> range(int end) {
        return IntStream.range(0, end).boxed().toList();
    }

    private static double maxAbsDifference(INDArray a, INDArray b) {
        return Transforms.abs(a.sub(b)).maxNumber().doubleValue();
    }
}
