package io.github.dl4jschedules.examples.parallel;

import io.github.dl4jschedules.examples.run.BackendFailure;
import io.github.dl4jschedules.examples.cli.Validation;
import io.github.dl4jschedules.examples.run.EpochLoop;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.FastPath;
import io.github.dl4jschedules.examples.run.ResultsWriter;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.examples.run.TrainingRun;
import io.github.dl4jschedules.parallel.ScheduledParallelTraining;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.training.ModelAdapter;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code parallel}: MNIST on N workers of one machine with DL4J's ParallelWrapper (parameter averaging),
 * through {@link ScheduledParallelTraining}, so the schedule follows global progress: one iteration is
 * one mini-batch of one worker, one epoch one pass over the data.
 */
@Command(name = "parallel", resourceBundle = TrainingOptions.Texts.NAME,
        defaultValueProvider = TrainingOptions.Defaults.class, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains on MNIST with N data-parallel workers on this machine (DL4J's ParallelWrapper, parameter averaging).",
                "The schedule follows global progress: one iteration = one mini-batch of one worker, one epoch = one pass;",
                "by default the rate is scaled for the N times larger global batch (linear scaling rule with gradual warm-up)."})
public final class ParallelCommand implements Callable<Integer> {

    @Mixin
    TrainingOptions options;

    @Mixin
    ScalingOptions scaling;

    @Option(names = "--averaging", paramLabel = "K", defaultValue = "1",
            description = "Average parameters and updater states every K rounds; a round is one mini-batch per worker (default: ${DEFAULT-VALUE}).")
    int averaging;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        options.validate();
        scaling.validate();
        Validation.requirePositive(spec, "--averaging", averaging);
        PrintWriter console = spec.commandLine().getOut();
        FastPath.selectNativeBuild();
        BackendFailure.loadBackend();
        TrainingData data = options.load();
        int stepsPerEpoch = (data.trainSize() + options.batch() - 1) / options.batch();
        CounterSchedule scheduled = scaling.schedule(options.schedule(), stepsPerEpoch);
        Map<String, String> provenance = options.provenance("parallel", data, scheduled)
                .with("workers", scaling.workers())
                .with("averaging_frequency", averaging)
                .buildText();

        console.printf(Locale.ROOT, "backend %s on %s, native build %s%n", provenance.get("nd4j_backend"),
                provenance.get("device"), provenance.get("native_build"));
        console.printf(Locale.ROOT, "data: %s (%,d train, %,d test)%n", data.description(), data.trainSize(), data.testSize());
        console.printf(Locale.ROOT, "%s; %d workers x batch %d (global batch %d), averaging every %d round(s)%n",
                options.describe(), scaling.workers(), options.batch(), scaling.workers() * options.batch(), averaging);
        console.printf(Locale.ROOT, "schedule: %s%n%s%n", options.schedule(), scaling.describe(options.schedule(), scheduled));
        console.printf(Locale.ROOT, "one iteration = one mini-batch of one worker: %d per epoch, %d per round%n",
                stepsPerEpoch, scaling.workers());

        List<EpochResult> results = train(data, scheduled, console);
        if (options.out() != null) {
            ResultsWriter.write(options.out(), provenance, results);
            console.println("results written to " + options.out());
        }
        return 0;
    }

    private List<EpochResult> train(TrainingData data, CounterSchedule scheduled, PrintWriter console) {
        MultiLayerNetwork network = new MultiLayerNetwork(options.configuration(data, scheduled));
        network.init();
        FastPath.singleThreaded();
        LossMeter loss = new LossMeter();
        network.setListeners(loss);
        ParallelWrapper.Builder<MultiLayerNetwork> builder = new ParallelWrapper.Builder<>(network)
                .averagingFrequency(averaging).prefetchBuffer(2);
        if (scaling.workers() > 1) {
            builder.workers(scaling.workers());     // the builder rejects 1, its default on one device
        }
        ParallelWrapper wrapper = builder.build();
        if (wrapper.getWorkers() != scaling.workers()) {
            wrapper.shutdown();
            throw new IllegalArgumentException("--workers 1: ParallelWrapper gives one worker per device, and this machine has "
                    + wrapper.getWorkers() + "; use train for one worker");
        }
        ModelAdapter model = ModelAdapter.of(network);
        try {
            ScheduledParallelTraining training = ScheduledParallelTraining.of(wrapper);
            int batches = (data.trainSize() + options.batch() - 1) / options.batch();
            return EpochLoop.run(1, options.epochs(), batches, new EpochLoop.Epoch() {
                @Override
                public void prepare() {
                    data.train().reset();
                    loss.reset();
                }

                @Override
                public void fit() {
                    training.fit(data.train());
                }

                @Override
                public EpochResult result(int epoch, double seconds) {
                    return new EpochResult(epoch, loss.mean(), EpochLoop.testAccuracy(model, data),
                            TrainingOptions.lastRate(network), seconds);
                }
            }, new TrainingRun.Observer() {
                @Override
                public void epochDone(EpochResult result) {
                    console.println(String.format(Locale.ROOT,
                            "epoch %d/%d  train loss %.4f  test accuracy %.2f%%  rate %.6g  iteration %d  %.1f s",
                            result.epoch(), options.epochs(), result.trainLoss(), 100 * result.testAccuracy(),
                            result.rate(), training.iteration(), result.seconds()));
                }
            });
        } finally {
            wrapper.shutdown();
        }
    }
}
