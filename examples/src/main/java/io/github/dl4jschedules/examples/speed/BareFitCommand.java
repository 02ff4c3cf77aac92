package io.github.dl4jschedules.examples.speed;

import io.github.dl4jschedules.examples.cli.SeedOption;
import io.github.dl4jschedules.examples.cli.ModelOption;
import io.github.dl4jschedules.examples.cli.BatchOption;
import io.github.dl4jschedules.examples.cli.EpochsOption;
import io.github.dl4jschedules.examples.cli.HelpTexts;
import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.run.BackendFailure;
import io.github.dl4jschedules.examples.cli.DataLimits;
import io.github.dl4jschedules.examples.cli.Validation;
import io.github.dl4jschedules.examples.data.MnistData;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.FastPath;
import io.github.dl4jschedules.examples.run.EnumConverters;
import io.github.dl4jschedules.examples.run.Provenance;
import io.github.dl4jschedules.examples.run.ResultsWriter;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code speed bare-fit} (hidden): the training the {@code train} command does with the fast path
 * (same network, updater, data, batches and seed; oneDNN build and helpers, one thread), written as
 * the plain loop a DL4J user would write: {@code network.fit(iterator)} once per epoch, no listener,
 * no observer. What it measures is what {@code train}'s loop costs on top of DL4J itself.
 *
 * <p>Results go to {@code --out} like {@code train --out}'s, except that {@code train_loss} is the
 * last mini-batch's loss (no listener collects the others) and {@code rate} is the schedule's value at
 * the epoch's last iteration, read from the network's counters.
 */
@Command(name = "bare-fit", resourceBundle = "io.github.dl4jschedules.examples.speed.BareFitCommand$Texts",
        defaultValueProvider = SpeedCommand.Defaults.class,
        hidden = true, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Plain MultiLayerNetwork.fit epochs with the fast path's settings and no listener (for speed).")
public final class BareFitCommand implements Callable<Integer> {

    /** The updater of every variant of {@code speed}: {@code train}'s default. */
    static final UpdaterKind UPDATER = UpdaterKind.ADAM;
    /** The first epoch's rate of every variant of {@code speed} ({@code train}'s default rate). */
    static final double RATE = 0.001;
    /** The factor the rate is multiplied by after every epoch, in every variant of {@code speed}. */
    static final double FACTOR = 0.5;
    /** The schedule of every variant of {@code speed}: {@link #RATE}, halved after every epoch. */
    static final String SCHEDULE = "step(lr=" + RATE + ", factor=" + FACTOR + ", every=1, unit=epoch)";

    @CommandLine.Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Mixin
    EpochsOption epochs;

    @Mixin
    BatchOption batch;

    @Mixin
    SeedOption seed;

    @Mixin
    DataLimits limits;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write the per-epoch results here.")
    Path out;

    @Override
    public Integer call() {
        epochs.validate(spec);
        batch.validate(spec);
        limits.validate(spec);
        Validation.require(spec, out == null || out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"),
                "--out must end in .json, got " + out);
        FastPath.selectNativeBuild();
        BackendFailure.loadBackend();
        PrintWriter console = spec.commandLine().getOut();
        TrainingData data = TrainingData.load(TrainingData.BUNDLED, batch.value(), seed.value(), limits.train(), limits.test());
        CounterSchedule schedule = Schedules.parse(SCHEDULE);

        MultiLayerNetwork network = new MultiLayerNetwork(model.kind().configuration(UPDATER.withRate(schedule), seed.value(),
                data.height(), data.width(), MnistData.NUM_CLASSES));
        network.init();
        FastPath.singleThreaded();
        int helpers = FastPath.attachHelpers(network);
        console.printf(Locale.ROOT, "bare fit: model %s, %s %s, batch %d, seed %d, %,d train, %,d test, "
                        + "native build %s, oneDNN helpers on %d layers%n", EnumConverters.name(model.kind()),
                UPDATER.name().toLowerCase(Locale.ROOT), schedule, batch.value(), seed.value(), data.trainSize(), data.testSize(),
                System.getProperty(FastPath.PLATFORM_EXTENSION_PROPERTY, "stock"), helpers);
        console.flush();

        List<EpochResult> results = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs.value(); epoch++) {
            data.train().reset();
            long start = System.nanoTime();
            network.fit(data.train());
            double seconds = (System.nanoTime() - start) / 1e9;
            data.test().reset();
            Evaluation evaluation = network.evaluate(data.test());
            double rate = schedule.valueAt(network.getIterationCount() - 1, epoch - 1);
            EpochResult result = new EpochResult(epoch, network.score(), evaluation.accuracy(), rate, seconds);
            results.add(result);
            console.printf(Locale.ROOT, "epoch %d/%d  last batch loss %.4f  test accuracy %.2f%%  %.1f s%n", epoch, epochs.value(),
                    result.trainLoss(), 100 * result.testAccuracy(), seconds);
            console.flush();
        }
        if (out != null) {
            Map<String, String> provenance = Provenance.of("speed bare-fit")
                    .with("variant", "bare-fit")
                    .with("model", EnumConverters.name(model.kind()))
                    .with("updater", UPDATER.name().toLowerCase(Locale.ROOT))
                    .with("schedule", schedule.toString())
                    .with("epochs", epochs.value())
                    .with("batch", batch.value())
                    .with("seed", seed.value())
                    .with("data", data.description())
                    .with("train_examples", data.trainSize())
                    .with("test_examples", data.testSize())
                    .with("fast_path", true)
                    .with("onednn_helpers", helpers)
                    .with("train_loss", "loss of the epoch's last mini-batch")
                    .buildText();
            ResultsWriter.write(out, provenance, results);
            console.println("results written to " + out);
        }
        return 0;
    }

    /**
     * This command's text of {@code --epochs}: its own, since a subcommand's help falls back on its
     * parent's bundle ({@code speed}'s) for a key its own lacks.
     */
    public static final class Texts extends HelpTexts {
        /** The text of {@code --epochs}. */
        public Texts() {
            super(Map.of("epochs", "Epochs (default: ${DEFAULT-VALUE})."));
        }
    }
}
