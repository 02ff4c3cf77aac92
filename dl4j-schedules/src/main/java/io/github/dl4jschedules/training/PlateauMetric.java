package io.github.dl4jschedules.training;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** What {@link ReduceOnPlateau} watches, measured once per epoch on the training thread. */
@FunctionalInterface
public interface PlateauMetric {

    /**
     * The metric's value for the model as it is now.
     *
     * @param model the model being trained, through its adapter
     * @return the metric's value
     */
    double measure(ModelAdapter model);

    /**
     * The loss on held-out data (mean over examples), for {@code mode=min}.
     *
     * @param data held-out data; reset before each measurement
     * @return the metric
     */
    static PlateauMetric validationLoss(DataSetIterator data) {
        return model -> {
            data.reset();
            double total = 0;
            long examples = 0;
            while (data.hasNext()) {
                DataSet batch = data.next();
                double loss = model.loss(batch);
                total += loss * batch.numExamples();
                examples += batch.numExamples();
            }
            if (examples == 0) {
                throw new IllegalArgumentException("plateau: the validation data is empty");
            }
            return total / examples;
        };
    }

    /**
     * The classification accuracy on held-out data, for {@code mode=max}; a SameDiff model is
     * evaluated on its one output ({@link ModelAdapter#evaluate}).
     *
     * @param data held-out data; reset before each measurement
     * @return the metric
     */
    static PlateauMetric accuracy(DataSetIterator data) {
        return model -> {
            data.reset();
            return model.evaluate(data).accuracy();
        };
    }
}
