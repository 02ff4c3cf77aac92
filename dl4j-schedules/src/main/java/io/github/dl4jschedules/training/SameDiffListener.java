package io.github.dl4jschedules.training;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerResponse;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.listeners.records.LossCurve;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Lets a training part ({@link RateController}, {@link ReduceOnPlateau}, {@link RateRecorder}) follow
 * a {@link SameDiff} training: SameDiff's listeners are {@code org.nd4j.autodiff.listeners.Listener}s,
 * not DL4J's {@code TrainingListener}s.
 *
 * <p>SameDiff's {@code fit(iterator, epochs)} calls, per iteration, {@code iterationStart} (with the
 * counters of the coming update), then computes the gradient and updates every variable, then {@code iterationDone}; per epoch,
 * {@code epochStart} and {@code epochEnd}, both before the epoch counter advances. There is no
 * callback between gradient and update that comes before the updater runs, so the parts act at
 * {@code iterationStart}: the gradient does not depend on the rate, so that is the same moment for
 * the rate as DL4J's {@code onGradientCalculation}.
 */
public final class SameDiffListener extends BaseListener {

    private final TrainingHooks hooks;
    private final boolean measureLoss;
    private double loss = Double.NaN;

    /**
     * @param measureLoss whether to compute the mini-batch loss before each update (one more forward
     *                    pass): SameDiff 1.0.0-M2.1 hands its listeners a loss of 0 when the backward pass
     *                    does not need the loss variable's value, as with softmax cross-entropy
     */
    SameDiffListener(TrainingHooks hooks, boolean measureLoss) {
        this.hooks = hooks;
        this.measureLoss = measureLoss;
    }

    /**
     * The SameDiff listener of a reduce-on-plateau: {@code sameDiff.addListeners(SameDiffListener.of(plateau))}.
     * Its controller ({@link RateController#attach}) listens by itself.
     *
     * @param plateau the reduce-on-plateau to step with its metric at each epoch's end
     * @return a new listener calling {@code plateau}'s hooks, without an extra forward pass
     */
    public static SameDiffListener of(ReduceOnPlateau plateau) {
        return new SameDiffListener(plateau.hooks(), false);
    }

    /**
     * The SameDiff listener of a rate recorder: {@code sameDiff.addListeners(SameDiffListener.of(recorder))}.
     * It computes each mini-batch's loss (the sum of the loss variables) before the update, as DL4J's
     * score is, with one more forward pass per iteration.
     *
     * @param recorder the rate recorder to give a row after each update, with the mini-batch loss measured before it
     * @return a new listener calling {@code recorder}'s hooks
     */
    public static SameDiffListener of(RateRecorder recorder) {
        return new SameDiffListener(recorder.hooks(), true);
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void epochStart(SameDiff sd, At at) {
        hooks.epochStart(ModelAdapter.of(sd));
    }

    @Override
    public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlTimeMs) {
        if (measureLoss) {
            loss = 0;
            sd.output(data, sd.getLossVariables().toArray(String[]::new))
                    .values().forEach(value -> loss += value.sumNumber().doubleValue());
        }
        hooks.beforeUpdate(ModelAdapter.of(sd));
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
        hooks.iterationDone(ModelAdapter.of(sd), at.iteration(), at.epoch(), measureLoss ? this.loss : loss.totalLoss());
    }

    @Override
    public ListenerResponse epochEnd(SameDiff sd, At at, LossCurve lossCurve, long epochTimeMillis) {
        hooks.epochEnd(ModelAdapter.of(sd));
        return ListenerResponse.CONTINUE;
    }
}
