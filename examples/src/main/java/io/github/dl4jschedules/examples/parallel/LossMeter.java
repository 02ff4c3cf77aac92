package io.github.dl4jschedules.examples.parallel;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Mean mini-batch loss over every worker's steps of an epoch; workers call it from their own threads. */
final class LossMeter extends BaseTrainingListener {

    private final DoubleAdder sum = new DoubleAdder();
    private final LongAdder steps = new LongAdder();

    void reset() {
        sum.reset();
        steps.reset();
    }

    double mean() {
        return sum.sum() / steps.sum();
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        sum.add(model.score());
        steps.increment();
    }
}
