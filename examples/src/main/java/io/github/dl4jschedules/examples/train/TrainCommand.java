package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.run.Engine;
import io.github.dl4jschedules.examples.run.BackendFailure;
import io.github.dl4jschedules.examples.cli.UpdaterOption;
import io.github.dl4jschedules.examples.cli.BatchOption;
import io.github.dl4jschedules.examples.cli.DataLimits;
import io.github.dl4jschedules.examples.cli.DataOptions;
import io.github.dl4jschedules.examples.cli.EpochsOption;
import io.github.dl4jschedules.examples.cli.ModelOption;
import io.github.dl4jschedules.examples.cli.OptionDefaults;
import io.github.dl4jschedules.examples.cli.ScheduleOption;
import io.github.dl4jschedules.examples.cli.SeedOption;
import io.github.dl4jschedules.examples.cli.HelpTexts;
import io.github.dl4jschedules.examples.cli.ResultsFileOption;
import io.github.dl4jschedules.examples.run.EnumConverters;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.FastPath;
import io.github.dl4jschedules.examples.run.Provenance;
import io.github.dl4jschedules.examples.run.ResultsWriter;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.examples.run.TrainingRun;
import io.github.dl4jschedules.schedules.CounterSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code train}: one MNIST training with a schedule-driven updater. */
@Command(name = "train", resourceBundle = "io.github.dl4jschedules.examples.train.TrainCommand$Texts",
        defaultValueProvider = TrainCommand.Defaults.class, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains a network on MNIST-format data with a learning-rate schedule.",
                "Prints loss, test accuracy, rate and time per epoch."})
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--engine", paramLabel = "dl4j|samediff",
            description = {"What trains the network (default: ${DEFAULT-VALUE}): dl4j, a MultiLayerNetwork;",
                    "samediff, the same network built in SameDiff, the schedule in its TrainingConfig (per-epoch report only:",
                    "no --control, --jmx, --plateau, --record, --ui, --save, --resume, console commands)."},
            defaultValue = "dl4j", converter = EnumConverters.EngineName.class, completionCandidates = EnumConverters.EngineName.class)
    Engine engine;

    @Mixin
    ModelOption model;

    @Mixin
    UpdaterOption updater;

    @Mixin
    ScheduleOption scheduleOption;

    @Mixin
    LayerDecayOption layerDecay;

    @Mixin
    EpochsOption epochs;

    @Mixin
    BatchOption batch;

    @Mixin
    SeedOption seed;

    @Mixin
    DataOptions data;

    @Mixin
    DataLimits limits;

    @Mixin
    ResultsFileOption out;

    @Option(names = "--control", paramLabel = "FILE",
            description = "Control file: append 'factor F', 'set R', 'fixed R', 'schedule' or 'cooldown N' to change the rate while training runs.")
    Path controlFile;

    @Option(names = "--no-console-control",
            description = "Do not read rate commands typed on the console (read by default when running in a terminal).")
    boolean noConsoleControl;

    @Option(names = "--jmx", paramLabel = "NAME", arity = "0..1", fallbackValue = "train",
            description = "Publish the rate controller as an MBean (jconsole, VisualVM) named NAME (default: train).")
    String jmxName;

    @Option(names = "--plateau", paramLabel = "OPTIONS", arity = "0..1", fallbackValue = "",
            description = {"Reduce the rate on a plateau of the test loss (PyTorch's ReduceLROnPlateau), scaling the schedule.",
                    "OPTIONS: comma-separated " + io.github.dl4jschedules.training.PlateauRule.KEYS + ",",
                    "e.g. \"factor=0.5, patience=2\"; defaults: ${bundle:help.plateau-defaults}."},
            converter = PlateauRuleConverter.class)
    io.github.dl4jschedules.training.PlateauRule plateau;

    @Option(names = "--plateau-metric", paramLabel = "loss|accuracy", defaultValue = "loss",
            description = "What --plateau watches on the test split (default: ${DEFAULT-VALUE}); accuracy needs mode=max.")
    String plateauMetric;

    @Option(names = "--record", paramLabel = "FILE.csv", description = "Record the applied rate (per layer where they differ) and the loss of every iteration.")
    Path record;

    @Option(names = "--ui", paramLabel = "PORT", arity = "0..1", fallbackValue = "9000",
            description = "Start DL4J's training UI on localhost:PORT (default 9000) to watch the run in a browser.")
    Integer uiPort;

    @Option(names = "--save", paramLabel = "FILE.zip", description = "Save the model with the rate controller's and plateau's state after every epoch.")
    Path save;

    @Option(names = "--resume", paramLabel = "FILE.zip",
            description = {"Continue a run saved with --save exactly: its model, updater, schedule, rate adjustments, batch, seed,",
                    "data and shuffle order; --epochs is the run's total. Options that contradict the saved run are errors."})
    Path resume;

    @Option(names = "--no-fast", negatable = false,
            description = "Plain DL4J: stock native build, no oneDNN helpers, default threads (see README, Speed).")
    boolean noFast;

    @Option(names = "--no-progress", description = "No progress bar (it is off anyway when output is not a terminal).")
    boolean noProgress;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;


    @Override
    public Integer call() {
        CounterSchedule schedule = scheduleOption.schedule(spec);
        validate();
        PrintWriter console = spec.commandLine().getOut();
        ResumeFile saved = resume == null ? null : ResumeFile.read(resume);
        SavedRun run = saved == null
                ? new SavedRun(model.kind(), updater.kind(), batch.value(), seed.value(), data.data(), limits.train(), limits.test(),
                epochs.value())
                : resumedRun(saved, console);
        if (!noFast) {
            FastPath.selectNativeBuild();
        }
        BackendFailure.loadBackend();
        TrainingData trainingData = TrainingData.load(run.data(), run.batch(), run.seed(), run.trainLimit(), run.testLimit());
        ModelFit.check(run.model(), trainingData.height(), trainingData.width(), run.batch(),
                (long) trainingData.trainSize() + trainingData.testSize());
        TrainingRun.Settings settings = new TrainingRun.Settings(run.model(), run.updater(), schedule, run.epochs(),
                run.seed(), !noFast, resume);
        Map<String, String> provenance = provenance(run, saved == null ? schedule.toString() : saved.schedule(), trainingData);
        console.printf(Locale.ROOT, "backend %s on %s, native build %s, fast path %s%n", provenance.get("nd4j_backend"),
                provenance.get("device"), provenance.get("native_build"), noFast ? "off" : "on");
        console.printf(Locale.ROOT, "data: %s (%,d train, %,d test)%n", trainingData.description(),
                trainingData.trainSize(), trainingData.testSize());
        console.printf(Locale.ROOT, "%s%nschedule: %s%n", run.describe(), provenance.get("schedule"));
        if (saved != null) {
            console.printf(Locale.ROOT, "resumed from %s after epoch %d: epochs %d to %d, rate adjustment: %s%n", resume,
                    saved.epochsDone(), saved.epochsDone() + 1, run.epochs(),
                    saved.controller() == null ? "none saved" : saved.controller().adjustment());
        }

        boolean interactive = System.console() != null;
        List<EpochResult> results;
        if (engine == Engine.SAMEDIFF) {
            results = new SameDiffRun(settings).run(trainingData,
                    new ConsoleReport(console, !noProgress && interactive, run.epochs()), console);
        } else {
            try (RunControls controls = new RunControls(controlOptions(interactive, run), trainingData.test(), console)) {
                results = new TrainingRun(settings).run(trainingData, TrainingRun.Observer.all(
                        layerDecay.applier(schedule, console), new ConsoleReport(console, !noProgress && interactive, run.epochs()), controls));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (out.file() != null) {
            ResultsWriter.write(out.file(), provenance, results);
            console.println("results written to " + out.file());
        }
        return 0;
    }

    /**
     * The settings of a resumed run: the saved ones, which options may not contradict, and
     * {@code --epochs} as the run's total (the saved total when not given).
     */
    private SavedRun resumedRun(ResumeFile saved, PrintWriter console) {
        SavedRun run = saved.run();
        if (run == null) {
            console.println("warning: " + resume + " holds no run settings (not saved by this version's --save): "
                    + "using the command line's batch, seed and data, so the batches may differ from the original run");
            run = new SavedRun(model.kind(), updater.kind(), batch.value(), seed.value(), data.data(), limits.train(), limits.test(),
                epochs.value());
        }
        if (!saved.updaterState()) {
            console.println("warning: " + resume + " holds no updater state: the updater (e.g. Adam's moments) "
                    + "starts afresh, so the run does not continue exactly");
        }
        requireSaved("--model", run.model(), model.kind());
        requireSaved("--updater", run.updater(), updater.kind());
        requireSaved("--batch", run.batch(), batch.value());
        requireSaved("--seed", run.seed(), seed.value());
        requireSaved("--data", run.data(), data.data());
        requireSaved("--train-limit", run.trainLimit(), limits.train());
        requireSaved("--test-limit", run.testLimit(), limits.test());
        if (layerDecay.given()) {
            throw usage("--layer-decay cannot change a resumed run: its per-layer schedules are saved in " + resume
                    + "; leave --layer-decay out");
        }
        if (given("--schedule")) {
            throw usage("--schedule cannot change a resumed run's schedule (saved: " + saved.schedule()
                    + "); change its rate with --control, the console or --jmx");
        }
        int total = given("--epochs") ? epochs.value() : run.epochs();
        if (total <= saved.epochsDone()) {
            throw usage((given("--epochs") ? "--epochs " + total : "the saved run's total of " + total + " epochs")
                    + " is reached: " + resume + " has trained " + saved.epochsDone()
                    + " epochs; --epochs is the run's total, give more than " + saved.epochsDone());
        }
        return run.withEpochs(total);
    }

    private void requireSaved(String option, Object savedValue, Object givenValue) {
        if (given(option) && !savedValue.equals(givenValue)) {
            throw usage(option + " " + describe(givenValue) + " differs from the resumed run's " + describe(savedValue)
                    + "; a resumed run keeps its settings (leave " + option + " out)");
        }
    }

    private static String describe(Object value) {
        return value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(value);
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private picocli.CommandLine.ParameterException usage(String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }

    private RunControls.Options controlOptions(boolean interactive, SavedRun run) {
        return new RunControls.Options(controlFile, interactive && !noConsoleControl, System.in, jmxName, plateau,
                plateauMetric.equals("accuracy"), record, uiPort, save, resume, run);
    }

    /** Options of the DL4J engine's controls, which {@code --engine samediff} does not offer. */
    private static final List<String> DL4J_ONLY = List.of("--control", "--no-console-control", "--jmx", "--plateau",
            "--plateau-metric", "--record", "--ui", "--save", "--resume", "--layer-decay");

    private void validate() {
        if (engine == Engine.SAMEDIFF) {
            for (String option : DL4J_ONLY) {
                if (given(option)) {
                    throw usage(option + " works with --engine dl4j only: the SameDiff engine trains and reports per epoch; "
                            + "leave " + option + " out or use --engine dl4j");
                }
            }
        }
        if (!plateauMetric.equals("loss") && !plateauMetric.equals("accuracy")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--plateau-metric must be loss or accuracy, got " + plateauMetric);
        }
        if (plateau != null && plateauMetric.equals("accuracy") != (plateau.mode() == io.github.dl4jschedules.training.PlateauRule.Mode.MAX)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--plateau-metric " + plateauMetric + " needs mode=" + (plateauMetric.equals("accuracy") ? "max" : "min")
                            + " in --plateau, got mode=" + plateau.mode().name().toLowerCase(Locale.ROOT));
        }
        if (resume != null && !java.nio.file.Files.isRegularFile(resume)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--resume: no such file " + resume);
        }
        if (uiPort != null && (uiPort < 1 || uiPort > 65535)) {
            throw usage("--ui must be a port from 1 to 65535, got " + uiPort);
        }
        epochs.validate(spec);
        batch.validate(spec);
        limits.validate(spec);
        OutputPaths.requireWritable("--out", out.file());
        OutputPaths.requireWritable("--save", save);
        OutputPaths.requireWritable("--record", record);
        out.validate(spec);
    }

    /** This command's defaults of the shared options. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(Map.of("--model", "lenet", "--epochs", "5", "--schedule", "constant(lr=0.001)"));
        }
    }

    /** This command's texts of the shared options' help. */
    public static final class Texts extends HelpTexts {
        /** The texts of {@code --schedule}, {@code --epochs} and {@code --seed}. */
        public Texts() {
            super(Map.of("schedule", "Learning-rate schedule: a spec of the catalogue, e.g. "
                            + "\"inverse-time(lr=0.002, decay=1, unit=epoch, first=1)\", or a preset: ${bundle:help.presets} "
                            + "(default: ${DEFAULT-VALUE}).",
                    "epochs", "Passes over the training data (default: ${DEFAULT-VALUE}); with --resume the run's total, "
                            + "as in the original run (default: the saved total).",
                    "seed", "Seed of weight initialisation and shuffling (default: ${DEFAULT-VALUE})."));
        }
    }

    private Map<String, String> provenance(SavedRun run, String scheduleSpec, TrainingData trainingData) {
        return Provenance.of("train")
                .with("model", run.model().name().toLowerCase(Locale.ROOT))
                .with("updater", run.updater().name().toLowerCase(Locale.ROOT))
                .with("schedule", scheduleSpec)
                .withAll(layerDecay.provenance())
                .with("epochs", run.epochs())
                .with("batch", run.batch())
                .with("seed", run.seed())
                .with("data", trainingData.description())
                .with("train_examples", trainingData.trainSize())
                .with("test_examples", trainingData.testSize())
                .with("fast_path", !noFast)
                .with("engine", engine.name().toLowerCase(Locale.ROOT))
                .buildText();
    }
}
