package io.github.dl4jschedules.dl4j;

import io.github.dl4jschedules.Schedules;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.schedule.ISchedule;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate DL4J's updater really applies follows the schedule: with {@code Sgd}, plain gradient
 * descent, every iteration changes the parameters by exactly {@code -lr(iteration, epoch) * g / B}
 * ({@code g} the summed gradient DL4J computes, {@code B} the mini-batch size it divides by).
 */
class AppliedRateTest {

    private static final int BATCHES_PER_EPOCH = 3;
    private static final int BATCH = 5;
    private static final int EPOCHS = 4;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "inverse-time(lr=0.2, decay=1, unit=epoch, first=1)",
            "exponential(lr=0.5, rate=0.7, unit=iteration)",
            "inverse-sqrt(lr=0.3, unit=iteration)",
            "step(lr=0.4, factor=0.5, every=1, unit=epoch)",
            "piecewise(values=[0.3, 0.1, 0.02], at=[2, 7], unit=iteration)"})
    void sgdStepIsMinusRateTimesGradientAtEveryIteration(String spec) {
        ISchedule schedule = Schedules.parse(spec);
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(schedule)));
        SgdSteps steps = new SgdSteps();
        network.setListeners(steps);

        network.fit(TinyNetworks.iterator(TinyNetworks.batches(BATCHES_PER_EPOCH, BATCH)), EPOCHS);

        steps.assertRates(i -> schedule.valueAt(i, i / BATCHES_PER_EPOCH), BATCH, BATCHES_PER_EPOCH,
                BATCHES_PER_EPOCH * EPOCHS);
    }

    /**
     * Adam's first step, in the paper's efficient form (Kingma and Ba 2015, section 2:
     * {@code alpha_t = lr * sqrt(1 - beta2) / (1 - beta1)}, {@code m = (1 - beta1) g},
     * {@code v = (1 - beta2) g^2}), moves every parameter by {@code lr * g / (|g| + eps / sqrt(1 - beta2))},
     * so the step's size shows the rate Adam was given.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"exponential(lr=0.01, rate=0.5, unit=iteration, first=3)", "constant(lr=0.004)"})
    void adamFirstStepHasTheScheduledSize(String spec) {
        ISchedule schedule = Schedules.parse(spec);
        Adam adam = new Adam(schedule);
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(adam));
        SgdSteps recorder = new SgdSteps();
        network.setListeners(recorder);

        DataSet batch = TinyNetworks.batches(1, BATCH).get(0);
        network.fit(batch);

        SgdSteps.Step step = recorder.steps.get(0);
        INDArray g = step.gradient().div(BATCH);
        double epsilon = adam.getEpsilon() / Math.sqrt(1 - adam.getBeta2());
        INDArray expected = step.before().sub(g.div(Transforms.abs(g).add(epsilon)).mul(schedule.valueAt(0, 0)));
        assertThat(maxAbsDifference(step.after(), expected)).isLessThan(1e-9);
        assertThat(schedule.valueAt(0, 0)).isNotEqualTo(adam.getLearningRate());
    }

    private static double maxAbsDifference(INDArray a, INDArray b) {
        return Transforms.abs(a.sub(b)).maxNumber().doubleValue();
    }
}
