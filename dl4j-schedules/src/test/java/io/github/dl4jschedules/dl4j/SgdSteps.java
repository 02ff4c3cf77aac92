package io.github.dl4jschedules.dl4j;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records every update of a network trained with {@code Sgd}: the counters, the parameters before,
 * the raw gradient and the parameters after. Plain gradient descent changes the parameters by exactly
 * {@code -lr * g / B}, so each step shows the rate the real updater applied.
 * Order-independent: the "before" side is taken in {@code onGradientCalculation}, before the updater runs.
 */
public final class SgdSteps extends BaseTrainingListener {

    public record Step(int iteration, int epoch, INDArray before, INDArray gradient, INDArray after) {

        /** The largest deviation from {@code before - lr * g / batch}. */
        public double residual(double lr, int batch) {
            INDArray expected = before.sub(gradient.mul(lr / batch));
            return Transforms.abs(after.sub(expected)).maxNumber().doubleValue();
        }

        /** The rate the step implies (least squares), for messages. */
        public double impliedRate(int batch) {
            INDArray g = gradient.div(batch);
            return before.sub(after).mul(g).sumNumber().doubleValue() / g.mul(g).sumNumber().doubleValue();
        }
    }

    public final List<Step> steps = new ArrayList<>();
    private int iteration;
    private int epoch;
    private INDArray before;
    private INDArray gradient;

    @Override
    public void onGradientCalculation(Model model) {
        if (model instanceof MultiLayerNetwork network) {
            iteration = network.getIterationCount();
            epoch = network.getEpochCount();
            gradient = network.getGradientsViewArray().dup();
        } else {
            ComputationGraph graph = (ComputationGraph) model;
            iteration = graph.getIterationCount();
            epoch = graph.getEpochCount();
            gradient = graph.getGradientsViewArray().dup();
        }
        before = model.params().dup();
    }

    @Override
    public void iterationDone(Model model, int iterationDone, int epochDone) {
        steps.add(new Step(iteration, epoch, before, gradient, model.params().dup()));
    }

    /**
     * Every recorded update used {@code expected.applyAsDouble(iteration)}, to 1e-12 on each parameter,
     * and the iterations run 0, 1, 2, ... with {@code batchesPerEpoch} per epoch.
     */
    public void assertRates(IntToDoubleFunction expected, int batch, int batchesPerEpoch, int count) {
        assertThat(steps).hasSize(count);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            assertThat(step.iteration()).isEqualTo(i);
            assertThat(step.epoch()).isEqualTo(i / batchesPerEpoch);
            assertThat(step.gradient().norm2Number().doubleValue()).as("a real gradient").isGreaterThan(1e-6);
            double lr = expected.applyAsDouble(i);
            assertThat(step.residual(lr, batch))
                    .as("iteration %d (epoch %d): expected rate %s, the update implies %s", i, step.epoch(), lr,
                            step.impliedRate(batch))
                    .isLessThan(1e-12);
        }
    }
}
