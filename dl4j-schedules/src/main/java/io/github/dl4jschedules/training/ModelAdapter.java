package io.github.dl4jschedules.training;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.Map;

/**
 * The one view of a model that the training-time parts, the parallel training and the examples use,
 * whatever the model kind: a {@link MultiLayerNetwork}, a {@link ComputationGraph} or a
 * {@link SameDiff} graph with a {@link org.nd4j.autodiff.samediff.TrainingConfig}.
 *
 * <p>It gives the model's counters (the ones its updaters read, hence every rate schedule), its
 * <i>units</i> with a learning rate and their updater configurations, and the rate the first unit's
 * updater applies at given counters. A unit is a trainable layer of a {@code MultiLayerNetwork}
 * (named by its index, {@code "0"}), a trainable layer of a graph (by its name), or, for SameDiff,
 * the whole model: a {@code TrainingConfig} holds one updater for every variable, so a SameDiff
 * model has one unit, {@code "updater"}.
 *
 * <pre>{@code
 * ModelAdapter model = ModelAdapter.of(network);               // or a graph, or a SameDiff
 * double rate = model.appliedRate(model.iteration(), model.epoch());
 * }</pre>
 */
public abstract sealed class ModelAdapter permits MultiLayerAdapter, GraphAdapter, SameDiffAdapter {

    ModelAdapter() {
    }

    /**
     * The adapter of a model.
     *
     * @param model a {@link MultiLayerNetwork} or {@link ComputationGraph} (initialised), or a
     *              {@link SameDiff} whose training configuration is set
     * @throws IllegalArgumentException for any other object, or a SameDiff without training configuration
     */
    public static ModelAdapter of(Object model) {
        if (model instanceof SameDiff sameDiff) {
            return new SameDiffAdapter(sameDiff);
        }
        if (model instanceof MultiLayerNetwork network) {
            return new MultiLayerAdapter(network);
        }
        if (model instanceof ComputationGraph graph) {
            return new GraphAdapter(graph);
        }
        throw new IllegalArgumentException("expected a MultiLayerNetwork, ComputationGraph or SameDiff, got "
                + (model == null ? "null" : model.getClass().getName()));
    }

    /** The model this adapter reads and changes. */
    public abstract Object model();

    /** The iteration counter of the next parameter update (updates done so far). */
    public abstract int iteration();

    /** The epoch counter (epochs completed so far). */
    public abstract int epoch();

    /**
     * Sets both counters wherever the model keeps them (for a network also in every layer, which
     * dropout reads), so the next update uses them.
     */
    public abstract void setCounters(int iteration, int epoch);

    /** Unit id to updater configuration, for the units whose updater has a learning rate, in model order. */
    public abstract Map<String, IUpdater> updaters();

    /**
     * Replaces a unit's rate schedule. The updater's state (Adam's moments) stays.
     *
     * @throws IllegalArgumentException if the model has no such unit
     */
    public abstract void setSchedule(String unit, ISchedule schedule);

    /**
     * The rate the first unit's updater applies at these counters: what the update with this
     * iteration and epoch multiplies the gradient by, with {@code Sgd}.
     *
     * @throws IllegalStateException if no unit has a learning rate
     */
    public double appliedRate(int iteration, int epoch) {
        return updaters().values().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the model has no unit with a learning rate"))
                .getLearningRate(iteration, epoch);
    }

    /** The loss on one batch, as the model's training reports it (mean over the batch's examples). */
    public abstract double loss(DataSet batch);

    /** Classification evaluation of the model on what is left of {@code data}. */
    public abstract Evaluation evaluate(DataSetIterator data);

    /**
     * Lets one of this package's training parts follow the model's training: a network gets the
     * part's DL4J listener, a SameDiff model a {@link SameDiffListener} calling the part's hooks.
     * Only {@link RateController#attach} registers itself.
     */
    abstract void listen(TrainingListener listener, TrainingHooks hooks);
}
