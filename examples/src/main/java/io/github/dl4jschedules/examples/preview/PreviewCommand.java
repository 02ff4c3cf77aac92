package io.github.dl4jschedules.examples.preview;

import io.github.dl4jschedules.examples.cli.HelpTexts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/** {@code preview}: the rates of one or more schedules before training, as a table, a PNG chart and a CSV file. */
@Command(name = "preview", resourceBundle = HelpTexts.NAME, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the rates of schedules at chosen steps, before any training; charts them to PNG or writes them to CSV.",
                "Values are the library's valueAt(iteration, epoch), the call DL4J makes, printed exactly: the shortest decimal that reads back as the same double.",
                "A step is an epoch when every schedule counts epochs, else an iteration; epoch schedules then see epoch = iteration / K (--iterations-per-epoch)."})
public final class PreviewCommand implements Callable<Integer> {

    /** The smallest chart side, in pixels, that leaves room for the axes and the legend. */
    static final int MIN_CHART_SIDE = 100;

    /** The most steps a chart or CSV covers: far more than a chart has pixels, and a few MB per schedule. */
    static final int MAX_STEPS = 1_000_000;

    // Converted in call(), not by picocli: picocli reports a bad second spec as "Unmatched argument", losing the caret.
    @Parameters(arity = "1..*", paramLabel = "SPEC|PRESET",
            description = {"Schedules: specs of the catalogue, e.g. \"cosine(lr=0.1, steps=100)\", or presets: "
                    + "${bundle:help.presets}."})
    List<String> specs;

    @Option(names = "--at", split = ",", paramLabel = "STEP",
            description = "Steps of the table, e.g. 0,1,2,10,100 (default: 0 to 9, then 10, 20, 50, 100, ... and the last step).")
    List<Integer> at;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "100",
            description = "Chart and CSV cover the steps 0 to N-1, N at most 1,000,000 (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--iterations-per-epoch", paramLabel = "K",
            description = "Iterations per epoch; the x axis then counts iterations (default: 1, and epochs if every schedule counts them).")
    Integer iterationsPerEpoch;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Write a PNG chart of the rates over --steps.")
    Path chart;

    @Option(names = "--log-y", description = "Logarithmic rate axis on the chart.")
    boolean logY;

    @Option(names = "--title", paramLabel = "TEXT", description = "Chart title (default: none).")
    String title;

    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "640", description = "Chart width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PIXELS", defaultValue = "320", description = "Chart height (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the rates over --steps to a CSV file: step, then one column per schedule.")
    Path csv;

    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        validate();
        List<LabelledSchedule> schedules = schedules();
        StepAxis axis = StepAxis.of(schedules.stream().map(LabelledSchedule::schedule).toList(), iterationsPerEpoch);
        PrintWriter out = spec.commandLine().getOut();
        ValueTable.print(RateSeries.compute(axis, schedules, tableSteps()), out);
        if (chart != null || csv != null) {
            RateSeries series = RateSeries.compute(axis, schedules, RateSeries.firstSteps(steps));
            if (chart != null) {
                RateChart.write(series, new RateChart.Style(width, height, title, logY), chart);
                out.println("chart written to " + chart);
            }
            if (csv != null) {
                SeriesCsv.write(series, csv);
                out.println("csv written to " + csv);
            }
        }
        out.flush();
        return 0;
    }

    private void validate() {
        require(steps >= 1, "--steps must be >= 1, got " + steps);
        require(steps <= MAX_STEPS, "--steps must be <= " + MAX_STEPS + ", got " + steps);
        if (iterationsPerEpoch != null) {
            require(iterationsPerEpoch >= 1, "--iterations-per-epoch must be >= 1, got " + iterationsPerEpoch);
        }
        if (at != null) {
            at.forEach(step -> require(step >= 0, "--at steps must be >= 0, got " + step));
        }
        require(width >= MIN_CHART_SIDE, "--width must be >= " + MIN_CHART_SIDE + ", got " + width);
        require(height >= MIN_CHART_SIDE, "--height must be >= " + MIN_CHART_SIDE + ", got " + height);
        if (chart != null) {
            require(chart.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"),
                    "--chart must end in .png, got " + chart);
        }
    }

    private List<LabelledSchedule> schedules() {
        List<LabelledSchedule> schedules = new ArrayList<>();
        for (String text : specs) {
            try {
                schedules.add(LabelledSchedule.of(text));
            } catch (CommandLine.TypeConversionException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for SPEC|PRESET: " + e.getMessage());
            }
        }
        return schedules;
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    /** {@code --at}, or 0 to 9, then 10, 20, 50, 100, 200, 500, ... below the last step, then the last step ({@code N-1}). */
    private int[] tableSteps() {
        if (at != null) {
            return at.stream().mapToInt(Integer::intValue).toArray();
        }
        int last = steps - 1;
        IntStream.Builder chosen = IntStream.builder();
        IntStream.rangeClosed(0, Math.min(9, last)).forEach(chosen);
        for (long decade = 10; decade < last; decade *= 10) {
            for (long multiple : new long[] {1, 2, 5}) {
                if (decade * multiple < last) {
                    chosen.add((int) (decade * multiple));
                }
            }
        }
        if (last > 9) {
            chosen.add(last);
        }
        return chosen.build().toArray();
    }
}
