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
import java.util.Optional;

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
     * @return a new adapter over {@code model}, which it reads and changes in place
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

    /** {@return the model this adapter reads and changes, the object given to {@link #of}} */
    public abstract Object model();

    /** {@return the iteration counter of the next parameter update (updates done so far)} */
    public abstract int iteration();

    /** {@return the epoch counter (epochs completed so far)} */
    public abstract int epoch();

    /**
     * Sets both counters wherever the model keeps them (for a network also in every layer, which
     * dropout reads), so the next update uses them.
     *
     * @param iteration the iteration counter of the next update (updates done so far), as {@link #iteration()}
     * @param epoch     the epoch counter (epochs completed so far), as {@link #epoch()}
     */
    public abstract void setCounters(int iteration, int epoch);

    /**
     * {@return unit id to updater configuration, for the units whose updater has a learning rate, in model order}
     * The map is a new one on each call (empty if no unit has a learning rate); its values are the model's own
     * updater configurations.
     */
    public abstract Map<String, IUpdater> updaters();

    /**
     * Replaces a unit's rate schedule. The updater's state (Adam's moments) stays.
     *
     * @param unit     a unit id, a key of {@link #updaters()}
     * @param schedule the new learning-rate schedule, read by the unit's updater from its next update on
     * @throws IllegalArgumentException if the model has no such unit
     */
    public abstract void setSchedule(String unit, ISchedule schedule);

    /**
     * The rate the first unit's updater applies at these counters: what the update with this
     * iteration and epoch multiplies the gradient by, with {@code Sgd}.
     *
     * @param iteration the iteration counter of the update
     * @param epoch     the epoch counter of the update
     * @return the first unit's {@code IUpdater.getLearningRate(iteration, epoch)}
     * @throws IllegalStateException if no unit has a learning rate
     */
    public double appliedRate(int iteration, int epoch) {
        return updaters().values().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the model has no unit with a learning rate"))
                .getLearningRate(iteration, epoch);
    }

    /**
     * The learning-rate schedule of an updater configuration. ND4J's configurations with a learning rate
     * (Sgd, Adam, Nesterovs, ...) all have {@code getLearningRateSchedule()}, which {@link IUpdater} does
     * not declare; one without it (AdaDelta, NoOp) has no learning rate to schedule.
     *
     * @param updater an updater configuration
     * @return its schedule; empty for a fixed rate or no learning rate
     * @throws IllegalStateException if the schedule cannot be read
     */
    public static Optional<ISchedule> learningRateSchedule(IUpdater updater) {
        try {
            return Optional.ofNullable((ISchedule) updater.getClass().getMethod("getLearningRateSchedule").invoke(updater));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the rate schedule of " + updater.getClass().getName(), e);
        }
    }

    /**
     * {@return the loss on one batch, as the model's training reports it (mean over the batch's examples)}
     *
     * @param batch features and labels of one batch
     */
    public abstract double loss(DataSet batch);

    /**
     * {@return the classification evaluation of the model on what is left of {@code data}}
     *
     * @param data the labelled examples to evaluate on, read from where the iterator stands
     */
    public abstract Evaluation evaluate(DataSetIterator data);

    /**
     * Lets one of this package's training parts follow the model's training: a network gets the
     * part's DL4J listener, a SameDiff model a {@link SameDiffListener} calling the part's hooks.
     * Only {@link RateController#attach} registers itself.
     */
    abstract void listen(TrainingListener listener, TrainingHooks hooks);
}
