package io.github.dl4jschedules.transfer;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.training.RateCommand;
import io.github.dl4jschedules.training.RateController;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Layer-wise decay gives each trainable layer {@code base * decay^depth}: checked on the rate DL4J
 * really applies ({@code Sgd}: a layer's step is {@code -rate * gradient / batch}), against rates
 * written out here from the formula and the depths the test networks have by construction.
 */
class LayerDecayTest {

    private static final int BATCHES = 3;
    private static final int BATCH = 5;
    private static final String BASE = "step(lr=0.1, factor=0.5, every=1, unit=epoch)";

    @Test
    void depthsInAMultiLayerNetworkCountLayersWithParametersFromTheOutput() {
        assertThat(LayerDecay.depths(TransferNetworks.mlp(new Sgd(0.1))))
                .containsExactly(entry("0", 2), entry("2", 1), entry("3", 0));
    }

    @Test
    void depthsInABranchingGraphFollowTheLongestPathToTheOutput() {
        assertThat(LayerDecay.depths(TransferNetworks.branching(new Sgd(0.1))))
                .containsOnly(entry("a", 2), entry("b", 1), entry("c", 1), entry("out", 0));
    }

    /** Layer 0 frozen by TransferLearning; layers 2 and 3 at depth 1 and 0; decay 0.5. */
    @Test
    void everyTrainableLayerOfANetworkTrainsWithBaseTimesDecayToItsDepth() {
        MultiLayerNetwork network = new TransferLearning.Builder(TransferNetworks.mlp(new Sgd(0.3)))
                .setFeatureExtractor(0).build();
        IUpdater frozenBefore = ((BaseLayer) network.getLayer(0).conf().getLayer()).getIUpdater().clone();

        Map<String, CounterSchedule> applied = LayerDecay.of(0.5).apply(network, Schedules.parse(BASE));
        assertThat(applied).containsOnlyKeys("2", "3");
        assertThat(applied.get("2")).hasToString("scaled(factor=0.5, of=" + Schedules.parse(BASE) + ")");
        LayerSteps steps = new LayerSteps();
        network.setListeners(steps);
        network.fit(TinyNetworks.iterator(TinyNetworks.batches(BATCHES, BATCH)), 2);

        assertThat(steps.steps).hasSize(2 * BATCHES);
        for (LayerSteps.Step step : steps.steps) {
            double top = 0.1 * Math.pow(0.5, step.epoch());
            assertRate(step, "3", top);
            assertRate(step, "2", top * 0.5);
            assertThat(step.unchanged("0")).as("frozen layer 0 at iteration %d", step.iteration()).isTrue();
        }
        assertThat(network.getLayerWiseConfigurations().getConf(0).getLayer().getClass().getSimpleName())
                .isEqualTo("FrozenLayer");
        assertThat(((BaseLayer) network.getLayer(0).conf().getLayer()).getIUpdater()).isEqualTo(frozenBefore);
    }

    /**
     * The branching graph with {@code c} frozen (in its configuration: {@code TransferLearning.GraphBuilder}
     * turns a double-precision graph into a float one, see {@code TransferLearningTest}): out at depth 0, b
     * at 1, a at 2; decay 0.5.
     */
    @Test
    void everyTrainableLayerOfAGraphTrainsWithBaseTimesDecayToItsDepthFromTheOutput() {
        ComputationGraph graph = TransferNetworks.branching(new Sgd(0.3), true);

        Map<String, CounterSchedule> applied = LayerDecay.of(0.5).apply(graph, Schedules.parse(BASE));
        assertThat(applied).containsOnlyKeys("a", "b", "out");
        LayerSteps steps = new LayerSteps();
        graph.setListeners(steps);
        graph.fit(TinyNetworks.iterator(TinyNetworks.batches(BATCHES, BATCH)), 2);

        assertThat(steps.steps).hasSize(2 * BATCHES);
        for (LayerSteps.Step step : steps.steps) {
            double top = 0.1 * Math.pow(0.5, step.epoch());
            assertRate(step, "out", top);
            assertRate(step, "b", top * 0.5);
            assertRate(step, "a", top * 0.25);
            assertThat(step.unchanged("c")).as("frozen layer c at iteration %d", step.iteration()).isTrue();
        }
    }

    /** The rate controller keeps the layers' proportions: {@code factor 0.5} halves every layer's rate. */
    @Test
    void aRateControllerScalesEveryDecayedLayerAlike() {
        MultiLayerNetwork network = TransferNetworks.mlp(new Sgd(0.3));
        LayerDecay.of(0.5).apply(network, Schedules.parse(BASE));
        LayerSteps steps = new LayerSteps();
        network.setListeners(steps);
        RateController controller = RateController.attach(network);
        network.fit(TinyNetworks.iterator(TinyNetworks.batches(BATCHES, BATCH)));
        controller.submit(new RateCommand.Multiply(0.5), "test");
        network.fit(TinyNetworks.iterator(TinyNetworks.batches(BATCHES, BATCH)));

        assertThat(steps.steps).hasSize(2 * BATCHES);
        for (LayerSteps.Step step : steps.steps) {
            double top = 0.1 * Math.pow(0.5, step.epoch()) * (step.epoch() == 1 ? 0.5 : 1);
            assertRate(step, "3", top);
            assertRate(step, "2", top * 0.5);
            assertRate(step, "0", top * 0.25);
        }
    }

    @Test
    void appliedSchedulesSurviveJsonAndModelSerializerAndResumeExactly(@TempDir Path directory) throws IOException {
        List<DataSet> data = TinyNetworks.batches(BATCHES, BATCH);
        CounterSchedule base = Schedules.parse("exponential(lr=0.01, rate=0.8, unit=iteration)");
        MultiLayerNetwork straight = TransferNetworks.mlp(new Adam(0.5));
        LayerDecay.of(0.75).apply(straight, base);
        straight.fit(TinyNetworks.iterator(data), 2);

        MultiLayerNetwork first = TransferNetworks.mlp(new Adam(0.5));
        LayerDecay.of(0.75).apply(first, base);
        MultiLayerConfiguration configuration = first.getLayerWiseConfigurations();
        assertThat(MultiLayerConfiguration.fromJson(configuration.toJson())).isEqualTo(configuration);
        assertThat(updater(MultiLayerConfiguration.fromJson(configuration.toJson()), 0).getLearningRate(0, 0))
                .isEqualTo(0.01 * 0.75 * 0.75);
        first.fit(TinyNetworks.iterator(data), 1);
        File file = directory.resolve("decayed.zip").toFile();
        ModelSerializer.writeModel(first, file, true);
        MultiLayerNetwork resumed = ModelSerializer.restoreMultiLayerNetwork(file, true);
        for (int layer : new int[]{0, 2, 3}) {
            assertThat(updater(resumed.getLayerWiseConfigurations(), layer))
                    .isEqualTo(updater(first.getLayerWiseConfigurations(), layer));
        }
        resumed.fit(TinyNetworks.iterator(data), 1);

        assertThat(resumed.params().data().asDouble()).containsExactly(straight.params().data().asDouble());
        assertThat(resumed.getUpdater().getStateViewArray().data().asDouble())
                .containsExactly(straight.getUpdater().getStateViewArray().data().asDouble());
    }

    @Test
    void aGraphsAppliedSchedulesSurviveJson() {
        ComputationGraph graph = TransferNetworks.branching(new Adam(0.5));
        LayerDecay.of(0.5).apply(graph, Schedules.parse(BASE));
        ComputationGraphConfiguration configuration = graph.getConfiguration();
        ComputationGraphConfiguration read = ComputationGraphConfiguration.fromJson(configuration.toJson());

        assertThat(read).isEqualTo(configuration);
        BaseLayer a = (BaseLayer) ((org.deeplearning4j.nn.conf.graph.LayerVertex) read.getVertices().get("a"))
                .getLayerConf().getLayer();
        assertThat(a.getIUpdater().getLearningRate(0, 1)).isEqualTo(0.1 * 0.5 * 0.25);
    }

    @Test
    void applyingAgainReplacesTheSchedulesInsteadOfCompounding() {
        MultiLayerNetwork network = TransferNetworks.mlp(new Sgd(0.3));
        LayerDecay.of(0.5).apply(network, Schedules.parse(BASE));
        LayerDecay.of(0.5).apply(network, Schedules.parse(BASE));

        assertThat(updater(network.getLayerWiseConfigurations(), 0).getLearningRate(0, 0)).isEqualTo(0.1 * 0.25);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.5, 1.5, Double.NaN})
    void aDecayOutsideZeroToOneIsRefused(double decay) {
        assertThatThrownBy(() -> LayerDecay.of(decay)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer decay: decay must be in (0, 1], got decay=" + decay);
    }

    @Test
    void aLayerWithoutALearningRateOrWithItsOwnBiasUpdaterIsRefused() {
        MultiLayerNetwork adaDelta = TransferNetworks.mlp(new AdaDelta());
        assertThatThrownBy(() -> LayerDecay.of(0.5).apply(adaDelta, Schedules.parse(BASE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer decay: layer 0 has updater AdaDelta, which has no learning rate to decay");

        MultiLayerNetwork bias = TinyNetworks.network(TinyNetworks.base(new Sgd(0.1)).list()
                .layer(new DenseLayer.Builder().nIn(TinyNetworks.INPUTS).nOut(3).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).biasUpdater(new Sgd(0.2))
                        .nIn(3).nOut(TinyNetworks.CLASSES).build())
                .build());
        assertThatThrownBy(() -> LayerDecay.of(0.5).apply(bias, Schedules.parse(BASE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("layer decay: layer 1 has a separate bias updater (Sgd)");
    }

    @Test
    void aNetworkNotInitialisedIsRefused() {
        MultiLayerNetwork network = new MultiLayerNetwork(TinyNetworks.mlp(new Sgd(0.1)));
        assertThatThrownBy(() -> LayerDecay.of(0.5).apply(network, Schedules.parse(BASE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("layer decay: the network is not initialised: call init() first");
    }

    private static void assertRate(LayerSteps.Step step, String layer, double rate) {
        assertThat(step.residual(layer, rate, BATCH))
                .as("layer %s at iteration %d (epoch %d): expected rate %s, the update implies %s", layer,
                        step.iteration(), step.epoch(), rate, step.impliedRate(layer, BATCH))
                .isLessThan(1e-12);
    }

    private static IUpdater updater(MultiLayerConfiguration configuration, int layer) {
        return ((BaseLayer) configuration.getConf(layer).getLayer()).getIUpdater();
    }
}
