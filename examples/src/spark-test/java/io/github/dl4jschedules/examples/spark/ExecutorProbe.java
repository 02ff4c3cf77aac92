package io.github.dl4jschedules.examples.spark;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.Serializable;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A listener that Spark serialises to the executors with the training task, and that records, at
 * every step of a worker's network, the counters and the rate that network's updater applies, and
 * the schedule it holds. In local mode the executors share the test's JVM, so a static queue
 * collects what they saw.
 */
final class ExecutorProbe extends BaseTrainingListener implements Serializable {

    private static final long serialVersionUID = 1L;

    record Seen(int iteration, int epoch, double rate, String schedule, String thread) {
    }

    private static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();

    static void clear() {
        SEEN.clear();
    }

    static List<Seen> seen() {
        return List.copyOf(SEEN);
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        Sgd sgd = (Sgd) ((BaseLayer) ((MultiLayerNetwork) model).getLayer(0).conf().getLayer()).getIUpdater();
        SEEN.add(new Seen(iteration, epoch, sgd.getLearningRate(iteration, epoch),
                sgd.getLearningRateSchedule().toString(), Thread.currentThread().getName()));
    }
}
