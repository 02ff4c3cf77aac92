package io.github.dl4jschedules.earlystopping;

import org.deeplearning4j.earlystopping.EarlyStoppingModelSaver;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Keeps the best and the latest model of early stopping in memory, like DL4J's
 * {@link InMemoryModelSaver}, with their iteration and epoch counters, so that a kept model resumes
 * its schedule where it was saved.
 *
 * <p>DL4J 1.0.0-M2.1's {@code InMemoryModelSaver} copies a model with its {@code clone()}: a
 * {@code MultiLayerNetwork}'s clone keeps the counters, but a {@code ComputationGraph}'s does not
 * ({@code ComputationGraphConfiguration.clone()} leaves them at 0), so the best graph would restart
 * every schedule. This saver copies with {@code clone()} too (parameters and updater state) and sets
 * the copy's counters to the original's. DL4J's local-file savers keep counters and updater state of
 * both kinds already.
 *
 * @param <T> {@code MultiLayerNetwork} or {@code ComputationGraph}
 */
public final class CountingInMemoryModelSaver<T extends Model> implements EarlyStoppingModelSaver<T> {

    private static final long serialVersionUID = 1L;

    private transient T best;
    private transient T latest;

    /** An empty saver. */
    public CountingInMemoryModelSaver() {
    }

    /**
     * Keeps a copy of {@code network} as the best model.
     *
     * @param network a {@code MultiLayerNetwork} or {@code ComputationGraph}
     * @param score   its score (not used)
     */
    @Override
    public void saveBestModel(T network, double score) {
        best = copy(network);
    }

    /**
     * Keeps a copy of {@code network} as the latest model.
     *
     * @param network a {@code MultiLayerNetwork} or {@code ComputationGraph}
     * @param score   its score (not used)
     */
    @Override
    public void saveLatestModel(T network, double score) {
        latest = copy(network);
    }

    /** @return the best model kept, or {@code null} before the first */
    @Override
    public T getBestModel() {
        return best;
    }

    /** @return the latest model kept, or {@code null} before the first */
    @Override
    public T getLatestModel() {
        return latest;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Model> T copy(T model) {
        if (model instanceof MultiLayerNetwork network) {
            return (T) network.clone();
        }
        if (model instanceof ComputationGraph graph) {
            ComputationGraph copy = graph.clone();
            copy.getConfiguration().setIterationCount(graph.getIterationCount());
            copy.getConfiguration().setEpochCount(graph.getEpochCount());
            for (Layer layer : copy.getLayers()) {
                layer.setIterationCount(graph.getIterationCount());
                layer.setEpochCount(graph.getEpochCount());
            }
            return (T) copy;
        }
        throw new IllegalArgumentException("expected a MultiLayerNetwork or ComputationGraph, got "
                + (model == null ? "null" : model.getClass().getName()));
    }

    @Override
    public String toString() {
        return "CountingInMemoryModelSaver()";
    }
}
