package io.github.dl4jschedules.dl4j;

import io.github.dl4jschedules.training.ModelAdapter;
import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resuming is exact: two epochs straight, or one epoch, save, restore, one more, give the same
 * parameters bit for bit and the same rate at every iteration.
 */
class ExactResumeTest {

    /** The rate the first layer's updater uses at each iteration, as the network's counters say. */
    private static final class RateRecorder extends BaseTrainingListener {
        final List<Double> rates = new ArrayList<>();

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            rates.add(ModelAdapter.of(model).appliedRate(iteration, epoch));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "inverse-time(lr=0.02, decay=1, unit=epoch, first=1)",
            "exponential(lr=0.02, rate=0.9, unit=iteration)",
            "step(lr=0.02, factor=0.5, every=3, unit=iteration)"})
    void savingAndRestoringBetweenEpochsChangesNothing(String spec, @TempDir Path directory) throws IOException {
        CounterSchedule schedule = Schedules.parse(spec);
        List<DataSet> data = TinyNetworks.batches(4, 8);

        MultiLayerNetwork straight = TinyNetworks.network(TinyNetworks.mlp(new Adam(schedule)));
        RateRecorder straightRates = new RateRecorder();
        straight.setListeners(straightRates);
        straight.fit(TinyNetworks.iterator(data), 2);

        MultiLayerNetwork first = TinyNetworks.network(TinyNetworks.mlp(new Adam(schedule)));
        RateRecorder resumedRates = new RateRecorder();
        first.setListeners(resumedRates);
        first.fit(TinyNetworks.iterator(data), 1);
        File file = directory.resolve("epoch1.zip").toFile();
        ModelSerializer.writeModel(first, file, true);
        MultiLayerNetwork resumed = ModelSerializer.restoreMultiLayerNetwork(file, true);
        resumed.setListeners(resumedRates);
        resumed.fit(TinyNetworks.iterator(data), 1);

        assertThat(resumed.getIterationCount()).isEqualTo(straight.getIterationCount()).isEqualTo(8);
        assertThat(resumed.getEpochCount()).isEqualTo(straight.getEpochCount()).isEqualTo(2);
        assertThat(resumedRates.rates).containsExactlyElementsOf(straightRates.rates).hasSize(8);
        for (int i = 0; i < 8; i++) {
            assertThat(straightRates.rates.get(i)).isEqualTo(schedule.valueAt(i, i / 4));
        }
        assertThat(resumed.params().data().asDouble()).containsExactly(straight.params().data().asDouble());
        assertThat(resumed.getUpdater().getStateViewArray().data().asDouble())
                .containsExactly(straight.getUpdater().getStateViewArray().data().asDouble());
    }
}
