package io.github.dl4jschedules.earlystopping;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.SgdSteps;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import io.github.dl4jschedules.training.RateCommand;
import io.github.dl4jschedules.training.RateController;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;

import static io.github.dl4jschedules.earlystopping.EarlyStoppingFixtures.BATCH;
import static io.github.dl4jschedules.earlystopping.EarlyStoppingFixtures.BATCHES_PER_EPOCH;

/**
 * The rate controller works under early stopping: a {@code factor 0.5} submitted between two calls of 2
 * epochs halves every rate from the third epoch on, on the counters of 4 epochs of {@code fit}:
 * {@code 0.1 * 0.5^epoch}, times 0.5 from epoch 2.
 */
class EarlyStoppingControlTest {

    @ParameterizedTest
    @EnumSource(EarlyStoppingFixtures.class)
    void aFactorBetweenCallsScalesTheScheduleFromTheNextUpdate(EarlyStoppingFixtures kind) {
        List<DataSet> data = EarlyStoppingFixtures.data();
        Model network = kind.network(new Sgd(Schedules.parse("step(lr=0.1, factor=0.5, every=1, unit=epoch)")));
        SgdSteps steps = new SgdSteps();
        network.setListeners(steps);
        RateController controller = RateController.attach(network);

        kind.trainer(true, network, TinyNetworks.iterator(data), EarlyStoppingFixtures.forEpochs(2, data)).fit();
        controller.submit(new RateCommand.Multiply(0.5), "test");
        kind.trainer(true, network, TinyNetworks.iterator(data), EarlyStoppingFixtures.forEpochs(2, data)).fit();

        steps.assertRates(i -> 0.1 * Math.pow(0.5, i / BATCHES_PER_EPOCH) * (i >= 2 * BATCHES_PER_EPOCH ? 0.5 : 1),
                BATCH, BATCHES_PER_EPOCH, 4 * BATCHES_PER_EPOCH);
    }
}
