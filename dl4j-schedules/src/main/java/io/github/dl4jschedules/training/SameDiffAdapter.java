package io.github.dl4jschedules.training;

import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.List;
import java.util.Map;

/**
 * A {@link SameDiff} model: one unit, {@value #UNIT}, the {@link TrainingConfig}'s updater, which
 * SameDiff shares among the updaters of all its variables; the counters are the training config's.
 *
 * <p>Changing the schedule sets it on that shared updater configuration
 * ({@link IUpdater#setLrAndSchedule}): every variable's updater (and its state) stays and reads the
 * new schedule at its next update, as {@code MultiLayerNetwork.setLearningRate} does for a layer.
 */
final class SameDiffAdapter extends ModelAdapter {

    /** The id of a SameDiff model's one unit. */
    static final String UNIT = "updater";

    private final SameDiff sameDiff;

    SameDiffAdapter(SameDiff sameDiff) {
        if (sameDiff.getTrainingConfig() == null) {
            throw new IllegalArgumentException("the SameDiff model has no training configuration; "
                    + "call setTrainingConfig(TrainingConfig) first");
        }
        this.sameDiff = sameDiff;
    }

    @Override
    public Object model() {
        return sameDiff;
    }

    private TrainingConfig config() {
        return sameDiff.getTrainingConfig();
    }

    @Override
    public int iteration() {
        return config().getIterationCount();
    }

    @Override
    public int epoch() {
        return config().getEpochCount();
    }

    @Override
    public void setCounters(int iteration, int epoch) {
        config().setIterationCount(iteration);
        config().setEpochCount(epoch);
    }

    @Override
    public Map<String, IUpdater> updaters() {
        IUpdater updater = config().getUpdater();
        return updater != null && updater.hasLearningRate() ? Map.of(UNIT, updater) : Map.of();
    }

    @Override
    public void setSchedule(String unit, ISchedule schedule) {
        if (!UNIT.equals(unit) || updaters().isEmpty()) {
            throw new IllegalArgumentException("no unit '" + unit + "' with a learning rate; a SameDiff model has "
                    + updaters().keySet());
        }
        config().getUpdater().setLrAndSchedule(Double.NaN, schedule);
    }

    /** The sum of the training config's loss variables on the batch. */
    @Override
    public double loss(DataSet batch) {
        List<String> losses = sameDiff.getLossVariables();
        if (losses.isEmpty()) {
            throw new IllegalStateException("the SameDiff model has no loss variable; call setLossVariables");
        }
        Map<String, INDArray> out = sameDiff.output(batch, losses.toArray(String[]::new));
        double total = 0;
        for (String loss : losses) {
            total += out.get(loss).sumNumber().doubleValue();
        }
        return total;
    }

    /**
     * Evaluates the model's one output (set with {@link SameDiff#setOutputs}) against the labels.
     *
     * @throws IllegalStateException unless exactly one output is set
     */
    @Override
    public Evaluation evaluate(DataSetIterator data) {
        List<String> outputs = sameDiff.outputs();
        if (outputs == null || outputs.size() != 1) {
            throw new IllegalStateException("to evaluate a SameDiff model, set its one prediction variable with "
                    + "SameDiff.setOutputs(name); outputs now: " + outputs);
        }
        Evaluation evaluation = new Evaluation();
        sameDiff.evaluate(data, outputs.get(0), evaluation);
        return evaluation;
    }

    @Override
    void listen(TrainingListener listener, TrainingHooks hooks) {
        sameDiff.addListeners(new SameDiffListener(hooks, false));
    }
}
