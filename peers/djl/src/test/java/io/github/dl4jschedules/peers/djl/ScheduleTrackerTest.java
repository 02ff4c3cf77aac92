package io.github.dl4jschedules.peers.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import io.github.dl4jschedules.Schedules;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The catalogue schedule as DJL's rate tracker, and DJL's update counting that the adapter relies on. */
class ScheduleTrackerTest {

    /** step(lr=0.01, factor=0.5, every=1, unit=epoch) with 3 batches per epoch: 0.01 for updates 1-3, 0.005 for 4-6, ... */
    @Test
    void updatesCountFromOneAndEpochsFromTheBatchesPerEpoch() {
        ScheduleTracker tracker = new ScheduleTracker(Schedules.parse("step(lr=0.01, factor=0.5, every=1, unit=epoch)"), 3);
        float[] expected = {0.01f, 0.01f, 0.01f, 0.005f, 0.005f, 0.005f, 0.0025f};
        for (int update = 1; update <= expected.length; update++) {
            assertThat(tracker.getNewValue(update)).as("update %d", update).isEqualTo(expected[update - 1]);
        }
    }

    /** An iteration schedule sees DL4J's iteration = update - 1: linear from 1 to 0 over 4 iterations. */
    @Test
    void iterationSchedulesSeeTheIterationBeforeTheUpdate() {
        ScheduleTracker tracker = new ScheduleTracker(Schedules.parse("linear(from=1, to=0, steps=4)"), 100);
        assertThat(tracker.getNewValue(1)).isEqualTo(1f);
        assertThat(tracker.getNewValue(2)).isEqualTo(0.75f);
        assertThat(tracker.getNewValue(5)).isEqualTo(0f);
    }

    @Test
    void refusesAnEpochWithoutBatches() {
        assertThatThrownBy(() -> new ScheduleTracker(Schedules.parse("constant(lr=0.1)"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("batchesPerEpoch must be >= 1, got 0");
    }

    /**
     * What the adapter assumes of DJL 0.36: Adam asks the tracker for updates 1, 2, ... and uses its value
     * as the rate. Adam's first step moves a weight by {@code lr * g / (|g| + eps)}, about {@code lr}
     * (bias-corrected moments: m = g, v = g^2), so w = 1 - 0.1 after one step with rate 0.1, g = 0.5.
     */
    @Test
    void djlsAdamAsksForUpdatesFromOneAndUsesTheRate() {
        List<Integer> asked = new ArrayList<>();
        ISchedule recording = new RecordingSchedule(asked);
        Optimizer adam = Optimizer.adam().optLearningRateTracker(new ScheduleTracker(recording, 10)).build();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray weight = manager.create(new float[] {1f});
            NDArray gradient = manager.create(new float[] {0.5f});
            adam.update("w", weight, gradient);
            assertThat(weight.getFloat(0)).isCloseTo(0.9f, within(1e-5f));
            adam.update("w", weight, gradient);
        }
        assertThat(asked).containsExactly(0, 1);
    }

    /** Rate 0.1 always; remembers the iterations it was asked for. */
    private record RecordingSchedule(List<Integer> asked) implements ISchedule {
        @Override
        public double valueAt(int iteration, int epoch) {
            asked.add(iteration);
            return 0.1;
        }

        @Override
        public ISchedule clone() {
            return this;
        }
    }
}
