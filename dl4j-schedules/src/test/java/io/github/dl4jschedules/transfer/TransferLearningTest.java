package io.github.dl4jschedules.transfer;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.SgdSteps;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What DL4J 1.0.0-M2.1's {@code TransferLearning} does to schedules and counters, and the two choices
 * {@link TransferCounters} offers. Rates are checked on the update DL4J applies ({@code Sgd}:
 * {@code -rate * gradient / batch}) against {@code 0.1 * 0.5^epoch}, the formula of the schedule below.
 */
class TransferLearningTest {

    private static final String STEP = "step(lr=0.1, factor=0.5, every=1, unit=epoch)";
    private static final int BATCHES = 3;
    private static final int BATCH = 5;
    private static final List<DataSet> DATA = TinyNetworks.batches(BATCHES, BATCH);
    private static final FineTuneConfiguration KEEP_UPDATERS = new FineTuneConfiguration.Builder().seed(7L).build();

    private static MultiLayerNetwork pretrained(IUpdater updater) {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(updater));
        network.fit(TinyNetworks.iterator(DATA), 2);
        return network;
    }

    private static ComputationGraph pretrainedGraph(IUpdater updater) {
        ComputationGraph graph = new ComputationGraph(TinyNetworks.graph(updater));
        graph.init();
        graph.fit(TinyNetworks.iterator(DATA), 2);
        return graph;
    }

    @Test
    void transferLearningRestartsTheCountersAndTheUpdaterStateAndKeepsEachLayersSchedule() {
        MultiLayerNetwork source = pretrained(new Adam(Schedules.parse(STEP)));
        MultiLayerNetwork tuned = new TransferLearning.Builder(source).fineTuneConfiguration(KEEP_UPDATERS)
                .setFeatureExtractor(0).build();
        ComputationGraph sourceGraph = pretrainedGraph(new Adam(Schedules.parse(STEP)));
        ComputationGraph tunedGraph = new TransferLearning.GraphBuilder(sourceGraph)
                .fineTuneConfiguration(KEEP_UPDATERS).setFeatureExtractor("hidden").build();

        assertThat(source.getIterationCount()).isEqualTo(6);
        assertThat(tuned.getIterationCount()).isZero();
        assertThat(tuned.getEpochCount()).isZero();
        assertThat(tunedGraph.getIterationCount()).isZero();
        assertThat(tunedGraph.getEpochCount()).isZero();
        assertThat(source.getUpdater().getStateViewArray().amaxNumber().doubleValue()).isPositive();
        assertThat(tuned.getUpdater().getStateViewArray().amaxNumber().doubleValue()).isZero();
        assertThat(tunedGraph.getUpdater().getStateViewArray().amaxNumber().doubleValue()).isZero();
        assertThat(updater(tuned, 1)).isEqualTo(new Adam(Schedules.parse(STEP)));
        assertThat(((BaseLayer) tunedGraph.getLayer("out").conf().getLayer()).getIUpdater())
                .isEqualTo(new Adam(Schedules.parse(STEP)));
    }

    @Test
    void anUpdaterInTheFineTuneConfigurationReplacesEveryLayersSchedule() {
        IUpdater fineTune = new Adam(Schedules.parse("constant(lr=0.01)"));
        MultiLayerNetwork tuned = new TransferLearning.Builder(pretrained(new Adam(Schedules.parse(STEP))))
                .fineTuneConfiguration(new FineTuneConfiguration.Builder().updater(fineTune).build()).build();

        assertThat(updater(tuned, 0)).isEqualTo(fineTune);
        assertThat(updater(tuned, 1)).isEqualTo(fineTune);
    }

    /** Found while writing these tests: the graph builder does not carry the data type over. */
    @Test
    void transferLearningsGraphBuilderTurnsADoubleGraphIntoAFloatOne() {
        ComputationGraph source = pretrainedGraph(new Sgd(0.1));
        ComputationGraph tuned = new TransferLearning.GraphBuilder(source).fineTuneConfiguration(KEEP_UPDATERS).build();

        assertThat(source.params().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(tuned.params().dataType())
                .as("DL4J's TransferLearning.GraphBuilder now keeps the data type (README, transfer learning)")
                .isEqualTo(DataType.FLOAT);
    }

    @Test
    void continuedCountersGiveTheNextEpochTheRateThePretrainingWouldHaveGoneOnWith() {
        MultiLayerNetwork source = pretrained(new Sgd(Schedules.parse(STEP)));
        MultiLayerNetwork tuned = new TransferLearning.Builder(source).fineTuneConfiguration(KEEP_UPDATERS).build();
        TransferCounters.continueFrom(source, tuned);
        ComputationGraph sourceGraph = pretrainedGraph(new Sgd(Schedules.parse(STEP)));
        ComputationGraph tunedGraph = new TransferLearning.GraphBuilder(sourceGraph)
                .fineTuneConfiguration(KEEP_UPDATERS).build();
        TransferCounters.continueFrom(sourceGraph, tunedGraph);

        assertOneEpochAt(tuned, 6, 2, 0.1 * 0.5 * 0.5, 1e-12);
        assertOneEpochAt(tunedGraph, 6, 2, 0.1 * 0.5 * 0.5, 1e-6);
        assertThat(tuned.getEpochCount()).isEqualTo(3);
        assertThat(tunedGraph.getIterationCount()).isEqualTo(9);
    }

    @Test
    void restartedCountersGiveTheScheduleFromItsBeginningAlsoInPlace() {
        MultiLayerNetwork network = pretrained(new Sgd(Schedules.parse(STEP)));
        TransferCounters.restart(network);
        ComputationGraph graph = pretrainedGraph(new Sgd(Schedules.parse(STEP)));
        TransferCounters.restart(graph);

        assertOneEpochAt(network, 0, 0, 0.1, 1e-12);
        assertOneEpochAt(graph, 0, 0, 0.1, 1e-12);
    }

    @Test
    void countersOfANetworkNotInitialisedAreRefused() {
        MultiLayerNetwork network = new MultiLayerNetwork(TinyNetworks.mlp(new Sgd(0.1)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TransferCounters.restart(network))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the network is not initialised: call init() first");
    }

    /** One epoch of {@code fit}: every step at the given counters, with the given rate. */
    private static void assertOneEpochAt(Model model, int iteration, int epoch, double rate, double tolerance) {
        SgdSteps steps = new SgdSteps();
        model.setListeners(steps);
        if (model instanceof MultiLayerNetwork network) {
            network.fit(TinyNetworks.iterator(DATA));
        } else {
            ((ComputationGraph) model).fit(TinyNetworks.iterator(DATA));
        }
        assertThat(steps.steps).hasSize(BATCHES);
        for (int i = 0; i < BATCHES; i++) {
            SgdSteps.Step step = steps.steps.get(i);
            assertThat(step.iteration()).isEqualTo(iteration + i);
            assertThat(step.epoch()).isEqualTo(epoch);
            assertThat(step.residual(rate, BATCH)).as("iteration %d: expected rate %s, the update implies %s",
                    step.iteration(), rate, step.impliedRate(BATCH)).isLessThan(tolerance);
        }
    }

    private static IUpdater updater(MultiLayerNetwork network, int layer) {
        return ((BaseLayer) network.getLayerWiseConfigurations().getConf(layer).getLayer()).getIUpdater();
    }
}
