package io.github.dl4jschedules.earlystopping;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.SgdSteps;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.IOException;
import java.util.List;

import static io.github.dl4jschedules.earlystopping.EarlyStoppingFixtures.BATCH;
import static io.github.dl4jschedules.earlystopping.EarlyStoppingFixtures.BATCHES_PER_EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DL4J 1.0.0-M2.1's own {@code EarlyStoppingTrainer} and {@code EarlyStoppingGraphTrainer} restart the
 * epoch counter at 0 on every call and leave it one short, the reason for
 * {@link ScheduledEarlyStoppingTrainer}. This test asserts that broken behaviour: when it fails, DL4J
 * has fixed its trainers, and the README's early-stopping section and the two classes need a second look.
 */
class UpstreamEarlyStoppingTest {

    private static final String FIXED = "DL4J's early stopping now continues the epoch counter: "
            + "revisit ScheduledEarlyStoppingTrainer and the README's early-stopping section";

    @ParameterizedTest
    @EnumSource(EarlyStoppingFixtures.class)
    void dl4jsTrainerRestartsTheEpochAtEveryCall(EarlyStoppingFixtures kind) {
        List<DataSet> data = EarlyStoppingFixtures.data();
        Model network = kind.network(new Sgd(Schedules.parse("step(lr=0.1, factor=0.5, every=1, unit=epoch)")));
        SgdSteps steps = new SgdSteps();
        network.setListeners(steps);

        kind.trainer(false, network, TinyNetworks.iterator(data), EarlyStoppingFixtures.forEpochs(2, data)).fit();
        assertThat(kind.epoch(network)).as(FIXED + " (after 2 epochs it counted 1)").isEqualTo(1);
        kind.trainer(false, network, TinyNetworks.iterator(data), EarlyStoppingFixtures.forEpochs(2, data)).fit();

        assertThat(steps.steps).hasSize(4 * BATCHES_PER_EPOCH);
        SgdSteps.Step third = steps.steps.get(2 * BATCHES_PER_EPOCH);
        assertThat(third.iteration()).as("iterations are counted right").isEqualTo(2 * BATCHES_PER_EPOCH);
        assertThat(third.epoch()).as(FIXED + " (the third epoch trained as epoch 0)").isZero();
        assertThat(third.residual(0.1, BATCH)).as(FIXED + " (the third epoch trained with epoch 0's rate 0.1)")
                .isLessThan(1e-12);
        assertThat(kind.epoch(network)).as(FIXED + " (after 4 epochs it counted 1)").isEqualTo(1);
    }

    /** DL4J's in-memory saver copies a graph with {@code clone()}, which leaves its counters at 0. */
    @Test
    void dl4jsInMemorySaverLosesAGraphsCounters() throws IOException {
        List<DataSet> data = EarlyStoppingFixtures.data();
        Model graph = EarlyStoppingFixtures.GRAPH.network(new Sgd(0.1));
        EarlyStoppingFixtures.GRAPH.fit(graph, TinyNetworks.iterator(data));
        InMemoryModelSaver<ComputationGraph> saver = new InMemoryModelSaver<>();

        saver.saveBestModel((ComputationGraph) graph, 0);

        assertThat(((ComputationGraph) graph).getEpochCount()).isEqualTo(1);
        assertThat(saver.getBestModel().getEpochCount())
                .as("DL4J's InMemoryModelSaver now keeps a graph's epoch count: CountingInMemoryModelSaver "
                        + "may no longer be needed (README, early stopping)").isZero();
        assertThat(saver.getBestModel().getIterationCount()).isZero();
    }
}
