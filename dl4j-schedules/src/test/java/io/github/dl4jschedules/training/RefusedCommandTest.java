package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import io.github.dl4jschedules.schedules.ConstantRate;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Legal commands whose result cannot be trained with (issue 10, point 2): the controller checks the
 * result before storing anything, so a refused command changes nothing and training goes on.
 */
class RefusedCommandTest {

    private static double layerRate(MultiLayerNetwork network, int layer) {
        return ModelAdapter.of(network).updaters().get(Integer.toString(layer)).getLearningRate(0, 0);
    }

    @Test
    void aFactorThatOverflowsAFixedRateIsRefusedAndTrainingGoesOn(@TempDir Path directory) throws IOException {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse("constant(lr=0.1)"))));
        RateController controller = RateController.attach(network);
        List<String> warnings = new ArrayList<>();
        controller.onWarning(warnings::add);
        List<DataSet> data = TinyNetworks.batches(3, 5);

        assertThat(controller.apply(new RateCommand.Fix(2), "console")).isNotNull();
        RateAdjustment fixedTwo = controller.adjustment();
        assertThat(controller.apply(new RateCommand.Multiply(1e308), "console")).isNull();

        assertThat(warnings).containsExactly(
                "console: the fixed rate must be finite and >= 0, got Infinity; nothing changed");
        assertThat(controller.adjustment()).isEqualTo(fixedTwo);
        assertThat(controller.history()).hasSize(1);
        assertThat(layerRate(network, 0)).isEqualTo(2.0);
        assertThatCode(() -> network.fit(data.get(0))).doesNotThrowAnyException();

        assertThat(controller.apply(new RateCommand.Resume(), "console")).as("later commands still work").isNotNull();
        assertThat(controller.apply(new RateCommand.Set(0.05), "console")).isNotNull();
        assertThat(controller.currentRate()).isEqualTo(0.05);

        File file = directory.resolve("model.zip").toFile();
        ModelSerializer.writeModel(network, file, true);
        TrainingStateStore.save(file, controller, null);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        RateController resumed = RateController.attach(restored, TrainingStateStore.controller(file).orElseThrow());
        assertThat(resumed.adjustment()).as("the saved file resumes").isEqualTo(controller.adjustment());
    }

    @Test
    void aFactorThatOverflowsTheScaleIsRefused() {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse("constant(lr=0.1)"))));
        RateController controller = RateController.attach(network);
        List<String> warnings = new ArrayList<>();
        controller.onWarning(warnings::add);

        assertThat(controller.apply(new RateCommand.Multiply(1e300), "JMX")).isNotNull();
        assertThat(controller.apply(new RateCommand.Multiply(1e300), "JMX")).isNull();
        assertThat(warnings).containsExactly("JMX: factor must be finite and >= 0, got Infinity; nothing changed");
        assertThat(controller.adjustment()).isEqualTo(new RateAdjustment.FollowSchedule(1e300, null));
    }

    @Test
    void jmxFixThenMultiplyDoesNotBreakFit() {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse("constant(lr=0.1)"))));
        RateController controller = RateController.attach(network);
        List<DataSet> data = TinyNetworks.batches(2, 5);
        try (JmxControl jmx = JmxControl.register(controller, "refused-command-test")) {
            jmx.fixLearningRate(1e300);
            jmx.multiplyLearningRate(1e300);
            assertThatCode(() -> network.fit(data.get(0))).doesNotThrowAnyException();
            assertThat(jmx.getAdjustment()).isEqualTo("fixed rate 1.0E300");
            assertThat(network.getLayer(1).conf().getLayer()).isNotNull();
            assertThat(((BaseLayer) network.getLayer(1).conf().getLayer()).getIUpdater())
                    .isEqualTo(new Sgd(new ConstantRate(1e300)));
        }
    }
}
