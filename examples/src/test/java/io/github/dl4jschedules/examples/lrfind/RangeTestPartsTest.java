package io.github.dl4jschedules.examples.lrfind;

import io.github.dl4jschedules.Schedules;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The range test's schedule, smoothing and suggestion rules against values worked out by hand. */
class RangeTestPartsTest {

    @Test
    void rampIsExponentialThenHolds() {
        ExponentialRamp ramp = new ExponentialRamp(1e-7, 10, 100);
        assertThat(ramp.valueAt(0, 0)).isEqualTo(1e-7);
        assertThat(ramp.valueAt(50, 0)).isCloseTo(1e-3, within(1e-15));
        assertThat(ramp.valueAt(25, 0)).isCloseTo(1e-5, within(1e-17));
        assertThat(ramp.valueAt(100, 3)).isCloseTo(10, within(1e-12));
        assertThat(ramp.valueAt(Integer.MAX_VALUE, 0)).isCloseTo(10, within(1e-12));
        assertThat(ramp.valueAt(51, 0) / ramp.valueAt(50, 0)).as("equal ratios").isCloseTo(Math.pow(1e8, 0.01), within(1e-12));
    }

    @Test
    void rampRejectsBadArguments() {
        assertThatThrownBy(() -> new ExponentialRamp(0, 1, 10)).hasMessage("exponential-ramp: start must be finite and > 0, got start=0.0");
        assertThatThrownBy(() -> new ExponentialRamp(1, 1, 10)).hasMessage("exponential-ramp: end must be finite and > start=1.0, got end=1.0");
        assertThatThrownBy(() -> new ExponentialRamp(1, 2, 0)).hasMessage("exponential-ramp: steps must be >= 1, got steps=0");
    }

    @Test
    void rampSurvivesDl4jJsonAndJavaSerialisation() throws Exception {
        ExponentialRamp ramp = new ExponentialRamp(1e-6, 1, 200);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().updater(new Adam(ramp)).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build();
        assertThat(MultiLayerConfiguration.fromJson(conf.toJson())).isEqualTo(conf);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ramp);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(ramp);
        }
        assertThat(ramp.clone()).isSameAs(ramp);
        assertThat(Schedules.names()).doesNotContain("exponential-ramp");
    }

    @Test
    void smoothingIsFastaisBiasCorrectedAverage() {
        SmoothedLoss smoothed = new SmoothedLoss(0.5);
        assertThat(smoothed.add(1)).isEqualTo(1.0);                          // 0.5 / (1 - 0.5)
        assertThat(smoothed.add(3)).isCloseTo(1.75 / 0.75, within(1e-15));   // (0.25 + 1.5) / (1 - 0.25)
        SmoothedLoss constant = new SmoothedLoss(0.98);
        for (int i = 0; i < 100; i++) {
            assertThat(constant.add(2.5)).isCloseTo(2.5, within(1e-12));
        }
    }

    /**
     * 30 points, rates 10^(i/10 - 3); smoothed loss 2, 2, ..., falling by 0.1, 0.2, 0.4 per point, then
     * rising. With --iterations 30: the first 3 and last 5 points are skipped.
     */
    @Test
    void suggestionsFollowFastaisRules() {
        double[] smoothed = new double[30];
        for (int i = 0; i < 30; i++) {
            smoothed[i] = i <= 10 ? 2.0 : i == 11 ? 1.9 : i == 12 ? 1.7 : i == 13 ? 1.3 : i == 14 ? 1.2 : 1.2 + 0.1 * (i - 14);
        }
        List<RangeTest.Point> points = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            points.add(new RangeTest.Point(i, Math.pow(10, i / 10.0 - 3), smoothed[i], smoothed[i]));
        }
        Suggestion suggestion = Suggestion.of(points, 30);
        assertThat(suggestion.steepest()).as("steepest step: 12 -> 13").isCloseTo(Math.pow(10, 12 / 10.0 - 3), within(1e-12));
        assertThat(suggestion.minimum()).isCloseTo(Math.pow(10, 14 / 10.0 - 3), within(1e-12));
        assertThat(suggestion.minimumTenth()).isCloseTo(Math.pow(10, 14 / 10.0 - 4), within(1e-12));
    }

    @Test
    void tooShortACurveHasNoSuggestion() {
        List<RangeTest.Point> points = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            points.add(new RangeTest.Point(i, 1e-3 * (i + 1), 1, 1));
        }
        assertThatThrownBy(() -> Suggestion.of(points, 100))
                .hasMessageContaining("stopped after 7 iterations, too early to read a curve");
    }
}
