package io.github.dl4jschedules.parallel;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A one-machine schedule under a counter of rounds of N workers: alpha(i, e) = of(N * i, e). */
class WorkerStepsTest {

    @Test
    void iterationNCountsNTimesAsManyMiniBatches() {
        ISchedule steps = WorkerSteps.of(Schedules.parse("step(lr=0.1, factor=0.5, every=4)"), 2);

        // of(n) = 0.1 * 0.5^floor(n / 4) at n = 2i: 0.1 for i = 0, 1; 0.05 for i = 2, 3; 0.025 for i = 4
        assertThat(steps.valueAt(0, 0)).isEqualTo(0.1);
        assertThat(steps.valueAt(1, 0)).isEqualTo(0.1);
        assertThat(steps.valueAt(2, 0)).isEqualTo(0.05);
        assertThat(steps.valueAt(3, 7)).isEqualTo(0.05);
        assertThat(steps.valueAt(4, 0)).isEqualTo(0.025);
    }

    @Test
    void aSmoothScheduleGetsTheRateOfTheRoundsFirstMiniBatch() {
        ISchedule steps = WorkerSteps.of(Schedules.parse("exponential(lr=1.0, rate=0.5)"), 3);

        // of(n) = 0.5^n at n = 3i
        assertThat(steps.valueAt(1, 0)).isCloseTo(0.125, within(1e-15));
        assertThat(steps.valueAt(2, 0)).isCloseTo(0.015625, within(1e-15));
    }

    @Test
    void epochsPassThroughUnchanged() {
        CounterSchedule epochs = Schedules.parse("step(lr=0.1, factor=0.5, every=1, unit=epoch)");
        ISchedule steps = WorkerSteps.of(epochs, 4);

        for (int epoch = 0; epoch < 5; epoch++) {
            assertThat(steps.valueAt(123, epoch)).isEqualTo(0.1 * Math.pow(0.5, epoch));
        }
    }

    @Test
    void wrapsNd4jsOwnSchedulesToo() {
        ISchedule steps = WorkerSteps.of(new StepSchedule(ScheduleType.ITERATION, 1.0, 0.1, 10), 5);

        assertThat(steps.valueAt(1, 0)).isEqualTo(1.0);                   // step 5
        assertThat(steps.valueAt(2, 0)).isCloseTo(0.1, within(1e-15));    // step 10
    }

    @Test
    void oneWorkerIsTheScheduleItself() {
        CounterSchedule schedule = Schedules.parse("cosine(lr=0.1, steps=100)");

        assertThat(WorkerSteps.of(schedule, 1)).isSameAs(schedule);
    }

    @Test
    void badArgumentsAreNamed() {
        CounterSchedule schedule = Schedules.parse("constant(lr=0.1)");

        assertThatThrownBy(() -> WorkerSteps.of(schedule, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("worker steps: workers must be >= 1, got workers=0");
        assertThatThrownBy(() -> WorkerSteps.of(null, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("worker steps: of must be given, got of=null");
        assertThatThrownBy(() -> WorkerSteps.of(schedule, 4).valueAt(Integer.MAX_VALUE / 2, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("iteration 1073741823 x 4 workers = step 4294967292 is past the largest iteration");
    }

    @Test
    void survivesDl4jsJsonAndJavaSerialisation() throws Exception {
        ISchedule steps = WorkerSteps.of(Schedules.parse("step(lr=0.1, factor=0.5, every=4)"), 2);
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder().updater(new Sgd(steps)).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build();

        MultiLayerConfiguration fromJson = MultiLayerConfiguration.fromJson(configuration.toJson());
        ISchedule travelled = ((Sgd) ((BaseLayer) fromJson.getConf(0).getLayer()).getIUpdater()).getLearningRateSchedule();
        assertThat(travelled).isNotSameAs(steps).isEqualTo(steps).hasSameHashCodeAs(steps)
                .hasToString("step(lr=0.1, factor=0.5, every=4, unit=iteration, first=0) at 2 mini-batches per iteration");
        assertThat(configuration.toJson()).contains("\"workers\" : 2");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(steps);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(steps);
        }
    }

    @Test
    void jsonWithoutWorkersIsAnErrorNamingTheField() {
        String json = "{\"@class\":\"io.github.dl4jschedules.parallel.WorkerSteps\",\"of\":"
                + "{\"@class\":\"io.github.dl4jschedules.schedules.ConstantRate\",\"lr\":0.1}}";

        assertThatThrownBy(() -> org.nd4j.shade.jackson.databind.json.JsonMapper.builder().build()
                .readValue(json, ISchedule.class)).hasMessageContaining("workers");
    }
}
