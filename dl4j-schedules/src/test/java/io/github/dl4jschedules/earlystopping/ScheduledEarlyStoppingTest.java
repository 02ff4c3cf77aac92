package io.github.dl4jschedules.earlystopping;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.SgdSteps;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import org.deeplearning4j.earlystopping.EarlyStoppingModelSaver;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.ScoreCalculator;
import org.deeplearning4j.earlystopping.trainer.IEarlyStoppingTrainer;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;

import static io.github.dl4jschedules.earlystopping.EarlyStoppingFixtures.BATCH;
import static io.github.dl4jschedules.earlystopping.EarlyStoppingFixtures.BATCHES_PER_EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Early stopping through {@link ScheduledEarlyStoppingTrainer} and {@link ScheduledEarlyStoppingGraphTrainer}
 * trains with the rates of a plain {@code fit}: with {@code Sgd} every update is
 * {@code -rate * gradient / batch}, the rate given by the schedule's formula at the iteration and epoch
 * of 4 epochs of {@code fit}, written out here.
 */
class ScheduledEarlyStoppingTest {

    private static final int STEPS = 4 * BATCHES_PER_EPOCH;

    /** The spec, and its formula written out independently: rate of iteration {@code i}. */
    static Stream<Arguments> schedules() {
        IntToDoubleFunction stepPerEpoch = i -> 0.1 * Math.pow(0.5, i / BATCHES_PER_EPOCH);
        IntToDoubleFunction stepPerTwoIterations = i -> 0.1 * Math.pow(0.5, Math.floorDiv(i, 2));
        List<Arguments> cases = new ArrayList<>();
        for (EarlyStoppingFixtures kind : EarlyStoppingFixtures.values()) {
            cases.add(Arguments.of(kind, "step(lr=0.1, factor=0.5, every=1, unit=epoch)", stepPerEpoch));
            cases.add(Arguments.of(kind, "step(lr=0.1, factor=0.5, every=2, unit=iteration)", stepPerTwoIterations));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("schedules")
    void twoCallsOfTwoEpochsEqualFourEpochsOfFit(EarlyStoppingFixtures kind, String spec, IntToDoubleFunction rate) {
        List<DataSet> data = EarlyStoppingFixtures.data();
        Model network = kind.network(new Sgd(Schedules.parse(spec)));
        SgdSteps steps = new SgdSteps();
        network.setListeners(steps);
        IEarlyStoppingTrainer<?> trainer = kind.trainer(true, network, TinyNetworks.iterator(data),
                EarlyStoppingFixtures.forEpochs(2, data));

        EarlyStoppingResult<?> first = trainer.fit();
        assertThat(kind.epoch(network)).as("epoch count after the first call").isEqualTo(2);
        EarlyStoppingResult<?> second = trainer.fit();

        steps.assertRates(rate, BATCH, BATCHES_PER_EPOCH, STEPS);
        assertThat(kind.iteration(network)).isEqualTo(STEPS);
        assertThat(kind.epoch(network)).isEqualTo(4);
        assertThat(first.getTotalEpochs()).isEqualTo(2);
        assertThat(second.getTotalEpochs()).as("the result counts the call's epochs, as DL4J's").isEqualTo(2);

        Model plain = kind.network(new Sgd(Schedules.parse(spec)));
        for (int epoch = 0; epoch < 4; epoch++) {
            kind.fit(plain, TinyNetworks.iterator(data));
        }
        assertThat(network.params().data().asDouble()).containsExactly(plain.params().data().asDouble());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("schedules")
    void continuesFromARestoredNetworksCounters(EarlyStoppingFixtures kind, String spec, IntToDoubleFunction rate,
                                                @TempDir Path directory) {
        List<DataSet> data = EarlyStoppingFixtures.data();
        Model network = kind.network(new Sgd(Schedules.parse(spec)));
        SgdSteps steps = new SgdSteps();
        network.setListeners(steps);
        kind.trainer(true, network, TinyNetworks.iterator(data), EarlyStoppingFixtures.forEpochs(2, data)).fit();

        Model restored = kind.saveAndRestore(network, directory);
        restored.setListeners(steps);
        IEarlyStoppingTrainer<?> second = kind.trainer(true, restored, TinyNetworks.iterator(data),
                EarlyStoppingFixtures.forEpochs(2, data));
        second.fit();

        steps.assertRates(rate, BATCH, BATCHES_PER_EPOCH, STEPS);
        assertThat(kind.iteration(restored)).isEqualTo(STEPS);
        assertThat(kind.epoch(restored)).isEqualTo(4);
        assertThat(second instanceof ScheduledEarlyStoppingTrainer t ? t.firstEpoch()
                : ((ScheduledEarlyStoppingGraphTrainer) second).firstEpoch()).isEqualTo(2);
    }

    /**
     * DL4J's {@code InMemoryModelSaver} loses a graph's counters ({@code UpstreamEarlyStoppingTest}),
     * so graphs are tested with {@link CountingInMemoryModelSaver} and DL4J's file saver.
     */
    static Stream<Arguments> savers() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(EarlyStoppingFixtures.MULTI_LAYER, "DL4J in memory"));
        for (EarlyStoppingFixtures kind : EarlyStoppingFixtures.values()) {
            cases.add(Arguments.of(kind, "counting in memory"));
            cases.add(Arguments.of(kind, "local file"));
        }
        return cases.stream();
    }

    /**
     * After one epoch, early stopping for 3 more whose scores are 2, 1, 3: the best model is the one of
     * the network's epoch 2 (local epoch 1). It holds the counters, parameters and Adam state of 3 epochs
     * of plain {@code fit}, bit for bit, and one more plain epoch on it equals the 4th epoch of
     * {@code fit}.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("savers")
    void theBestModelKeepsItsCountersAndUpdaterState(EarlyStoppingFixtures kind, String saverKind,
                                                     @TempDir Path directory) {
        List<DataSet> data = EarlyStoppingFixtures.data();
        String spec = "step(lr=0.05, factor=0.5, every=1, unit=epoch)";
        Model reference = kind.network(new Adam(Schedules.parse(spec)));
        List<double[]> referenceParams = new ArrayList<>();
        List<double[]> referenceState = new ArrayList<>();
        for (int epoch = 0; epoch < 4; epoch++) {
            kind.fit(reference, TinyNetworks.iterator(data));
            referenceParams.add(reference.params().data().asDouble());
            referenceState.add(kind.updaterState(reference));
        }

        Model network = kind.network(new Adam(Schedules.parse(spec)));
        kind.trainer(true, network, TinyNetworks.iterator(data), EarlyStoppingFixtures.forEpochs(1, data)).fit();
        ScriptedScores scores = new ScriptedScores(kind, 2.0, 1.0, 3.0);
        EarlyStoppingModelSaver<?> saver = switch (saverKind) {
            case "DL4J in memory" -> new InMemoryModelSaver<>();
            case "counting in memory" -> new CountingInMemoryModelSaver<>();
            default -> kind.fileSaver(directory);
        };
        EarlyStoppingResult<?> result = kind.trainer(true, network, TinyNetworks.iterator(data),
                EarlyStoppingFixtures.forEpochs(3, scores, saver)).fit();

        assertThat(scores.epochs).as("the network's epoch count when each epoch is scored").containsExactly(2, 3, 4);
        assertThat(result.getBestModelEpoch()).as("local to the call, as in DL4J").isEqualTo(1);
        Model best = result.getBestModel();
        assertThat(kind.epoch(best)).isEqualTo(3);
        assertThat(kind.iteration(best)).isEqualTo(3 * BATCHES_PER_EPOCH);
        assertThat(best.params().data().asDouble()).containsExactly(referenceParams.get(2));
        assertThat(kind.updaterState(best)).containsExactly(referenceState.get(2));

        kind.fit(best, TinyNetworks.iterator(data));
        assertThat(best.params().data().asDouble()).containsExactly(referenceParams.get(3));
        assertThat(kind.epoch(best)).isEqualTo(4);
    }

    /** Gives the scores in order and notes the network's epoch count at each. */
    private static final class ScriptedScores implements ScoreCalculator<Model> {
        private static final long serialVersionUID = 1L;
        private final EarlyStoppingFixtures kind;
        private final double[] script;
        final List<Integer> epochs = new ArrayList<>();

        ScriptedScores(EarlyStoppingFixtures kind, double... script) {
            this.kind = kind;
            this.script = script;
        }

        @Override
        public double calculateScore(Model network) {
            epochs.add(kind.epoch(network));
            return script[epochs.size() - 1];
        }

        @Override
        public boolean minimizeScore() {
            return true;
        }
    }
}
