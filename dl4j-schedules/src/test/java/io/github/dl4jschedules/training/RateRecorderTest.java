package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.SgdSteps;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The CSV of the rate recorder: one row per iteration with the rate the updater applied (the
 * schedule's value, also after a controller change) next to the mini-batch loss; one rate column per
 * layer when the layers' rates differ.
 */
class RateRecorderTest {

    private static final int BATCHES = 3;
    private static final int BATCH = 5;
    private static final int EPOCHS = 2;
    private static final int ITERATIONS = BATCHES * EPOCHS;

    /** The model's score after each iteration, as the recorder should write it. */
    private static final class Scores extends BaseTrainingListener {
        final List<Double> scores = new ArrayList<>();

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            scores.add(model.score());
        }
    }

    private static List<String[]> rows(StringWriter csv) {
        return csv.toString().lines().skip(1).map(line -> line.split(",")).toList();
    }

    /**
     * Recorder added after the controller (as a user would) or before it: either way each row shows
     * the rate its update used, though the controller changes the schedule in the same
     * {@code iterationDone} of iteration 2.
     */
    @ParameterizedTest(name = "recorder after the controller: {0}")
    @ValueSource(booleans = {true, false})
    void oneRowPerIterationWithTheAppliedRate(boolean recorderAfterController) throws IOException {
        CounterSchedule base = Schedules.parse("exponential(lr=0.2, rate=0.9, unit=iteration)");
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(base)));
        StringWriter csv = new StringWriter();
        RateRecorder recorder = new RateRecorder(csv);
        SgdSteps steps = new SgdSteps();
        Scores scores = new Scores();
        Script script = new Script();
        if (recorderAfterController) {
            network.setListeners(script, steps, scores);
        } else {
            network.setListeners(script, steps, scores, recorder);
        }
        RateController controller = RateController.attach(network);
        if (recorderAfterController) {
            network.addListeners(recorder);
        }
        script.at(2, () -> controller.submit(new RateCommand.Multiply(0.5), "test"))       // from 3
                .at(4, () -> controller.submit(new RateCommand.Fix(0.01), "test"));          // from 5

        network.fit(TinyNetworks.iterator(TinyNetworks.batches(BATCHES, BATCH)), EPOCHS);
        recorder.close();

        IntToDoubleFunction expected = n -> n < 3 ? base.valueAt(n, 0) : n < 5 ? 0.5 * base.valueAt(n, 0) : 0.01;
        steps.assertRates(expected, BATCH, BATCHES, ITERATIONS);
        assertThat(csv.toString()).startsWith("iteration,epoch,loss,rate\n");
        List<String[]> rows = rows(csv);
        assertThat(rows).hasSize(ITERATIONS);
        for (int n = 0; n < ITERATIONS; n++) {
            String[] row = rows.get(n);
            assertThat(row).as("row %d: %s", n, Arrays.toString(row)).hasSize(4);
            assertThat(Integer.parseInt(row[0])).isEqualTo(n);
            assertThat(Integer.parseInt(row[1])).isEqualTo(n / BATCHES);
            assertThat(Double.parseDouble(row[2])).isEqualTo(scores.scores.get(n));
            assertThat(Double.parseDouble(row[3])).as("rate of iteration %d", n)
                    .isCloseTo(expected.applyAsDouble(n), within(1e-15));
        }
    }

    private static MultiLayerConfiguration twoRates(String firstLayer, String network) {
        return TinyNetworks.base(new Sgd(Schedules.parse(network))).list()
                .layer(new DenseLayer.Builder().nIn(TinyNetworks.INPUTS).nOut(8).activation(Activation.TANH)
                        .updater(new Sgd(Schedules.parse(firstLayer))).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(8).nOut(TinyNetworks.CLASSES).activation(Activation.SOFTMAX).build())
                .build();
    }

    @Test
    void aColumnPerLayerWhenTheLayersRatesDiffer() throws IOException {
        CounterSchedule first = Schedules.parse("constant(lr=0.05)");
        CounterSchedule second = Schedules.parse("exponential(lr=0.2, rate=0.9, unit=epoch)");
        MultiLayerNetwork network = TinyNetworks.network(twoRates(first.toString(), second.toString()));
        Script script = new Script();
        network.setListeners(script);
        RateController controller = RateController.attach(network);
        StringWriter csv = new StringWriter();
        RateRecorder recorder = new RateRecorder(csv);
        network.addListeners(recorder);
        script.at(1, () -> controller.submit(new RateCommand.Multiply(0.5), "test"));        // from 2, both layers

        network.fit(TinyNetworks.iterator(TinyNetworks.batches(BATCHES, BATCH)), EPOCHS);
        recorder.close();

        assertThat(controller.configuredSchedule("0")).isEqualTo(first);
        assertThat(controller.configuredSchedule("1")).isEqualTo(second);
        assertThat(csv.toString()).startsWith("iteration,epoch,loss,rate_0,rate_1\n");
        List<String[]> rows = rows(csv);
        assertThat(rows).hasSize(ITERATIONS);
        for (int n = 0; n < ITERATIONS; n++) {
            double factor = n < 2 ? 1 : 0.5;
            String[] row = rows.get(n);
            assertThat(row).hasSize(5);
            assertThat(Double.parseDouble(row[3])).isEqualTo(factor * 0.05);
            assertThat(Double.parseDouble(row[4])).isEqualTo(factor * second.valueAt(n, n / BATCHES));
        }
    }

    /** Rates equal at the first iteration but different later still need a column each. */
    @Test
    void aColumnPerLayerAlsoWhenTheRatesDifferOnlyLater() throws IOException {
        CounterSchedule first = Schedules.parse("constant(lr=0.2)");
        CounterSchedule second = Schedules.parse("exponential(lr=0.2, rate=0.9, unit=iteration)");
        MultiLayerNetwork network = TinyNetworks.network(twoRates(first.toString(), second.toString()));
        StringWriter csv = new StringWriter();
        RateRecorder recorder = new RateRecorder(csv);
        network.setListeners(recorder);

        network.fit(TinyNetworks.iterator(TinyNetworks.batches(BATCHES, BATCH)), 1);
        recorder.close();

        assertThat(csv.toString()).startsWith("iteration,epoch,loss,rate_0,rate_1\n");
        assertThat(rows(csv).get(2)).hasSize(5);
        assertThat(Double.parseDouble(rows(csv).get(2)[4])).isEqualTo(second.valueAt(2, 0));
    }
}
