package io.github.dl4jschedules.dl4j;

import io.github.dl4jschedules.ScheduleExamples.Example;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.learning.config.Adam;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A network saved with {@link ModelSerializer} comes back with the same schedule, counters and updater state. */
class ModelSerializerTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.dl4jschedules.ScheduleExamples#all")
    void multiLayerNetworkKeepsItsSchedule(Example example, @TempDir Path directory) throws IOException {
        CounterSchedule schedule = example.schedule();
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Adam(schedule)));
        network.fit(TinyNetworks.iterator(TinyNetworks.batches(2, 4)), 2);
        File file = directory.resolve("model.zip").toFile();

        ModelSerializer.writeModel(network, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);

        assertThat(restored.getLayerWiseConfigurations()).isEqualTo(network.getLayerWiseConfigurations());
        JsonRoundTripTest.assertSameSchedule(
                JsonRoundTripTest.lrSchedule(((BaseLayer) restored.getLayer(1).conf().getLayer()).getIUpdater()), schedule);
        assertThat(restored.getIterationCount()).isEqualTo(4);
        assertThat(restored.getEpochCount()).isEqualTo(2);
        assertThat(restored.getUpdater().getStateViewArray()).isEqualTo(network.getUpdater().getStateViewArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.dl4jschedules.ScheduleExamples#all")
    void computationGraphKeepsItsSchedule(Example example, @TempDir Path directory) throws IOException {
        CounterSchedule schedule = example.schedule();
        ComputationGraph graph = new ComputationGraph(TinyNetworks.graph(new Adam(schedule)));
        graph.init();
        graph.fit(TinyNetworks.iterator(TinyNetworks.batches(2, 4)));
        File file = directory.resolve("graph.zip").toFile();

        ModelSerializer.writeModel(graph, file, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);

        assertThat(restored.getConfiguration()).isEqualTo(graph.getConfiguration());
        JsonRoundTripTest.assertSameSchedule(
                JsonRoundTripTest.lrSchedule(((BaseLayer) restored.getLayer("out").conf().getLayer()).getIUpdater()),
                schedule);
    }
}
