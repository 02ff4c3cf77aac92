package io.github.dl4jschedules.parallel;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A network's iteration and epoch counters, which DL4J keeps in its configuration (read by the
 * updater, hence by every rate schedule) and copies into each layer (read by dropout).
 */
final class Counters {

    private Counters() {
    }

    static int iteration(Model model) {
        return check(model) instanceof MultiLayerNetwork network ? network.getIterationCount()
                : ((ComputationGraph) model).getIterationCount();
    }

    static int epoch(Model model) {
        return check(model) instanceof MultiLayerNetwork network ? network.getEpochCount()
                : ((ComputationGraph) model).getEpochCount();
    }

    /** Sets both counters on the configuration and on every layer. */
    static void set(Model model, int iteration, int epoch) {
        Layer[] layers;
        if (check(model) instanceof MultiLayerNetwork network) {
            network.setIterationCount(iteration);
            network.setEpochCount(epoch);
            layers = network.getLayers();
        } else {
            ComputationGraph graph = (ComputationGraph) model;
            graph.getConfiguration().setIterationCount(iteration);
            graph.getConfiguration().setEpochCount(epoch);
            layers = graph.getLayers();
        }
        for (Layer layer : layers) {
            layer.setIterationCount(iteration);
            layer.setEpochCount(epoch);
        }
    }

    static Model check(Model model) {
        if (model instanceof MultiLayerNetwork || model instanceof ComputationGraph) {
            return model;
        }
        throw new IllegalArgumentException("expected a MultiLayerNetwork or ComputationGraph, got "
                + (model == null ? "null" : model.getClass().getName()));
    }
}
