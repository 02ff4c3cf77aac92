package io.github.dl4jschedules.dl4j;

import io.github.dl4jschedules.ScheduleExamples.Example;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every schedule survives DL4J's configuration JSON (and YAML, and Java serialisation) unchanged. */
class JsonRoundTripTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.dl4jschedules.ScheduleExamples#all")
    void multiLayerConfiguration(Example example) {
        CounterSchedule schedule = example.schedule();
        MultiLayerConfiguration configuration = TinyNetworks.mlp(new Adam(schedule));

        MultiLayerConfiguration fromJson = MultiLayerConfiguration.fromJson(configuration.toJson());
        MultiLayerConfiguration fromYaml = MultiLayerConfiguration.fromYaml(configuration.toYaml());

        assertThat(fromJson).isEqualTo(configuration);
        assertThat(fromYaml).isEqualTo(configuration);
        for (int layer = 0; layer < 2; layer++) {
            assertSameSchedule(lrSchedule(((BaseLayer) fromJson.getConf(layer).getLayer()).getIUpdater()), schedule);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.dl4jschedules.ScheduleExamples#all")
    void computationGraphConfiguration(Example example) {
        CounterSchedule schedule = example.schedule();
        ComputationGraphConfiguration configuration = TinyNetworks.graph(new Adam(schedule));

        ComputationGraphConfiguration fromJson = ComputationGraphConfiguration.fromJson(configuration.toJson());

        assertThat(fromJson).isEqualTo(configuration);
        BaseLayer out = (BaseLayer) fromJson.getVertices().values().stream()
                .filter(v -> v instanceof org.deeplearning4j.nn.conf.graph.LayerVertex)
                .map(v -> ((org.deeplearning4j.nn.conf.graph.LayerVertex) v).getLayerConf().getLayer())
                .filter(l -> "out".equals(l.getLayerName()))
                .findFirst().orElseThrow();
        assertSameSchedule(lrSchedule(out.getIUpdater()), schedule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.dl4jschedules.ScheduleExamples#all")
    void javaSerialization(Example example) throws IOException, ClassNotFoundException {
        CounterSchedule schedule = example.schedule();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(schedule);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertSameSchedule((ISchedule) in.readObject(), schedule);
        }
    }

    static ISchedule lrSchedule(IUpdater updater) {
        return ((Adam) updater).getLearningRateSchedule();
    }

    static void assertSameSchedule(ISchedule actual, CounterSchedule expected) {
        assertThat(actual).isInstanceOf(expected.getClass()).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(actual).hasToString(expected.toString());
        for (int n = 0; n < 60; n++) {
            assertThat(actual.valueAt(n, n)).as("n=%d", n).isEqualTo(expected.valueAt(n, n));
        }
    }
}
