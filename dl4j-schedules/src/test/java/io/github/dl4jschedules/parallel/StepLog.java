package io.github.dl4jschedules.parallel;

import io.github.dl4jschedules.training.ModelAdapter;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records every update of every network it listens to, from any thread: the counters the updater
 * is about to use, the parameters before, the raw gradient, and the parameters after.
 */
final class StepLog extends BaseTrainingListener {

    record Step(Model model, int iteration, int epoch, INDArray before, INDArray gradient, INDArray after) {
    }

    private record Pending(int iteration, int epoch, INDArray before, INDArray gradient) {
    }

    private final Queue<Step> steps = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();

    @Override
    public void onGradientCalculation(Model model) {
        INDArray gradient = model instanceof MultiLayerNetwork network ? network.getGradientsViewArray()
                : ((ComputationGraph) model).getGradientsViewArray();
        ModelAdapter counters = ModelAdapter.of(model);
        pending.set(new Pending(counters.iteration(), counters.epoch(), model.params().dup(), gradient.dup()));
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        Pending p = pending.get();
        steps.add(new Step(model, p.iteration(), p.epoch(), p.before(), p.gradient(), model.params().dup()));
    }

    /** The steps ordered by iteration counter. */
    List<Step> byIteration() {
        List<Step> list = new ArrayList<>(steps);
        list.sort(Comparator.comparingInt(Step::iteration));
        return list;
    }
}
