package io.github.dl4jschedules.examples.tune;

import io.github.dl4jschedules.examples.cli.SeedOption;
import io.github.dl4jschedules.examples.cli.OptionDefaults;
import io.github.dl4jschedules.examples.cli.ModelOption;
import io.github.dl4jschedules.examples.cli.BatchOption;
import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.run.EnumConverters;
import io.github.dl4jschedules.examples.run.BackendFailure;
import io.github.dl4jschedules.examples.cli.UpdaterOption;
import io.github.dl4jschedules.examples.cli.DataLimits;
import io.github.dl4jschedules.examples.cli.DataOptions;
import io.github.dl4jschedules.examples.cli.HelpTexts;
import io.github.dl4jschedules.examples.cli.JobsOption;
import io.github.dl4jschedules.examples.cli.OutputFolderOption;
import io.github.dl4jschedules.examples.cli.ScheduleOption;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.FastPath;
import io.github.dl4jschedules.examples.run.Provenance;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.examples.run.TrainingRun;
import io.github.dl4jschedules.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code tune}: random search over a schedule's parameters with successive halving. Every trial of a
 * rung trains from scratch for the rung's epochs with the same seed (no model is carried over), so a
 * trial's rung result is exactly that of a training of that length, also for schedules whose shape
 * depends on the run's length.
 */
@Command(name = "tune", resourceBundle = "io.github.dl4jschedules.examples.tune.TuneCommand$Texts",
        defaultValueProvider = TuneCommand.Defaults.class,
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Random search over a schedule's parameters, given as ranges in the spec, with successive",
                "halving: every trial trains --min-epochs, the best 1/eta train eta times longer, and so on.",
                "Ranks by test accuracy; writes trials.md, trials.csv and provenance.json to --out."})
public final class TuneCommand implements Callable<Integer> {

    @Mixin
    ScheduleOption schedule;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "9", description = "Trials drawn (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--min-epochs", paramLabel = "R", defaultValue = "1",
            description = "Epochs of the first rung; rung i trains R*eta^i (default: ${DEFAULT-VALUE}).")
    int minEpochs;

    @Option(names = "--eta", defaultValue = "3", description = "Keep the best 1/eta after each rung (default: ${DEFAULT-VALUE}).")
    int eta;

    @Mixin
    SeedOption seed;

    @Mixin
    ModelOption model;

    @Mixin
    UpdaterOption updater;

    @Mixin
    BatchOption batch;

    @Mixin
    DataOptions data;

    @Mixin
    DataLimits limits;

    @Mixin
    OutputFolderOption out;

    @Mixin
    JobsOption jobs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        SuccessiveHalving halving = validate();
        SearchSpace space = searchSpace();
        FastPath.selectNativeBuild();
        BackendFailure.loadBackend();
        Random draws = new Random(seed.value());
        List<String> specs = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            specs.add(space.sample(draws));
        }
        List<String> preamble = preamble(space, halving);
        preamble.forEach(console::println);

        SuccessiveHalving.Result result = halving.run((trial, epochs) -> {
            TrainingData trainingData = data.load(batch.value(), seed.value(), limits);
            TrainingRun.Settings settings = new TrainingRun.Settings(model.kind(), updater.kind(), Schedules.parse(specs.get(trial)),
                    epochs, seed.value(), true);
            List<EpochResult> results = new TrainingRun(settings).run(trainingData, new TrainingRun.Observer() { });
            double accuracy = results.get(results.size() - 1).testAccuracy();
            console.printf(Locale.ROOT, "trial %d, %d epoch%s: test accuracy %.2f%%  %s%n", trial, epochs,
                    epochs == 1 ? "" : "s", 100 * accuracy, specs.get(trial));
            return accuracy;
        }, jobs.value());

        TrialTables.writeCsv(out.resolve("trials.csv"), specs, result);
        TrialTables.writeMarkdown(out.resolve("trials.md"), preamble, specs, result);
        writeProvenance(space, specs, result);
        int best = result.best();
        int rung = result.rungs()[best] - 1;
        int epochs = result.budgets()[rung];
        console.printf(Locale.ROOT, "best: %s%n  test accuracy %.2f%% after %d epoch%s (trial %d); table in %s%n",
                specs.get(best), 100 * result.accuracy()[best][rung], epochs, epochs == 1 ? "" : "s", best,
                out.resolve("trials.md"));
        return 0;
    }

    private SearchSpace searchSpace() {
        try {
            return SearchSpace.parse(schedule.spec(spec));
        } catch (SpecException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--schedule': "
                    + e.getMessage() + System.lineSeparator() + "  " + e.pointer().replace(System.lineSeparator(),
                    System.lineSeparator() + "  "));
        }
    }

    private List<String> preamble(SearchSpace space, SuccessiveHalving halving) {
        List<String> lines = new ArrayList<>();
        lines.add("Search space: `" + space.text() + "`; "
                + String.join(", ", space.ranges().stream().map(SearchSpace.Range::describe).toList()) + ".");
        int[] sizes = halving.rungSizes();
        int[] budgets = halving.budgets();
        List<String> rungs = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            rungs.add(String.format(Locale.ROOT, "rung %d: %d trial%s x %d epoch%s", i, sizes[i], sizes[i] == 1 ? "" : "s",
                    budgets[i], budgets[i] == 1 ? "" : "s"));
        }
        lines.add(String.format(Locale.ROOT, "Successive halving, eta %d: %s; %d epochs in all (each rung retrains "
                + "from scratch).", eta, String.join(", ", rungs), halving.totalEpochs()));
        lines.add(String.format(Locale.ROOT, "%s, %s, batch %d, seed %d (draws and training), data %s. Trials are "
                        + "ranked by the test split's accuracy (the data has no separate validation split).",
                EnumConverters.name(model.kind()), EnumConverters.name(updater.kind()), batch.value(), seed.value(), data.data()));
        return lines;
    }

    private void writeProvenance(SearchSpace space, List<String> specs, SuccessiveHalving.Result result) {
        Provenance.of("tune")
                .with("search_space", space.text())
                .with("trials", trials)
                .with("min_epochs", minEpochs)
                .with("eta", eta)
                .with("seed", seed.value())
                .with("model", EnumConverters.name(model.kind()))
                .with("updater", EnumConverters.name(updater.kind()))
                .with("data", data.data())
                .with("batch", batch.value())
                .withAll(limits.provenance())
                .with("best", specs.get(result.best()))
                .with("fast_path", true)
                .with("jobs", jobs.value())
                .writeJson(out.resolve("provenance.json"));
    }

    private SuccessiveHalving validate() {
        batch.validate(spec);
        jobs.validate(spec);
        limits.validate(spec);
        try {
            SuccessiveHalving halving = new SuccessiveHalving(trials, minEpochs, eta);
            halving.budgets();
            return halving;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** This command's defaults of the shared options. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(Map.of("--model", "mlp"));
        }
    }

    /** This command's texts of the shared options' help. */
    public static final class Texts extends HelpTexts {
        /** The texts of {@code --seed}, {@code --schedule}, {@code --out} and {@code --jobs}. */
        public Texts() {
            super(Map.of("seed", "Seed of the draws and of every training (default: ${DEFAULT-VALUE}).",
                    "schedule", "Required: a spec with ranges key=low..high, e.g. \"inverse-time(lr=1e-3..1, decay=0.01..10, unit=epoch)\"."
                            + " Log-uniform when 0 < low and high/low >= 10, else uniform; integers when both bounds are.",
                    "out", "Folder for trials.md, trials.csv, provenance.json.",
                    "jobs", "Trials of a rung trained at the same time, each with one native thread (default: the available "
                            + "cores, here ${DEFAULT-VALUE}). The results are those of --jobs 1."));
        }
    }
}
