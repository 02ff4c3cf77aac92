package io.github.dl4jschedules.examples.speed;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;

/**
 * Splits the time of {@code MultiLayerNetwork.fit} into phases by the listener calls DL4J M2.1 makes in
 * every iteration ({@code MultiLayerNetwork.computeGradientAndScore}, {@code BaseOptimizer},
 * {@code StochasticGradientDescent.optimize}):
 * <ol>
 *   <li>{@link Phase#DATA_AND_FORWARD}: from the epoch's start or the previous iteration's end to
 *       {@code onForwardPass}: the next batch from the iterator and the forward pass through every layer
 *       but the output layer;</li>
 *   <li>{@link Phase#OUTPUT_AND_BACKWARD}: to {@code onBackwardPass}: the output layer's forward pass and
 *       loss, and the backward pass through every layer;</li>
 *   <li>{@link Phase#UPDATER}: to {@code iterationDone}: the updater (Adam, with the schedule's
 *       {@code valueAt}) and {@code params -= update}.</li>
 * </ol>
 * The times are wall-clock nanoseconds summed over the iterations since the last {@link #reset()}.
 */
final class PhaseTimer extends BaseTrainingListener {

    /** The phases, in the order they happen in an iteration. */
    enum Phase {
        /** Next batch and forward through all layers but the output layer. */
        DATA_AND_FORWARD("data + forward (all layers but the output layer)"),
        /** Output layer forward and loss, then backward through every layer. */
        OUTPUT_AND_BACKWARD("output layer forward + loss, backward (all layers)"),
        /** The updater and the parameter step. */
        UPDATER("updater (Adam, schedule) + parameter step");

        private final String description;

        Phase(String description) {
            this.description = description;
        }

        /** What the phase covers. */
        String description() {
            return description;
        }
    }

    private final long[] nanos = new long[Phase.values().length];
    private long last;
    private int iterations;

    /** Forgets the sums (call before the epoch to measure). */
    void reset() {
        Arrays.fill(nanos, 0);
        iterations = 0;
    }

    /** Nanoseconds summed in {@code phase}. */
    long nanos(Phase phase) {
        return nanos[phase.ordinal()];
    }

    /** Iterations completed since {@link #reset()}. */
    int iterations() {
        return iterations;
    }

    @Override
    public void onEpochStart(Model model) {
        last = System.nanoTime();
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        mark(Phase.DATA_AND_FORWARD);
    }

    @Override
    public void onBackwardPass(Model model) {
        mark(Phase.OUTPUT_AND_BACKWARD);
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        mark(Phase.UPDATER);
        iterations++;
    }

    private void mark(Phase phase) {
        long now = System.nanoTime();
        nanos[phase.ordinal()] += now - last;
        last = now;
    }
}
