package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.examples.run.TrainingRun;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.List;

/** Short trainings on the bundled MNIST subset for the tests, with everything the observer saw. */
final class Trainings {

    /** One iteration as the observer heard it. */
    record Iteration(int epoch, int iteration, double loss, double rate) {
    }

    /** A finished run: per-epoch results, per-iteration records, batches per epoch, the network. */
    record Outcome(List<EpochResult> epochs, List<Iteration> iterations, int batchesPerEpoch, int attachedHelpers,
                   MultiLayerNetwork network) {

        List<Double> losses() {
            return epochs.stream().map(EpochResult::trainLoss).toList();
        }

        List<Double> accuracies() {
            return epochs.stream().map(EpochResult::testAccuracy).toList();
        }

        List<Double> rates() {
            return epochs.stream().map(EpochResult::rate).toList();
        }
    }

    private Trainings() {
    }

    static Outcome run(ModelKind model, UpdaterKind updater, String spec, int epochs, int trainLimit, int testLimit,
                       int batch, long seed, boolean fastPath) {
        return run(model, updater, Schedules.parse(spec), epochs, trainLimit, testLimit, batch, seed, fastPath);
    }

    static Outcome run(ModelKind model, UpdaterKind updater, CounterSchedule schedule, int epochs, int trainLimit,
                       int testLimit, int batch, long seed, boolean fastPath) {
        TrainingData data = TrainingData.load(TrainingData.BUNDLED, batch, seed, trainLimit, testLimit);
        TrainingRun.Settings settings = new TrainingRun.Settings(model, updater, schedule, epochs, seed, fastPath);
        Recorder recorder = new Recorder();
        List<EpochResult> results = new TrainingRun(settings).run(data, recorder);
        return new Outcome(results, recorder.iterations, recorder.batches, recorder.helpers, recorder.network);
    }

    private static final class Recorder implements TrainingRun.Observer {
        final List<Iteration> iterations = new ArrayList<>();
        MultiLayerNetwork network;
        int helpers;
        int batches;
        int epoch;

        @Override
        public void started(MultiLayerNetwork network, int attachedHelpers) {
            this.network = network;
            this.helpers = attachedHelpers;
        }

        @Override
        public void epochStarted(int epoch, int batches) {
            this.epoch = epoch;
            this.batches = batches;
        }

        @Override
        public void iterationDone(int iteration, double loss, double rate) {
            iterations.add(new Iteration(epoch, iteration, loss, rate));
        }
    }
}
