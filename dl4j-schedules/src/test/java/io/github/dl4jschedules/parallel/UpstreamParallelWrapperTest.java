package io.github.dl4jschedules.parallel;

import io.github.dl4jschedules.training.ModelAdapter;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why {@link ScheduledParallelTraining} exists: DL4J 1.0.0-M2.1's {@code ParallelWrapper.fit(iterator)}
 * never advances the epoch, on the main network or on the workers', and each worker counts only its
 * own mini-batches. If this test fails, DL4J changed: check whether the workaround is still needed.
 */
class UpstreamParallelWrapperTest {

    private static final int BATCHES = 6;

    @Test
    void plainParallelWrapperLeavesTheEpochAtZeroAndCountsRounds() {
        StepSchedule halvingPerEpoch = new StepSchedule(ScheduleType.EPOCH, 0.1, 0.5, 1);
        MultiLayerNetwork network = ParallelFixtures.mlp(new Sgd(halvingPerEpoch));
        StepLog log = new StepLog();
        network.setListeners(log);
        ParallelWrapper wrapper = ParallelFixtures.wrapper(network, 2, 1);

        for (int pass = 0; pass < 3; pass++) {
            wrapper.fit(ParallelFixtures.iterator(ParallelFixtures.batches(BATCHES, 5)));
        }

        assertThat(network.getEpochCount()).as("epochs after three passes").isZero();
        ModelAdapter adapter = ModelAdapter.of(network);
        assertThat(adapter.appliedRate(adapter.iteration(), adapter.epoch()))
                .as("StepSchedule(EPOCH, 0.1, 0.5, 1) after three epochs; 0.0125 is right").isEqualTo(0.1);
        assertThat(log.byIteration()).hasSize(3 * BATCHES).allSatisfy(step -> assertThat(step.epoch()).isZero());
        assertThat(network.getIterationCount()).as("the main network counts its own 3 of 6 mini-batches per pass")
                .isEqualTo(3 * BATCHES / 2);
    }
}
