package io.github.dl4jschedules.examples.parallel;

import io.github.dl4jschedules.examples.cli.BatchOption;
import io.github.dl4jschedules.examples.cli.DataLimits;
import io.github.dl4jschedules.examples.cli.DataOptions;
import io.github.dl4jschedules.examples.cli.EpochsOption;
import io.github.dl4jschedules.examples.cli.HelpTexts;
import io.github.dl4jschedules.examples.cli.ModelOption;
import io.github.dl4jschedules.examples.cli.OptionDefaults;
import io.github.dl4jschedules.examples.cli.ScheduleOption;
import io.github.dl4jschedules.examples.cli.SeedOption;
import io.github.dl4jschedules.examples.cli.UpdaterOption;
import io.github.dl4jschedules.examples.cli.ResultsFileOption;
import io.github.dl4jschedules.examples.data.MnistData;
import io.github.dl4jschedules.examples.run.EnumConverters;
import io.github.dl4jschedules.examples.run.Provenance;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.training.ModelAdapter;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** What the {@code parallel} and {@code spark} commands train: model, updater, schedule, data, and where results go. */
public final class TrainingOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandSpec command;

    @CommandLine.Mixin
    ModelOption model;

    @CommandLine.Mixin
    UpdaterOption updater;

    @CommandLine.Mixin
    ScheduleOption schedule;

    @CommandLine.Mixin
    EpochsOption epochs;

    @CommandLine.Mixin
    BatchOption batch;

    @CommandLine.Mixin
    SeedOption seed;

    @CommandLine.Mixin
    DataOptions data;

    @CommandLine.Mixin
    DataLimits limits;

    @CommandLine.Mixin
    ResultsFileOption out;

    /** The schedule given, or the default; call {@link #validate} first. */
    public CounterSchedule schedule() {
        return schedule.schedule(command);
    }

    /** The epochs given, or the default. */
    public int epochs() {
        return epochs.value();
    }

    /** One worker's mini-batch size. */
    public int batch() {
        return batch.value();
    }

    public Path out() {
        return out.file();
    }

    /** Rejects bad values with a usage error naming the option. */
    public void validate() {
        schedule.schedule(command);
        epochs.validate(command);
        batch.validate(command);
        limits.validate(command);
        out.validate(command);
    }

    /** The data within the limits, in batches of one worker's size, shuffled with the seed. */
    public TrainingData load() {
        return data.load(batch.value(), seed.value(), limits);
    }

    /** The network's configuration, its updater driven by {@code scheduled}. */
    public MultiLayerConfiguration configuration(TrainingData trainingData, CounterSchedule scheduled) {
        return model.kind().configuration(updater.kind().withRate(scheduled), seed.value(), trainingData.height(), trainingData.width(),
                MnistData.NUM_CLASSES);
    }

    /** One line: model, updater, seed. */
    public String describe() {
        return String.format(Locale.ROOT, "model %s, updater %s, seed %d", EnumConverters.name(model.kind()),
                EnumConverters.name(updater.kind()), seed.value());
    }

    /** The environment and these options, for result files; the command adds its own. */
    public Provenance.Builder provenance(String commandName, TrainingData trainingData, CounterSchedule scheduled) {
        return Provenance.of(commandName)
                .with("model", EnumConverters.name(model.kind()))
                .with("updater", EnumConverters.name(updater.kind()))
                .with("schedule", schedule().toString())
                .with("scheduled", scheduled.toString())
                .with("epochs", epochs())
                .with("batch_per_worker", batch())
                .with("seed", seed.value())
                .with("data", trainingData.description())
                .with("train_examples", trainingData.trainSize())
                .with("test_examples", trainingData.testSize());
    }

    /** The rate of the last step of the epoch just trained, as the first layer's updater computes it. */
    public static double lastRate(MultiLayerNetwork network) {
        ModelAdapter model = ModelAdapter.of(network);
        return model.appliedRate(model.iteration() - 1, model.epoch() - 1);
    }

    /** The defaults of the shared options in the commands that mix these in ({@code parallel}, {@code spark}). */
    public static final class Defaults extends OptionDefaults {
        /** {@code --model mlp}, {@code --updater nesterovs}, {@code --epochs 10}, a step schedule. */
        public Defaults() {
            super(Map.of("--model", "mlp", "--updater", "nesterovs", "--epochs", "10",
                    "--schedule", "step(lr=0.05, factor=0.5, every=3, unit=epoch)"));
        }
    }

    /** The help texts of the shared options in the commands that mix these in. */
    public static final class Texts extends HelpTexts {
        /** The bundle's name, for {@code @Command(resourceBundle = ...)}. */
        public static final String NAME = "io.github.dl4jschedules.examples.parallel.TrainingOptions$Texts";

        /** The texts of {@code --schedule}, {@code --batch} and {@code --seed}. */
        public Texts() {
            super(Map.of("schedule", "Learning-rate schedule for one worker's batch: a spec or preset, as in train "
                            + "(default: ${DEFAULT-VALUE}).",
                    "batch", "Mini-batch size of each worker (default: ${DEFAULT-VALUE}).",
                    "seed", "Seed of weight initialisation and shuffling (default: ${DEFAULT-VALUE})."));
        }
    }
}
