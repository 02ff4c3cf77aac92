package io.github.dl4jschedules.transfer;

import io.github.dl4jschedules.schedules.Check;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.Scaled;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Layer-wise learning-rate decay: every trainable layer gets the base schedule scaled by
 * {@code decay^depth},
 * <pre>
 * alpha_l(n) = decay^depth(l) * base(n)      = scaled(factor=decay^depth(l), of=base)
 * </pre>
 * Legend: {@code base} the schedule of the top layer; {@code decay} in {@code (0, 1]};
 * {@code depth(l)} the number of layers with parameters on the longest path from layer {@code l} to
 * an output, {@code l} not counted: the output layer has depth 0, the layer below it 1, and so on.
 * Layers without parameters (pooling, activation, dropout, merge and other graph vertices) do not
 * count; frozen layers count (the depth is the architecture's) but are left alone. In a graph with
 * skip connections the longest path is the one through the blocks, so a residual network's layers
 * are numbered by block.
 *
 * <p>This is the discriminative fine-tuning of Howard and Ruder 2018 (ULMFiT: {@code eta^(l-1) =
 * eta^l / 2.6}, that is {@code decay = 1/2.6}) and the {@code layer_decay} of BEiT (Bao et al. 2021)
 * and timm ({@code scale = layer_decay^(num_layers - layer_id)}), with DL4J layers as the groups.
 *
 * <p>Each trainable layer keeps its updater (Adam stays Adam with its betas); only the rate schedule
 * is replaced, through DL4J's {@code setLearningRate}, which keeps the updater state. The schedules
 * are ordinary {@link Scaled} values in the network's configuration: JSON, {@code ModelSerializer}
 * and resuming keep them, nothing needs applying again after a restore. Apply once; applying again
 * replaces the schedules, it does not compound.
 *
 * <pre>{@code
 * MultiLayerNetwork tuned = new TransferLearning.Builder(pretrained).setFeatureExtractor(0).build();
 * LayerDecay.of(0.75).apply(tuned, Schedules.parse("cosine(lr=1e-3, steps=5000)"));
 * }</pre>
 *
 * <p>Refused, with an {@link IllegalArgumentException} naming the layer: a trainable layer whose
 * updater has no learning rate (e.g. {@code AdaDelta}), or which has a separate bias updater (one rate
 * per layer is set here). Layers with the {@code NoOp} updater are left alone, like frozen ones.
 */
public final class LayerDecay {

    private final double decay;

    private LayerDecay(double decay) {
        this.decay = decay;
    }

    /**
     * @param decay the factor per layer of depth, in {@code (0, 1]} (1: every layer the base rate)
     * @return the decay
     * @throws IllegalArgumentException if {@code decay} is outside {@code (0, 1]}
     */
    public static LayerDecay of(double decay) {
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException(Check.message("layer decay", "decay", "in (0, 1]", decay));
        }
        return new LayerDecay(decay);
    }

    /** @return the factor per layer of depth */
    public double decay() {
        return decay;
    }

    /**
     * Gives every trainable layer {@code scaled(factor=decay^depth, of=base)}.
     *
     * @param network an initialised network
     * @param base    the top layer's schedule
     * @return layer index (as text, "0" the first) to the schedule it now has, in network order
     */
    public Map<String, CounterSchedule> apply(MultiLayerNetwork network, CounterSchedule base) {
        Map<String, CounterSchedule> schedules = schedules(trainable(depths(network), id ->
                network.getLayerWiseConfigurations().getConf(Integer.parseInt(id)).getLayer()), base);
        schedules.forEach((id, schedule) -> {
            ownUpdater(network.getLayer(Integer.parseInt(id)));
            network.setLearningRate(Integer.parseInt(id), schedule);
        });
        return schedules;
    }

    /**
     * Gives every trainable layer {@code scaled(factor=decay^depth, of=base)}.
     *
     * @param graph an initialised graph
     * @param base  the output layers' schedule
     * @return layer name to the schedule it now has, in topological order
     */
    public Map<String, CounterSchedule> apply(ComputationGraph graph, CounterSchedule base) {
        Map<String, GraphVertex> vertices = graph.getConfiguration().getVertices();
        Map<String, CounterSchedule> schedules = schedules(trainable(depths(graph), name ->
                vertices.get(name) instanceof LayerVertex vertex ? vertex.getLayerConf().getLayer() : null), base);
        schedules.forEach((name, schedule) -> {
            ownUpdater(graph.getLayer(name));
            graph.setLearningRate(name, schedule);
        });
        return schedules;
    }

    /**
     * The depth of every layer with parameters: how many layers with parameters lie after it, the
     * output layer 0.
     *
     * @param network an initialised network
     * @return layer index (as text) to depth, in network order, frozen layers included
     */
    public static Map<String, Integer> depths(MultiLayerNetwork network) {
        Layer[] layers = initialised(network.getLayers());
        List<String> ids = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        int below = 0;
        for (int i = layers.length - 1; i >= 0; i--) {
            if (layers[i].numParams() > 0) {
                ids.add(Integer.toString(i));
                depths.add(below++);
            }
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        for (int k = ids.size() - 1; k >= 0; k--) {
            result.put(ids.get(k), depths.get(k));
        }
        return result;
    }

    /**
     * The depth of every layer with parameters: the number of layers with parameters on the longest
     * path from it to an output, itself not counted.
     *
     * @param graph an initialised graph
     * @return layer name to depth, in topological order, frozen layers included
     */
    public static Map<String, Integer> depths(ComputationGraph graph) {
        initialised(graph.getLayers());
        ComputationGraphConfiguration configuration = graph.getConfiguration();
        Map<String, List<String>> consumers = new HashMap<>();
        configuration.getVertexInputs().forEach((vertex, inputs) -> inputs.forEach(input ->
                consumers.computeIfAbsent(input, k -> new ArrayList<>()).add(vertex)));
        int[] order = graph.topologicalSortOrder();
        org.deeplearning4j.nn.graph.vertex.GraphVertex[] vertices = graph.getVertices();
        Map<String, Integer> depth = new HashMap<>();
        for (int i = order.length - 1; i >= 0; i--) {
            String name = vertices[order[i]].getVertexName();
            int longest = 0;
            for (String consumer : consumers.getOrDefault(name, Collections.emptyList())) {
                longest = Math.max(longest, depth.get(consumer) + (hasParameters(graph, consumer) ? 1 : 0));
            }
            depth.put(name, longest);
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        for (int index : order) {
            String name = vertices[index].getVertexName();
            if (hasParameters(graph, name)) {
                result.put(name, depth.get(name));
            }
        }
        return result;
    }

    private static boolean hasParameters(ComputationGraph graph, String vertex) {
        return graph.getVertex(vertex).hasLayer() && graph.getLayer(vertex).numParams() > 0;
    }

    /** Of the layers with a depth, those with a rate to decay; refuses those that cannot take one. */
    private static Map<String, Integer> trainable(Map<String, Integer> depths,
                                                  Function<String, org.deeplearning4j.nn.conf.layers.Layer> configuration) {
        Map<String, Integer> trainable = new LinkedHashMap<>();
        depths.forEach((id, depth) -> {
            if (configuration.apply(id) instanceof BaseLayer layer && !(layer.getIUpdater() instanceof NoOp)) {
                IUpdater updater = layer.getIUpdater();
                if (updater == null || !updater.hasLearningRate()) {
                    throw new IllegalArgumentException("layer decay: layer " + id + " has updater "
                            + (updater == null ? "null" : updater.getClass().getSimpleName())
                            + ", which has no learning rate to decay");
                }
                if (layer.getBiasUpdater() != null) {
                    throw new IllegalArgumentException("layer decay: layer " + id + " has a separate bias updater ("
                            + layer.getBiasUpdater().getClass().getSimpleName()
                            + "); layer decay sets one rate per layer: remove biasUpdater(...) from its configuration");
                }
                trainable.put(id, depth);
            }
        });
        return trainable;
    }

    private Map<String, CounterSchedule> schedules(Map<String, Integer> depths, CounterSchedule base) {
        if (base == null) {
            throw new IllegalArgumentException("layer decay: base must be given, got null");
        }
        Map<String, CounterSchedule> schedules = new LinkedHashMap<>();
        depths.forEach((id, depth) -> schedules.put(id, new Scaled(Math.pow(decay, depth), base)));
        return schedules;
    }

    /**
     * DL4J changes a rate by mutating the layer's updater object; layers built from one builder may
     * share it, so each layer first gets a copy of its own.
     */
    private static void ownUpdater(Layer layer) {
        BaseLayer configuration = (BaseLayer) layer.conf().getLayer();
        configuration.setIUpdater(configuration.getIUpdater().clone());
    }

    private static Layer[] initialised(Layer[] layers) {
        if (layers == null) {
            throw new IllegalStateException("layer decay: the network is not initialised: call init() first");
        }
        return layers;
    }

    @Override
    public String toString() {
        return "layer decay " + decay;
    }
}
