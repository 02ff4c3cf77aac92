package io.github.dl4jschedules.transfer;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The counters of a network built for fine-tuning, by choice: continue from the pre-trained network,
 * or restart from 0.
 *
 * <p><b>What DL4J does.</b> In DL4J 1.0.0-M2.1, {@code TransferLearning.Builder} and
 * {@code TransferLearning.GraphBuilder} build a new configuration: the new network counts iteration 0
 * and epoch 0 whatever the source had trained, and its updater state (Adam's moments, momentum) starts
 * at zero. Each layer keeps its updater, schedule included, unless the {@code FineTuneConfiguration}
 * sets one ({@code .updater(...)}), which then replaces every layer's. So by default a schedule
 * <i>restarts</i> from its beginning with the fine-tuning: right for a new schedule given to the
 * fine-tuning, wrong for continuing the pre-training's decay.
 *
 * <ul>
 *   <li>{@link #continueFrom(MultiLayerNetwork, MultiLayerNetwork)}: the new network counts on from the
 *   source's iteration and epoch, so the kept schedule goes on where the source stopped (the
 *   pre-training's epoch 2 is followed by epoch 2 of the fine-tuning, with that epoch's rate).</li>
 *   <li>{@link #restart(MultiLayerNetwork)}: both counters 0 (what {@code TransferLearning} does now; say
 *   so in code, and stay right if DL4J changes).</li>
 * </ul>
 * Either way the updater state is the new network's own (zero after {@code TransferLearning}). Note
 * for Adam-family updaters: ND4J corrects the moments' bias by the iteration count ({@code t =
 * iteration + 1}), so continuing the counters with zeroed moments makes the first steps smaller than
 * Adam's first step ({@code lr * sqrt(1 - beta2^t) / (1 - beta1^t)} instead of
 * {@code lr * sqrt(1 - beta2) / (1 - beta1)}).
 *
 * <pre>{@code
 * MultiLayerNetwork tuned = new TransferLearning.Builder(pretrained).setFeatureExtractor(1).build();
 * TransferCounters.continueFrom(pretrained, tuned);
 * }</pre>
 */
public final class TransferCounters {

    private TransferCounters() {
    }

    /**
     * Gives {@code target} the iteration and epoch counts of {@code source}.
     *
     * @param source the pre-trained network
     * @param target the network built from it, initialised
     */
    public static void continueFrom(MultiLayerNetwork source, MultiLayerNetwork target) {
        set(target, source.getIterationCount(), source.getEpochCount());
    }

    /**
     * Gives {@code target} the iteration and epoch counts of {@code source}.
     *
     * @param source the pre-trained graph
     * @param target the graph built from it, initialised
     */
    public static void continueFrom(ComputationGraph source, ComputationGraph target) {
        set(target, source.getIterationCount(), source.getEpochCount());
    }

    /**
     * Sets both counters of {@code network} to 0: its schedules start from their beginning.
     *
     * @param network an initialised network
     */
    public static void restart(MultiLayerNetwork network) {
        set(network, 0, 0);
    }

    /**
     * Sets both counters of {@code graph} to 0: its schedules start from their beginning.
     *
     * @param graph an initialised graph
     */
    public static void restart(ComputationGraph graph) {
        set(graph, 0, 0);
    }

    /** The configuration's counters (read by the updater) and each layer's (read by dropout). */
    private static void set(MultiLayerNetwork network, int iteration, int epoch) {
        network.setIterationCount(iteration);
        network.setEpochCount(epoch);
        setLayers(initialised(network.getLayers()), iteration, epoch);
    }

    private static void set(ComputationGraph graph, int iteration, int epoch) {
        graph.getConfiguration().setIterationCount(iteration);
        graph.getConfiguration().setEpochCount(epoch);
        setLayers(initialised(graph.getLayers()), iteration, epoch);
    }

    private static Layer[] initialised(Layer[] layers) {
        if (layers == null) {
            throw new IllegalStateException("the network is not initialised: call init() first");
        }
        return layers;
    }

    private static void setLayers(Layer[] layers, int iteration, int epoch) {
        for (Layer layer : layers) {
            layer.setIterationCount(iteration);
            layer.setEpochCount(epoch);
        }
    }
}
