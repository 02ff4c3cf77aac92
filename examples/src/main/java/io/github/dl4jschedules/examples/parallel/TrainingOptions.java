package io.github.dl4jschedules.examples.parallel;

import io.github.dl4jschedules.examples.cli.DataOptions;
import io.github.dl4jschedules.examples.cli.ResultsFileOption;
import io.github.dl4jschedules.examples.cli.Validation;
import io.github.dl4jschedules.examples.data.MnistData;
import io.github.dl4jschedules.examples.run.EnumConverters;
import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.Provenance;
import io.github.dl4jschedules.examples.run.ScheduleConverter;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.training.ModelAdapter;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the {@code parallel} and {@code spark} commands train: model, updater, schedule, data, and where results go. */
public final class TrainingOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--model", paramLabel = "mlp|lenet", description = "Network: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "mlp", converter = EnumConverters.Model.class, completionCandidates = EnumConverters.Model.class)
    ModelKind model;

    @Option(names = "--updater", paramLabel = "NAME", description = "Updater: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "nesterovs", converter = EnumConverters.Updater.class, completionCandidates = EnumConverters.Updater.class)
    UpdaterKind updater;

    @Option(names = "--schedule", paramLabel = "SPEC|PRESET",
            description = "Learning-rate schedule for one worker's batch: a spec or preset, as in train (default: ${DEFAULT-VALUE}).",
            defaultValue = "step(lr=0.05, factor=0.5, every=3, unit=epoch)", converter = ScheduleConverter.class)
    CounterSchedule schedule;

    @Option(names = "--epochs", description = "Passes over the training data (default: ${DEFAULT-VALUE}).", defaultValue = "10")
    int epochs;

    @Option(names = "--batch", description = "Mini-batch size of each worker (default: ${DEFAULT-VALUE}).", defaultValue = "64")
    int batch;

    @Option(names = "--seed", description = "Seed of weight initialisation and shuffling (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @CommandLine.Mixin
    DataOptions data;

    @CommandLine.Mixin
    ResultsFileOption out;

    public CounterSchedule schedule() {
        return schedule;
    }

    public int epochs() {
        return epochs;
    }

    public int batch() {
        return batch;
    }

    public Path out() {
        return out.file();
    }

    /** Rejects bad values with a usage error naming the option. */
    public void validate() {
        Validation.requirePositive(command, "--epochs", epochs);
        Validation.requirePositive(command, "--batch", batch);
        data.validate(command);
        out.validate(command);
    }

    public TrainingData load() {
        return data.load(batch, seed);
    }

    /** The network's configuration, its updater driven by {@code scheduled}. */
    public MultiLayerConfiguration configuration(TrainingData trainingData, CounterSchedule scheduled) {
        return model.configuration(updater.withRate(scheduled), seed, trainingData.height(), trainingData.width(),
                MnistData.NUM_CLASSES);
    }

    /** One line: model, updater, seed. */
    public String describe() {
        return String.format(Locale.ROOT, "model %s, updater %s, seed %d", name(model), name(updater), seed);
    }

    /** The environment and these options, for result files. */
    public Map<String, String> provenance(String commandName, TrainingData trainingData, CounterSchedule scheduled) {
        Map<String, String> values = new LinkedHashMap<>(Provenance.environment());
        values.put("command", commandName);
        values.put("model", name(model));
        values.put("updater", name(updater));
        values.put("schedule", schedule.toString());
        values.put("scheduled", scheduled.toString());
        values.put("epochs", Integer.toString(epochs));
        values.put("batch_per_worker", Integer.toString(batch));
        values.put("seed", Long.toString(seed));
        values.put("data", trainingData.description());
        values.put("train_examples", Integer.toString(trainingData.trainSize()));
        values.put("test_examples", Integer.toString(trainingData.testSize()));
        return values;
    }

    /** The rate of the last step of the epoch just trained, as the first layer's updater computes it. */
    public static double lastRate(MultiLayerNetwork network) {
        ModelAdapter model = ModelAdapter.of(network);
        return model.appliedRate(model.iteration() - 1, model.epoch() - 1);
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
