package io.github.dl4jschedules.earlystopping;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.SgdSteps;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import io.github.dl4jschedules.training.PlateauRule;
import io.github.dl4jschedules.training.RateCommand;
import io.github.dl4jschedules.training.RateController;
import io.github.dl4jschedules.training.ReduceOnPlateau;
import org.deeplearning4j.nn.api.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;

import static io.github.dl4jschedules.earlystopping.EarlyStoppingFixtures.BATCH;
import static io.github.dl4jschedules.earlystopping.EarlyStoppingFixtures.BATCHES_PER_EPOCH;

/**
 * The rate controller and reduce-on-plateau work under early stopping, on the counters of 4 epochs of
 * {@code fit}: expected rates {@code 0.1 * 0.5^epoch} (the step schedule's formula) times the factors the
 * commands or cuts give, checked on the applied {@code Sgd} update.
 */
class EarlyStoppingControlTest {

    /** A {@code factor 0.5} submitted between two calls of 2 epochs halves every rate from epoch 2 on. */
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

    /**
     * Reduce-on-plateau across two calls of 2 epochs, with a metric that never improves and
     * {@code factor=0.5, patience=0} (PyTorch's ReduceLROnPlateau rules): the first epoch's value is the
     * best, every later epoch end cuts the rate, so epochs 0-3 train with {@code 0.1 * 0.5^epoch} times
     * 1, 1, 0.5, 0.25; the cut after epoch 1, made at the end of the first call, holds in the second.
     */
    @ParameterizedTest
    @EnumSource(EarlyStoppingFixtures.class)
    void reduceOnPlateauCountsTheEpochsOfBothCalls(EarlyStoppingFixtures kind) {
        List<DataSet> data = EarlyStoppingFixtures.data();
        Model network = kind.network(new Sgd(Schedules.parse("step(lr=0.1, factor=0.5, every=1, unit=epoch)")));
        SgdSteps steps = new SgdSteps();
        network.setListeners(steps);
        ReduceOnPlateau plateau = new ReduceOnPlateau(RateController.attach(network), model -> 1.0,
                PlateauRule.parse("factor=0.5, patience=0"));
        network.addListeners(plateau);

        kind.trainer(true, network, TinyNetworks.iterator(data), EarlyStoppingFixtures.forEpochs(2, data)).fit();
        kind.trainer(true, network, TinyNetworks.iterator(data), EarlyStoppingFixtures.forEpochs(2, data)).fit();

        double[] cut = {1, 1, 0.5, 0.25};
        steps.assertRates(i -> 0.1 * Math.pow(0.5, i / BATCHES_PER_EPOCH) * cut[i / BATCHES_PER_EPOCH],
                BATCH, BATCHES_PER_EPOCH, 4 * BATCHES_PER_EPOCH);
    }
}
