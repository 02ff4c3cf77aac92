package io.github.dl4jschedules.samediff;

import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A SameDiff model whose gradient is known by hand: {@code loss = mean_i(x_i . w - y_i)} over the
 * mini-batch, so {@code dloss/dw_j = mean_i x_ij} whatever {@code w}, and with {@code Sgd} one update
 * is {@code w_j <- w_j - lr * mean_i x_ij}. The rate an update applied is therefore
 * {@code -(w_j' - w_j) / mean_i x_ij}, the same for both weights: no part of the library computes it.
 */
public final class TinySameDiff {

    public static final int INPUTS = 2;

    private TinySameDiff() {
    }

    /** The model with its training configuration: inputs "in", labels "label", weights "w", loss "loss". */
    public static SameDiff model(IUpdater updater) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("in", DataType.DOUBLE, -1, INPUTS);
        SDVariable label = sd.placeHolder("label", DataType.DOUBLE, -1, 1);
        SDVariable w = sd.var("w", Nd4j.create(new double[][]{{0.5}, {-0.25}}));
        SDVariable prediction = in.mmul("prediction", w);
        prediction.sub(label).mean("loss");
        sd.setLossVariables("loss");
        sd.setTrainingConfig(TrainingConfig.builder().updater(updater)
                .dataSetFeatureMapping("in").dataSetLabelMapping("label").build());
        return sd;
    }

    /** {@code batches} fixed mini-batches of {@code size} examples with positive inputs. */
    public static List<DataSet> batches(int batches, int size) {
        List<DataSet> list = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            double[][] x = new double[size][INPUTS];
            double[][] y = new double[size][1];
            for (int i = 0; i < size; i++) {
                x[i][0] = 1 + 0.25 * b + 0.125 * i;
                x[i][1] = 2 + 0.5 * i;
                y[i][0] = i % 2;
            }
            list.add(new DataSet(Nd4j.create(x), Nd4j.create(y)));
        }
        return list;
    }

    /** An iterator over fixed batches, in the same order every epoch. */
    public static DataSetIterator iterator(List<DataSet> batches) {
        return new ExistingDataSetIterator(batches);
    }

    /** One update as measured: SameDiff's counters, the applied rate, the loss before the update. */
    public record Step(int iteration, int epoch, double rate, double loss) {
    }

    /**
     * Measures every update of {@code fit}: weights and inputs at {@code iterationStart}, weights at
     * {@code iterationDone}. Add it to the model before the parts under test, so it sees the weights
     * before any of them acts (they only change the rate, never the weights).
     */
    public static final class Steps extends BaseListener {
        private final List<Step> steps = new ArrayList<>();
        private INDArray before;
        private INDArray meanX;
        private double lossBefore;

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlTimeMs) {
            before = sd.getArrForVarName("w").dup();
            INDArray x = data.getFeatures(0);
            meanX = x.mean(0);
            lossBefore = x.mmul(before).sub(data.getLabels(0)).meanNumber().doubleValue();
        }

        @Override
        public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
            INDArray after = sd.getArrForVarName("w");
            double rate0 = -(after.getDouble(0) - before.getDouble(0)) / meanX.getDouble(0);
            double rate1 = -(after.getDouble(1) - before.getDouble(1)) / meanX.getDouble(1);
            assertThat(rate1).as("both weights moved by the same rate").isCloseTo(rate0, within(1e-12 * Math.abs(rate0) + 1e-15));
            steps.add(new Step(at.iteration(), at.epoch(), rate0, lossBefore));
        }

        public List<Step> steps() {
            return List.copyOf(steps);
        }

        public List<Double> rates() {
            return steps.stream().map(Step::rate).toList();
        }
    }
}
