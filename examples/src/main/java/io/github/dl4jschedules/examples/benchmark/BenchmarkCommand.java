package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.cli.OptionDefaults;
import io.github.dl4jschedules.examples.cli.ModelOption;
import io.github.dl4jschedules.examples.cli.BatchOption;
import io.github.dl4jschedules.examples.run.BackendFailure;
import io.github.dl4jschedules.examples.cli.DataLimits;
import io.github.dl4jschedules.examples.cli.DataOptions;
import io.github.dl4jschedules.examples.cli.EpochsOption;
import io.github.dl4jschedules.examples.cli.HelpTexts;
import io.github.dl4jschedules.examples.cli.JobsOption;
import io.github.dl4jschedules.examples.cli.OutputFolderOption;
import io.github.dl4jschedules.examples.cli.ScheduleOption;
import io.github.dl4jschedules.examples.cli.Validation;
import io.github.dl4jschedules.examples.run.EnumConverters;
import io.github.dl4jschedules.examples.run.FastPath;
import io.github.dl4jschedules.examples.run.Provenance;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code benchmark}: a grid of schedules x updaters x seeds, trained with the training program's run,
 * summarised over seeds, charted, and resumable. Files in {@code --out}: {@code runs/} (one result and
 * one rate file per finished run), {@code grid.json}, {@code runs.csv}, {@code rates.csv},
 * {@code summary.md}, {@code summary.csv}, {@code accuracy-*.png}, {@code loss-*.png},
 * {@code rates-*.png}, {@code provenance.json}.
 */
@Command(name = "benchmark", resourceBundle = "io.github.dl4jschedules.examples.benchmark.BenchmarkCommand$Texts", defaultValueProvider = BenchmarkCommand.Defaults.class,
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains every schedule with every updater and seed, then summarises over seeds: final accuracy",
                "and loss (mean, std), epochs and seconds to a target accuracy, how tightly the accuracy settles.",
                "Writes CSV, Markdown and PNG charts to --out. Rerun with the same --out to continue an",
                "interrupted benchmark: finished runs are kept, not repeated.",
                "Without --schedule: the default grid (constant vs the lecture's decays and cosine, adam and sgd)."})
public final class BenchmarkCommand implements Callable<Integer> {

    @Mixin
    ScheduleOption schedules;

    @Option(names = "--updater", paramLabel = "NAME", converter = EnumConverters.Updater.class,
            completionCandidates = EnumConverters.Updater.class,
            description = "An updater (repeatable): ${COMPLETION-CANDIDATES} (default: adam; the default grid: adam and sgd).")
    List<UpdaterKind> updaters = new ArrayList<>();

    @Option(names = "--seeds", split = ",", paramLabel = "S1,S2,...", defaultValue = "1,2,3",
            description = "Seeds; every cell runs once per seed (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--default-grid", description = "The default grid, also what runs without --schedule (see docs/benchmark/README.md).")
    boolean defaultGrid;

    @Mixin
    ModelOption model;

    @Mixin
    EpochsOption epochs;

    @Mixin
    BatchOption batch;

    @Mixin
    DataOptions data;

    @Mixin
    DataLimits limits;

    @Option(names = "--target", paramLabel = "ACC", defaultValue = "0.94",
            description = "Test accuracy to reach, in (0, 1] (default: ${DEFAULT-VALUE}, for the MLP on the bundled subset).")
    double target;

    @Option(names = "--settle-epochs", paramLabel = "K", defaultValue = "3",
            description = "Settle spread: max - min test accuracy over the last K epochs (all if fewer), mean over seeds (default: ${DEFAULT-VALUE}).")
    int settleEpochs;

    @Mixin
    OutputFolderOption out;

    @Option(names = "--peer", paramLabel = "FILE",
            description = "A runs.csv of another framework on the same grid (tools/peer/pytorch_schedules.py), summarised beside ours.")
    List<Path> peers = new ArrayList<>();

    @Option(names = "--no-progress", description = "Print one line per run instead of a progress bar.")
    boolean noProgress;

    @Mixin
    JobsOption jobs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        validate();
        FastPath.selectNativeBuild();
        BackendFailure.loadBackend();
        long start = System.nanoTime();
        TrainingData sample = data.load(batch.value(), 0, limits);
        Grid grid = new Grid(new Grid.Setup(model.kind(), dataKey(), epochs.value(), batch.value(), limits.train(), limits.test()),
                cells(), seeds);
        RunStore store = new RunStore(out.resolve("runs"));
        boolean continued = GridFile.claim(out.folder(), grid);
        int trained = train(grid, store, sample, continued, console);
        double runSeconds = report(grid, store, sample);
        writeProvenance(grid, sample, trained, runSeconds, (System.nanoTime() - start) / 1e9);
        console.printf(Locale.ROOT, "trained %d run%s in this session; the %d runs took %s of training time in all%n",
                trained, trained == 1 ? "" : "s", grid.runs().size(), GridProgress.duration(runSeconds));
        try {
            Files.readAllLines(out.resolve("summary.md")).stream()
                    .filter(line -> line.startsWith("|")).forEach(console::println);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + out.resolve("summary.md") + ": " + e, e);
        }
        console.println("results in " + out + ": summary.md, summary.csv, runs.csv, rates.csv, *.png, provenance.json");
        return 0;
    }

    /** Trains the runs without a result; returns how many. */
    private int train(Grid grid, RunStore store, TrainingData sample, boolean continued, PrintWriter console) {
        List<RunKey> keys = grid.runs();
        int finished = (int) keys.stream().filter(store::finished).count();
        console.printf(Locale.ROOT, "%s: %d cells x %d seeds = %d runs of %d epochs, %s, %s (%,d train, %,d test)%n",
                continued ? "continuing " + out : "benchmark in " + out, grid.cells().size(), seeds.size(), keys.size(),
                epochs.value(), EnumConverters.name(model.kind()), sample.description(), sample.trainSize(), sample.testSize());
        if (finished > 0) {
            console.printf(Locale.ROOT, "%d runs finished before: kept; %d to train%n", finished, keys.size() - finished);
        }
        try (GridProgress progress = new GridProgress(console, !noProgress && System.console() != null, keys.size(),
                finished, epochs.value())) {
            return new GridRunner(store, jobs.value()).trainMissing(keys, progress);
        }
    }

    /** Writes every report from the finished runs (and the peers'); returns the runs' summed wall time. */
    private double report(Grid grid, RunStore store, TrainingData sample) {
        List<RunKey> keys = grid.runs();
        List<RunResult> ours = keys.stream().map(store::load).toList();
        List<RunResult> all = new ArrayList<>(ours);
        for (Path peer : peers) {
            all.addAll(labelled(RunsCsv.read(peer), grid));
        }
        String title = EnumConverters.name(model.kind()) + ", " + (TrainingData.BUNDLED.equals(data.data()) ? "bundled MNIST subset" : data.data());
        RunsCsv.write(out.resolve("runs.csv"), ours);
        RunsCsv.writeRates(out.resolve("rates.csv"), keys, store);
        List<Summary.Row> rows = Summary.of(all, target, settleEpochs,
                (int) Math.ceil(sample.trainSize() / (double) batch.value()));
        SummaryTables.writeCsv(out.resolve("summary.csv"), rows, target, settleEpochs);
        SummaryTables.writeMarkdown(out.resolve("summary.md"), rows, context(grid, sample), target, settleEpochs);
        BenchmarkCharts.writeEpochCharts(out.folder(), all, title);
        BenchmarkCharts.writeRateCharts(out.folder(), firstSeedRuns(keys), store, title);
        return keys.stream().mapToDouble(store::wallSeconds).sum();
    }

    private List<Grid.Cell> cells() {
        if (defaultGrid || schedules.specs().isEmpty()) {
            return DefaultGrid.cells(epochs.value(), updaters.isEmpty() ? List.of(UpdaterKind.ADAM, UpdaterKind.SGD) : updaters);
        }
        List<Grid.Cell> cells = new ArrayList<>();
        for (UpdaterKind updater : updaters.isEmpty() ? List.of(UpdaterKind.ADAM) : updaters) {
            for (String text : schedules.specs()) {
                String label = text.trim().replaceAll("\\s+", " ");
                cells.add(new Grid.Cell(updater, label, ScheduleOption.parse(spec, text)));
            }
        }
        return cells;
    }

    /** Peer runs take the label of the grid's cell with the same updater and spec. */
    private static List<RunResult> labelled(List<RunResult> peerRuns, Grid grid) {
        Map<String, String> labels = new HashMap<>();
        grid.cells().forEach(cell -> labels.put(cell.updaterName() + " " + cell.schedule(), cell.label()));
        return peerRuns.stream()
                .map(run -> run.withLabel(labels.getOrDefault(run.updater() + " " + run.schedule(), run.schedule())))
                .toList();
    }

    private static List<RunKey> firstSeedRuns(List<RunKey> keys) {
        Map<Grid.Cell, RunKey> first = new LinkedHashMap<>();
        keys.forEach(key -> first.putIfAbsent(key.cell(), key));
        return new ArrayList<>(first.values());
    }

    private String context(Grid grid, TrainingData sample) {
        return String.format(Locale.ROOT, "%s on %s (%,d train, %,d test examples), %d epochs, batch %d, seeds %s; "
                        + "target test accuracy %.2f%%. Charts: accuracy-*.png, loss-*.png, rates-*.png.",
                EnumConverters.name(model.kind()), sample.description(), sample.trainSize(), sample.testSize(), epochs.value(), batch.value(),
                grid.seeds().stream().map(String::valueOf).collect(Collectors.joining(", ")), 100 * target);
    }

    private void writeProvenance(Grid grid, TrainingData sample, int trained, double runSeconds, double sessionSeconds) {
        Provenance.of("benchmark")
                .with("data_description", sample.description())
                .with("train_examples", sample.trainSize())
                .with("test_examples", sample.testSize())
                .with("grid", grid.describe())
                .with("target", target)
                .with("settle_epochs", settleEpochs)
                .with("fast_path", true)
                .with("jobs", jobs.value())
                .with("runs_wall_seconds_total", runSeconds)
                .with("runs_trained_this_session", trained)
                .with("session_wall_seconds", sessionSeconds)
                .with("peers", peers.stream().map(Path::toString).toList())
                .writeJson(out.resolve("provenance.json"));
    }

    private String dataKey() {
        String value = data.data();
        return TrainingData.BUNDLED.equals(value) || TrainingData.DOWNLOAD.equals(value)
                ? value : Path.of(value).toAbsolutePath().normalize().toString();
    }

    private void validate() {
        epochs.validate(spec);
        batch.validate(spec);
        limits.validate(spec);
        Validation.require(spec, target > 0 && target <= 1, "--target must be in (0, 1] (a fraction: 0.97 for 97%), got " + target);
        Validation.requirePositive(spec, "--settle-epochs", settleEpochs);
        jobs.validate(spec);
        Validation.require(spec, !(defaultGrid && !schedules.specs().isEmpty()), "give either --default-grid or --schedule, not both");
        for (Path peer : peers) {
            Validation.require(spec, Files.isRegularFile(peer), "--peer: no such file " + peer);
        }
    }

    /** This command's defaults of the shared options. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(Map.of("--model", "mlp", "--epochs", "15"));
        }
    }

    /** This command's texts of the shared options' help. */
    public static final class Texts extends HelpTexts {
        /** The texts of {@code --epochs}, {@code --schedule}, {@code --out} and {@code --jobs}. */
        public Texts() {
            super(Map.of("epochs", "Epochs per run (default: ${DEFAULT-VALUE}).",
                    "schedule", "A schedule to compare (repeatable): a spec, e.g. \"exponential(lr=0.002, rate=0.9, unit=epoch)\","
                            + " or a preset: ${bundle:help.presets}.",
                    "out", "Output folder; rerun with it to continue.",
                    "jobs", "Runs trained at the same time, each with one native thread (default: the available cores, "
                            + "here ${DEFAULT-VALUE}). The results are those of --jobs 1; only the seconds change."));
        }
    }
}
