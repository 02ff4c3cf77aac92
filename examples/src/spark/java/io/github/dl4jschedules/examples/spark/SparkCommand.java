package io.github.dl4jschedules.examples.spark;

import io.github.dl4jschedules.examples.cli.RunFailure;
import io.github.dl4jschedules.examples.cli.Validation;
import io.github.dl4jschedules.examples.parallel.ScalingOptions;
import io.github.dl4jschedules.examples.parallel.TrainingOptions;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.ResultsWriter;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code examples/run-spark}: MNIST on Spark with DL4J's parameter averaging or gradient sharing
 * ({@link SparkTraining}), in an embedded {@code local[*]} Spark by default or on any cluster by {@code --master}.
 */
@Command(name = "examples/run-spark", resourceBundle = TrainingOptions.Texts.NAME,
        defaultValueProvider = TrainingOptions.Defaults.class, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains on MNIST with Spark (DL4J 1.0.0-M2's SparkDl4jMultiLayer, parameter averaging or gradient sharing).",
                "N workers train N mini-batches of --batch at once; by default the rate is scaled for that global batch",
                "(linear scaling rule with gradual warm-up). The schedule counts as on one machine: one iteration = one",
                "mini-batch of one worker (DL4J's Spark iteration, a step of all workers, is N of them); one epoch = one pass."})
public final class SparkCommand implements Callable<Integer> {

    @Option(names = "--master", paramLabel = "URL",
            description = {"Spark master: local[*], local[N], spark://host:7077, yarn, ... (default: the spark.master",
                    "that spark-submit sets, else local[*]: embedded Spark on all cores)."})
    String master;

    @Mixin
    TrainingOptions options;

    @Mixin
    ScalingOptions scaling;

    @Option(names = "--approach", paramLabel = "MASTER", defaultValue = "averaging",
            converter = ApproachConverter.class,
            description = {"DL4J's training master: averaging (ParameterAveragingTrainingMaster) or shared",
                    "(SharedTrainingMaster, gradients over Aeron UDP; the driver's spark.driver.host is the controller). Default: ${DEFAULT-VALUE}."})
    SparkTraining.Approach approach;

    @Option(names = "--averaging", paramLabel = "K", defaultValue = "5",
            description = "Mini-batches each worker trains between two averagings (default: ${DEFAULT-VALUE}, DL4J's; each averaging is a Spark job).")
    int averaging;

    @Spec
    CommandSpec spec;

    /**
     * Runs the command line with the examples' error handling ({@link RunFailure#install}): one
     * {@code error:} line and exit 1 for a run-time failure, 2 for usage errors.
     */
    public static void main(String[] args) {
        // The embedded example ships its in-memory data inside Spark's tasks, and Spark warns about
        // every one of them; a cluster job would read its data from storage instead.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.spark.scheduler.TaskSetManager", "error");
        System.exit(RunFailure.install(new CommandLine(new SparkCommand())).execute(args));
    }

    @Override
    public Integer call() {
        options.validate();
        scaling.validate();
        Validation.requirePositive(spec, "--averaging", averaging);
        PrintWriter console = spec.commandLine().getOut();
        String master = this.master != null ? this.master : System.getProperty("spark.master", "local[*]");
        TrainingData data = options.load();
        List<DataSet> batches = drain(data.train());
        SparkTraining.Settings settings = new SparkTraining.Settings(master, approach, scaling.workers(), options.batch(),
                averaging, options.epochs());
        CounterSchedule scheduled = scaling.schedule(options.schedule(), batches.size());
        Map<String, String> provenance = options.provenance("spark", data, scheduled)
                .with("spark_master", master)
                .with("workers", scaling.workers())
                .with("training_master", approach.name().toLowerCase(Locale.ROOT))
                .with("averaging_frequency", averaging)
                .buildText();

        console.printf(Locale.ROOT, "Spark master %s; backend %s on %s%n", master, provenance.get("nd4j_backend"),
                provenance.get("device"));
        console.printf(Locale.ROOT, "data: %s (%,d train, %,d test)%n", data.description(), data.trainSize(), data.testSize());
        console.printf(Locale.ROOT, "%s; %d workers x batch %d (global batch %d), %s%n",
                options.describe(), scaling.workers(), options.batch(), scaling.workers() * options.batch(),
                approach == SparkTraining.Approach.AVERAGING ? "averaging every " + averaging + " mini-batch(es)" : "gradient sharing");
        console.printf(Locale.ROOT, "schedule: %s%n%s%n", options.schedule(), scaling.describe(options.schedule(), scheduled));
        if (approach == SparkTraining.Approach.AVERAGING) {
            console.printf(Locale.ROOT, "one iteration = one mini-batch of one worker: %d per epoch (DL4J counts %d, one per step of all %d workers)%n",
                    batches.size(), settings.iterationsPerEpoch(batches.size()), scaling.workers());
        } else {
            console.println("gradient sharing: each executor counts its own mini-batches and an epoch per partition;"
                    + " iteration and epoch schedules are not exact (README, Across machines: Spark)");
        }

        List<EpochResult> results = new ArrayList<>();
        new SparkTraining(settings).run(options.configuration(data, scheduled), batches, data.test(), List.of(),
                result -> {
                    results.add(result);
                    console.println(String.format(Locale.ROOT,
                            "epoch %d/%d  score %.4f  test accuracy %.2f%%  rate %.6g  %.1f s", result.epoch(),
                            options.epochs(), result.trainLoss(), 100 * result.testAccuracy(), result.rate(), result.seconds()));
                });
        if (options.out() != null) {
            ResultsWriter.write(options.out(), provenance, results);
            console.println("results written to " + options.out());
        }
        return 0;
    }

    /** {@code averaging} or {@code shared}, in any case. */
    static final class ApproachConverter implements CommandLine.ITypeConverter<SparkTraining.Approach> {
        @Override
        public SparkTraining.Approach convert(String value) {
            for (SparkTraining.Approach approach : SparkTraining.Approach.values()) {
                if (approach.name().equalsIgnoreCase(value)) {
                    return approach;
                }
            }
            throw new CommandLine.TypeConversionException("expected averaging or shared, got '" + value + "'");
        }
    }

    private static List<DataSet> drain(DataSetIterator iterator) {
        List<DataSet> batches = new ArrayList<>();
        iterator.reset();
        while (iterator.hasNext()) {
            batches.add(iterator.next());
        }
        return batches;
    }
}
