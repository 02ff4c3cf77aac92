package io.github.dl4jschedules.transfer;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every update per layer (layer index as text in a {@code MultiLayerNetwork}, name in a graph):
 * parameters before, gradient, parameters after, and the counters. With {@code Sgd} a layer's step is
 * exactly {@code -lr * g / B}, so each layer's applied rate shows.
 */
final class LayerSteps extends BaseTrainingListener {

    record Step(int iteration, int epoch, Map<String, INDArray> before, Map<String, INDArray> gradient,
                Map<String, INDArray> after) {

        /** The largest deviation of layer {@code id}'s update from {@code -lr * g / batch}. */
        double residual(String id, double lr, int batch) {
            INDArray expected = before.get(id).sub(gradient.get(id).mul(lr / batch));
            return Transforms.abs(after.get(id).sub(expected)).maxNumber().doubleValue();
        }

        /** The rate layer {@code id}'s update implies (least squares), for messages. */
        double impliedRate(String id, int batch) {
            INDArray g = gradient.get(id).div(batch);
            return before.get(id).sub(after.get(id)).mul(g).sumNumber().doubleValue()
                    / g.mul(g).sumNumber().doubleValue();
        }

        boolean unchanged(String id) {
            return before.get(id).equals(after.get(id));
        }
    }

    final List<Step> steps = new ArrayList<>();
    private int iteration;
    private int epoch;
    private Map<String, INDArray> before;
    private Map<String, INDArray> gradient;

    @Override
    public void onGradientCalculation(Model model) {
        iteration = model instanceof MultiLayerNetwork n ? n.getIterationCount() : ((ComputationGraph) model).getIterationCount();
        epoch = model instanceof MultiLayerNetwork n ? n.getEpochCount() : ((ComputationGraph) model).getEpochCount();
        before = new LinkedHashMap<>();
        gradient = new LinkedHashMap<>();
        layers(model).forEach((id, layer) -> {
            before.put(id, layer.params().dup());
            INDArray view = layer.getGradientsViewArray();
            if (view != null) { // null for a frozen layer
                gradient.put(id, view.dup());
            }
        });
    }

    @Override
    public void iterationDone(Model model, int iterationDone, int epochDone) {
        Map<String, INDArray> after = new LinkedHashMap<>();
        layers(model).forEach((id, layer) -> after.put(id, layer.params().dup()));
        steps.add(new Step(iteration, epoch, before, gradient, after));
    }

    private static Map<String, Layer> layers(Model model) {
        Map<String, Layer> layers = new LinkedHashMap<>();
        if (model instanceof MultiLayerNetwork network) {
            Layer[] all = network.getLayers();
            for (int i = 0; i < all.length; i++) {
                if (all[i].numParams() > 0) {
                    layers.put(Integer.toString(i), all[i]);
                }
            }
        } else {
            for (Layer layer : ((ComputationGraph) model).getLayers()) {
                if (layer.numParams() > 0) {
                    layers.put(layer.conf().getLayer().getLayerName(), layer);
                }
            }
        }
        return layers;
    }
}
