package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Saving mid-run after manual and plateau changes, restoring and continuing gives what the
 * uninterrupted run gives: the same rate at every iteration, the same plateau state and the same
 * parameters and Adam state, bit for bit.
 */
class ResumeWithControllerTest {

    private static final int BATCHES = 3;
    private static final int EPOCHS = 7;
    private static final int SAVE_AFTER = 5;
    private static final String SCHEDULE = "exponential(lr=0.02, rate=0.95, unit=iteration)";
    private static final PlateauRule RULE = PlateauRule.parse("factor=0.5, patience=1");
    /**
     * Epoch 1 improves, 2 and 3 do not: cut after epoch 3. Epoch 4 does not (one bad epoch, saved),
     * epoch 5 neither: cut after epoch 5, which a plateau restarted from scratch would not make.
     */
    private static final double[] METRIC = {1.0, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95};

    /**
     * The rate each update used, read right after it (the controller changes the configuration just
     * before an update, so a listener reading before the update could run before the controller).
     */
    private static final class Rates extends BaseTrainingListener {
        final List<Double> rates = new ArrayList<>();

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            rates.add(ModelAdapter.of(model).appliedRate(iteration, epoch));
        }
    }

    /** Manual commands by iteration: before the save, and after it. */
    private static Script script(AtomicReference<RateController> controller) {
        return new Script()
                .at(1, () -> controller.get().submit(new RateCommand.Multiply(0.5), "test"))     // from 2
                .at(7, () -> controller.get().submit(new RateCommand.Set(0.004), "test"))        // from 8
                .at(16, () -> controller.get().submit(new RateCommand.Fix(0.001), "test"))       // from 17
                .at(19, () -> controller.get().submit(new RateCommand.Resume(), "test"));        // from 20
    }

    private static PlateauMetric metric() {
        return model -> METRIC[model.epoch()];
    }

    @Test
    void resumedRunEqualsTheUninterruptedOne(@TempDir Path directory) throws IOException {
        List<DataSet> data = TinyNetworks.batches(BATCHES, 8);

        MultiLayerNetwork straight = TinyNetworks.network(TinyNetworks.mlp(new Adam(Schedules.parse(SCHEDULE))));
        AtomicReference<RateController> straightController = new AtomicReference<>();
        Rates straightRates = new Rates();
        straight.setListeners(script(straightController), straightRates);
        straightController.set(RateController.attach(straight));
        ReduceOnPlateau straightPlateau = new ReduceOnPlateau(straightController.get(), metric(), RULE);
        straight.addListeners(straightPlateau);
        straight.fit(TinyNetworks.iterator(data), EPOCHS);

        MultiLayerNetwork first = TinyNetworks.network(TinyNetworks.mlp(new Adam(Schedules.parse(SCHEDULE))));
        AtomicReference<RateController> controller = new AtomicReference<>();
        Rates rates = new Rates();
        first.setListeners(script(controller), rates);
        controller.set(RateController.attach(first));
        ReduceOnPlateau firstPlateau = new ReduceOnPlateau(controller.get(), metric(), RULE);
        first.addListeners(firstPlateau);
        first.fit(TinyNetworks.iterator(data), SAVE_AFTER);

        // at the save: a manual factor, a set, and a plateau cut behind us, one bad epoch counted
        assertThat(controller.get().history()).extracting(RateChange::iteration, RateChange::source)
                .containsExactly(tuple(2, "test"), tuple(8, "test"),
                        tuple(12, controller.get().history().get(2).source()));
        assertThat(controller.get().history().get(2).source()).startsWith("plateau");
        assertThat(firstPlateau.state()).isEqualTo(new PlateauState(0.9, 1, 0, 1));
        File file = directory.resolve("epoch5.zip").toFile();
        ModelSerializer.writeModel(first, file, true);
        assertThat(TrainingStateStore.controller(file)).isEmpty();
        assertThat(TrainingStateStore.plateau(file)).isEmpty();
        TrainingStateStore.save(file, controller.get(), firstPlateau);
        ControllerState savedController = TrainingStateStore.controller(file).orElseThrow();
        PlateauState savedPlateau = TrainingStateStore.plateau(file).orElseThrow();
        assertThat(savedController).isEqualTo(controller.get().state());
        assertThat(savedController.baseSpecs()).containsOnlyKeys("0", "1").containsValue(Schedules.parse(SCHEDULE).toString());
        assertThat(savedController.adjustment()).isInstanceOfSatisfying(RateAdjustment.FollowSchedule.class,
                adjustment -> assertThat(adjustment.factor()).isNotEqualTo(1.0));
        assertThat(savedPlateau).isEqualTo(firstPlateau.state());

        MultiLayerNetwork resumed = ModelSerializer.restoreMultiLayerNetwork(file, true);
        resumed.setListeners(script(controller), rates);
        controller.set(RateController.attach(resumed, savedController));
        ReduceOnPlateau resumedPlateau = new ReduceOnPlateau(controller.get(), metric(), RULE, savedPlateau);
        resumed.addListeners(resumedPlateau);
        assertThat(controller.get().adjustment()).isEqualTo(savedController.adjustment());
        assertThat(controller.get().nextIteration()).isEqualTo(SAVE_AFTER * BATCHES);
        resumed.fit(TinyNetworks.iterator(data), EPOCHS - SAVE_AFTER);

        assertThat(resumed.getIterationCount()).isEqualTo(straight.getIterationCount()).isEqualTo(EPOCHS * BATCHES);
        assertThat(resumed.getEpochCount()).isEqualTo(straight.getEpochCount()).isEqualTo(EPOCHS);
        assertThat(straightController.get().history()).as("manual x4, plateau x2").hasSize(6);
        assertThat(controller.get().history()).extracting(RateChange::iteration)
                .containsExactly(17, 18, 20);   // fixed, the plateau's cut of the fixed rate, the saved base schedule
        assertThat(rates.rates).hasSize(EPOCHS * BATCHES).containsExactlyElementsOf(straightRates.rates);
        assertThat(rates.rates.get(18)).isEqualTo(0.0005);
        assertThat(rates.rates.get(20)).isEqualTo(Schedules.parse(SCHEDULE).valueAt(20, 6));
        assertThat(resumedPlateau.state()).isEqualTo(straightPlateau.state());
        assertThat(controller.get().adjustment()).isEqualTo(straightController.get().adjustment());
        assertThat(resumed.params().data().asDouble()).containsExactly(straight.params().data().asDouble());
        assertThat(resumed.getUpdater().getStateViewArray().data().asDouble())
                .containsExactly(straight.getUpdater().getStateViewArray().data().asDouble());
    }
}
