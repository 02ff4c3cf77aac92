package io.github.dl4jschedules.dl4j;

import io.github.dl4jschedules.Schedules;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DL4J merges consecutive layers whose updater configurations are equal into one updater block (one
 * state array, one native call); equal schedules must compare equal for that, as ND4J's own do.
 */
class UpdaterBlocksTest {

    private static int blocks(ISchedule hidden, ISchedule output) {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.base(new Adam(hidden)).list()
                .layer(new DenseLayer.Builder().nIn(TinyNetworks.INPUTS).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).updater(new Adam(output))
                        .nIn(8).nOut(TinyNetworks.CLASSES).activation(Activation.SOFTMAX).build())
                .build());
        return ((MultiLayerUpdater) network.getUpdater()).getUpdaterBlocks().size();
    }

    @Test
    void equalSchedulesBuiltSeparatelyShareOneBlock() {
        String spec = "exponential(lr=0.01, rate=0.9, unit=epoch)";
        assertThat(blocks(Schedules.parse(spec), Schedules.parse(spec))).isEqualTo(1);
    }

    @Test
    void nd4jsOwnSchedulesBehaveTheSame() {
        assertThat(blocks(new ExponentialSchedule(ScheduleType.EPOCH, 0.01, 0.9),
                new ExponentialSchedule(ScheduleType.EPOCH, 0.01, 0.9))).isEqualTo(1);
    }

    @Test
    void differentSchedulesGetTheirOwnBlocks() {
        assertThat(blocks(Schedules.parse("exponential(lr=0.01, rate=0.9, unit=epoch)"),
                Schedules.parse("exponential(lr=0.01, rate=0.8, unit=epoch)"))).isEqualTo(2);
    }
}
