package io.github.dl4jschedules.examples.lrfind;

import io.github.dl4jschedules.examples.cli.SeedOption;
import io.github.dl4jschedules.examples.cli.OptionDefaults;
import io.github.dl4jschedules.examples.cli.ModelOption;
import io.github.dl4jschedules.examples.cli.BatchOption;
import io.github.dl4jschedules.examples.cli.TrainLimitOption;
import io.github.dl4jschedules.examples.run.EnumConverters;
import io.github.dl4jschedules.examples.run.BackendFailure;
import io.github.dl4jschedules.examples.cli.UpdaterOption;
import io.github.dl4jschedules.examples.cli.DataOptions;
import io.github.dl4jschedules.examples.cli.HelpTexts;
import io.github.dl4jschedules.examples.cli.OutputFolderOption;
import io.github.dl4jschedules.examples.cli.Validation;
import io.github.dl4jschedules.examples.report.AtomicFiles;
import io.github.dl4jschedules.examples.report.Csv;
import io.github.dl4jschedules.examples.report.LineChart;
import io.github.dl4jschedules.examples.run.FastPath;
import io.github.dl4jschedules.examples.run.TrainingData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.awt.Color;
import java.util.Map;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lr-find}: the learning-rate range test, its curve as CSV and PNG, and a suggested alpha0. */
@Command(name = "lr-find", resourceBundle = "io.github.dl4jschedules.examples.lrfind.LrFindCommand$Texts",
        defaultValueProvider = LrFindCommand.Defaults.class,
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The learning-rate range test (Smith 2017, fastai's lr_find): trains while the rate rises",
                "exponentially from --start to --end, records the smoothed loss, stops when it diverges, and",
                "suggests alpha0. Writes lr-find.csv and lr-find.png to --out."})
public final class LrFindCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Mixin
    UpdaterOption updater;

    @Option(names = "--start", defaultValue = "1e-7", description = "First rate (default: ${DEFAULT-VALUE}).")
    double start;

    @Option(names = "--end", defaultValue = "10", description = "Last rate (default: ${DEFAULT-VALUE}).")
    double end;

    @Option(names = "--iterations", defaultValue = "200",
            description = "Iterations from --start to --end; the test stops earlier when the loss diverges (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--beta", defaultValue = "0.98", description = "Smoothing of the loss, fastai's (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--divergence", paramLabel = "F", defaultValue = "4",
            description = "Stop when the smoothed loss exceeds F times its lowest value (default: ${DEFAULT-VALUE}).")
    double divergence;

    @Mixin
    DataOptions data;

    @Mixin
    BatchOption batch;

    @Mixin
    SeedOption seed;

    @Mixin
    TrainLimitOption trainLimit;

    @Mixin
    OutputFolderOption out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        validate();
        FastPath.selectNativeBuild();
        BackendFailure.loadBackend();
        TrainingData trainingData = data.load(batch.value(), seed.value(),
                trainLimit.value(), 1);
        ExponentialRamp ramp = new ExponentialRamp(start, end, iterations);
        console.printf(Locale.ROOT, "range test: %s, %s, batch %d, seed %d, %s (%,d train)%nrate: %s%n",
                EnumConverters.name(model.kind()), EnumConverters.name(updater.kind()), batch.value(), seed.value(), trainingData.description(), trainingData.trainSize(), ramp);
        RangeTest.Curve curve = RangeTest.run(
                new RangeTest.Settings(model.kind(), updater.kind(), ramp, iterations, seed.value(), beta, divergence), trainingData);
        console.println("stopped: " + curve.stopReason());
        writeCsv(curve);
        Suggestion suggestion = Suggestion.of(curve.points(), iterations);
        writeChart(curve, suggestion);
        console.printf(Locale.ROOT, "steepest fall of the smoothed loss: rate %.3g (smoothed loss %.4f) "
                        + "-- fastai's 'steep' rule%n", suggestion.steepest(), suggestion.steepestLoss());
        console.printf(Locale.ROOT, "lowest smoothed loss %.4f at rate %.3g; a tenth of it: %.3g -- fastai's "
                        + "'minimum' rule%n", suggestion.minimumLoss(), suggestion.minimum(), suggestion.minimumTenth());
        console.printf(Locale.ROOT, "suggested alpha0: %.3g, the steepest point: the loss falls fastest there, before "
                        + "it turns up (fastai's other rule, minimum / 10, gives %.3g). A starting point: tune around it.%n",
                suggestion.steepest(), suggestion.minimumTenth());
        console.println("curve written to " + out.resolve("lr-find.csv") + " and " + out.resolve("lr-find.png"));
        return 0;
    }

    private void writeCsv(RangeTest.Curve curve) {
        List<String> lines = new ArrayList<>();
        lines.add("iteration,rate,loss,smoothed");
        for (RangeTest.Point p : curve.points()) {
            lines.add(Csv.line(p.iteration(), p.rate(), p.loss(), p.smoothed()));
        }
        AtomicFiles.writeLines(out.resolve("lr-find.csv"), lines);
    }

    /** Smoothed loss over the rate (log axis); the raw losses faint behind it, cut at the smoothed curve's top. */
    private void writeChart(RangeTest.Curve curve, Suggestion suggestion) {
        List<RangeTest.Point> points = curve.points();
        double[] rate = new double[points.size()];
        double[] loss = new double[points.size()];
        double[] smoothed = new double[points.size()];
        double top = 0;
        for (int i = 0; i < points.size(); i++) {
            rate[i] = points.get(i).rate();
            smoothed[i] = points.get(i).smoothed();
            top = Math.max(top, Double.isFinite(smoothed[i]) ? smoothed[i] : 0);
        }
        for (int i = 0; i < points.size(); i++) {
            loss[i] = points.get(i).loss() <= top ? points.get(i).loss() : Double.NaN;
        }
        LineChart chart = new LineChart(String.format(Locale.ROOT, "Range test: %s, %s, batch %d", EnumConverters.name(model.kind()),
                EnumConverters.name(updater.kind()), batch.value()), "learning rate (log scale)", "training loss", 860, 560).logX();
        chart.faint(rate, loss, new Color(180, 180, 180));
        chart.line("smoothed loss (EMA, beta " + beta + ", bias-corrected)", rate, smoothed);
        chart.point(String.format(Locale.ROOT, "steepest: %.3g (suggested alpha0)", suggestion.steepest()),
                suggestion.steepest(), suggestion.steepestLoss(), new Color(0xd62728));
        chart.point(String.format(Locale.ROOT, "minimum: %.3g (minimum / 10 = %.3g)",
                suggestion.minimum(), suggestion.minimumTenth()), suggestion.minimum(), suggestion.minimumLoss(),
                new Color(0x2ca02c));
        chart.write(out.resolve("lr-find.png"));
    }

    private void validate() {
        Validation.require(spec, start > 0 && Double.isFinite(start), "--start must be finite and > 0, got " + start);
        Validation.require(spec, end > start && Double.isFinite(end), "--end must be finite and > --start=" + start + ", got " + end);
        Validation.require(spec, iterations >= 10, "--iterations must be >= 10, got " + iterations);
        Validation.require(spec, beta >= 0 && beta < 1, "--beta must be in [0, 1), got " + beta);
        Validation.require(spec, divergence > 1, "--divergence must be > 1, got " + divergence);
        batch.validate(spec);
        trainLimit.validate(spec);
    }

    /** This command's defaults of the shared options. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(Map.of("--model", "lenet"));
        }
    }

    /** This command's texts of the shared options' help. */
    public static final class Texts extends HelpTexts {
        /** The texts of {@code --seed} and {@code --out}. */
        public Texts() {
            super(Map.of("seed", "Seed of weights and shuffling (default: ${DEFAULT-VALUE}).",
                    "out", "Folder for lr-find.csv and lr-find.png."));
        }
    }
}
