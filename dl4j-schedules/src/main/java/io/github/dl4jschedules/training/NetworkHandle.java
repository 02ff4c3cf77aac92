package io.github.dl4jschedules.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few things the training-time parts need from a {@link MultiLayerNetwork} or a
 * {@link ComputationGraph}: its counters, and each trainable layer's updater and rate schedule.
 * Layers are named by index for a {@code MultiLayerNetwork} and by name for a graph.
 */
abstract class NetworkHandle {

    static NetworkHandle of(Model model) {
        if (model instanceof MultiLayerNetwork network) {
            return new MultiLayer(network);
        }
        if (model instanceof ComputationGraph graph) {
            return new Graph(graph);
        }
        throw new IllegalArgumentException("expected a MultiLayerNetwork or ComputationGraph, got "
                + (model == null ? "null" : model.getClass().getName()));
    }

    abstract int iteration();

    abstract int epoch();

    /** Layer id to updater, for the layers whose updater has a learning rate, in network order. */
    abstract Map<String, IUpdater> updaters();

    /** Replaces a layer's rate schedule; DL4J keeps the updater's state (its moments) while doing so. */
    abstract void setSchedule(String layer, ISchedule schedule);

    static Map<String, IUpdater> trainable(Map<String, Layer> layers) {
        Map<String, IUpdater> updaters = new LinkedHashMap<>();
        layers.forEach((id, layer) -> {
            if (layer.numParams() > 0 && layer.conf().getLayer() instanceof BaseLayer base
                    && base.getIUpdater() != null && base.getIUpdater().hasLearningRate()) {
                updaters.put(id, base.getIUpdater());
            }
        });
        return updaters;
    }

    private static final class MultiLayer extends NetworkHandle {
        private final MultiLayerNetwork network;

        MultiLayer(MultiLayerNetwork network) {
            this.network = network;
        }

        @Override
        int iteration() {
            return network.getIterationCount();
        }

        @Override
        int epoch() {
            return network.getEpochCount();
        }

        @Override
        Map<String, IUpdater> updaters() {
            Map<String, Layer> layers = new LinkedHashMap<>();
            Layer[] all = network.getLayers();
            for (int i = 0; i < all.length; i++) {
                layers.put(Integer.toString(i), all[i]);
            }
            return trainable(layers);
        }

        @Override
        void setSchedule(String layer, ISchedule schedule) {
            network.setLearningRate(Integer.parseInt(layer), schedule);
        }
    }

    private static final class Graph extends NetworkHandle {
        private final ComputationGraph graph;

        Graph(ComputationGraph graph) {
            this.graph = graph;
        }

        @Override
        int iteration() {
            return graph.getConfiguration().getIterationCount();
        }

        @Override
        int epoch() {
            return graph.getConfiguration().getEpochCount();
        }

        @Override
        Map<String, IUpdater> updaters() {
            Map<String, Layer> layers = new LinkedHashMap<>();
            for (Layer layer : graph.getLayers()) {
                layers.put(layer.conf().getLayer().getLayerName(), layer);
            }
            return trainable(layers);
        }

        @Override
        void setSchedule(String layer, ISchedule schedule) {
            graph.setLearningRate(layer, schedule);
        }
    }
}
