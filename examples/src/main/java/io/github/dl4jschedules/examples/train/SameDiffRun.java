package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.run.EpochLoop;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.EpochStatistics;
import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.examples.run.TrainingRun;
import io.github.dl4jschedules.examples.data.MnistData;
import io.github.dl4jschedules.training.ModelAdapter;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.dataset.api.MultiDataSet;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * One training of a {@link ModelKind} built in SameDiff: the updater, driven by the schedule, sits in
 * the model's {@code TrainingConfig}; each epoch is one {@code SameDiff.fit(iterator, 1)}, whose
 * counters continue from the last, and is evaluated on the test split like {@link TrainingRun}. The
 * rate reported is the one the updater applied at the epoch's last update ({@link ModelAdapter#appliedRate}).
 */
final class SameDiffRun {

    private final TrainingRun.Settings settings;

    /** @param settings a new run's settings ({@code train} refuses {@code --resume} with this engine) */
    SameDiffRun(TrainingRun.Settings settings) {
        this.settings = settings;
    }

    /** Trains and returns one result per epoch. */
    List<EpochResult> run(TrainingData data, TrainingRun.Observer observer, PrintWriter console) {
        SameDiff sd = SameDiffModels.build(settings.model(), settings.updater().withRate(settings.schedule()),
                settings.seed(), data.height(), data.width(), MnistData.NUM_CLASSES);
        ModelAdapter model = ModelAdapter.of(sd);
        long parameters = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
        console.printf(Locale.ROOT, "parameters: %,d; SameDiff engine%n", parameters);
        EpochStatistics statistics = new EpochStatistics(observer);
        sd.addListeners(new StatisticsListener(model, statistics));

        int batches = (int) Math.ceil(data.trainSize() / (double) data.train().batch());
        return EpochLoop.run(1, settings.epochs(), batches, new EpochLoop.Epoch() {
            @Override
            public void prepare() {
                statistics.reset();
                data.train().reset();
            }

            @Override
            public void fit() {
                sd.fit(data.train(), 1);
            }

            @Override
            public EpochResult result(int epoch, double seconds) {
                return new EpochResult(epoch, statistics.meanLoss(), EpochLoop.testAccuracy(model, data),
                        statistics.lastRate(), seconds);
            }
        }, observer);
    }

    /**
     * Reports every update to the epoch's statistics. The loss of each mini-batch is computed
     * before its update, as DL4J's score is, with one more forward pass: SameDiff 1.0.0-M2.1 hands its
     * listeners a loss of 0 for this softmax cross-entropy (its backward pass does not need the loss value).
     */
    private static final class StatisticsListener extends BaseListener {
        private final ModelAdapter model;
        private final EpochStatistics statistics;
        private double loss;

        StatisticsListener(ModelAdapter model, EpochStatistics statistics) {
            this.model = model;
            this.statistics = statistics;
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlTimeMs) {
            loss = sd.output(data, SameDiffModels.LOSS).get(SameDiffModels.LOSS).getDouble(0);
        }

        @Override
        public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss reported) {
            statistics.record(at.iteration(), loss, model.appliedRate(at.iteration(), at.epoch()));
        }
    }
}
