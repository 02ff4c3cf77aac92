package io.github.dl4jschedules.examples.speed;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The comparison {@code speed} prints: seconds per epoch, CPU seconds per epoch (when measured) and
 * test accuracy after each epoch, one column per variant; the means without the first epoch
 * (warm-up); and the ratios of the fast path's means to the others'.
 */
public final class SpeedTable {

    /** The variant the ratios are taken of. */
    public static final String FAST = "fast";

    private static final int FIRST_COLUMN = 10;
    private static final int COLUMN = 10;

    private SpeedTable() {
    }

    /** The table for these variants' results, in their order. */
    public static String format(List<VariantResult> results) {
        StringBuilder out = new StringBuilder();
        int epochs = results.stream().mapToInt(r -> r.epochs().size()).max().orElse(0);
        if (epochs == 0) {
            return "no results\n";
        }
        out.append("seconds per epoch (training only, evaluation excluded)\n");
        header(out, results);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            row(out, Integer.toString(epoch));
            for (VariantResult r : results) {
                cell(out, r.seconds(epoch), "%.2f");
            }
            out.append('\n');
        }
        row(out, meanLabel(epochs));
        for (VariantResult r : results) {
            OptionalDouble mean = r.meanSeconds();
            cell(out, mean.isPresent() ? mean.getAsDouble() : Double.NaN, "%.2f");
        }
        out.append('\n');

        boolean cpu = results.stream().anyMatch(r -> !r.cpuSeconds().isEmpty());
        if (cpu) {
            out.append("\nCPU seconds per epoch (all threads of the process, training and the evaluation after it;"
                    + " epoch 1 includes the start-up)\n");
            header(out, results);
            for (int epoch = 1; epoch <= epochs; epoch++) {
                row(out, Integer.toString(epoch));
                for (VariantResult r : results) {
                    cell(out, r.cpuSeconds(epoch), "%.2f");
                }
                out.append('\n');
            }
            row(out, meanLabel(epochs));
            for (VariantResult r : results) {
                OptionalDouble mean = r.meanCpuSeconds();
                cell(out, mean.isPresent() ? mean.getAsDouble() : Double.NaN, "%.2f");
            }
            out.append('\n');
        }

        out.append("\ntest accuracy after each epoch\n");
        header(out, results);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            row(out, Integer.toString(epoch));
            for (VariantResult r : results) {
                cell(out, r.accuracy(epoch), "%.4f");
            }
            out.append('\n');
        }

        out.append('\n').append(epochs > 1
                ? "mean: epoch" + (epochs > 2 ? "s " : " ") + counted(epochs)
                        + "; epoch 1 is left out as warm-up (JIT, native libraries, first allocations)"
                : "mean: epoch 1 alone (one epoch: warm-up included; run 2 or more epochs for a steady-state mean)")
                .append('\n');
        Optional<VariantResult> fast = results.stream().filter(r -> r.name().equals(FAST)).findFirst();
        if (fast.isPresent() && fast.get().meanSeconds().isPresent()) {
            double fastMean = fast.get().meanSeconds().getAsDouble();
            boolean any = false;
            for (VariantResult other : results) {
                if (other.name().equals(FAST) || other.meanSeconds().isEmpty()) {
                    continue;
                }
                if (!any) {
                    out.append("ratios of the mean epoch times:\n");
                    any = true;
                }
                double otherMean = other.meanSeconds().getAsDouble();
                out.append(String.format(Locale.ROOT, "  %-" + (FAST.length() + 3 + 8) + "s %6.3f  (%s)%n",
                        FAST + " / " + other.name(), fastMean / otherMean, comparison(other.name(), fastMean, otherMean)));
            }
        }
        if (cpu && fast.isPresent() && fast.get().meanCpuSeconds().isPresent()) {
            double fastMean = fast.get().meanCpuSeconds().getAsDouble();
            boolean any = false;
            for (VariantResult other : results) {
                if (other.name().equals(FAST) || other.meanCpuSeconds().isEmpty()) {
                    continue;
                }
                if (!any) {
                    out.append("ratios of the mean CPU seconds per epoch:\n");
                    any = true;
                }
                double otherMean = other.meanCpuSeconds().getAsDouble();
                out.append(String.format(Locale.ROOT, "  %-" + (FAST.length() + 3 + 8) + "s %6.3f  (%s)%n",
                        FAST + " / " + other.name(), fastMean / otherMean, comparison(other.name(), fastMean, otherMean)));
            }
        }
        return out.toString();
    }

    /** "fast is 4.10x faster than plain", "fast takes 1.2% more time than bare-fit", ... */
    static String comparison(String other, double fastMean, double otherMean) {
        double ratio = fastMean / otherMean;
        if (Math.abs(ratio - 1) < 0.2) {
            return String.format(Locale.ROOT, "fast takes %.1f%% %s time than %s", 100 * Math.abs(ratio - 1),
                    ratio >= 1 ? "more" : "less", other);
        }
        return ratio < 1
                ? String.format(Locale.ROOT, "fast is %.2fx faster than %s", otherMean / fastMean, other)
                : String.format(Locale.ROOT, "fast is %.2fx slower than %s", ratio, other);
    }

    private static String meanLabel(int epochs) {
        return "mean " + counted(epochs);
    }

    /** The epochs the mean counts: "2-5", "2", or "1" when there is only one. */
    private static String counted(int epochs) {
        return epochs > 2 ? "2-" + epochs : Integer.toString(epochs);
    }

    private static void header(StringBuilder out, List<VariantResult> results) {
        row(out, "epoch");
        for (VariantResult r : results) {
            out.append(String.format(Locale.ROOT, "%" + COLUMN + "s", r.name()));
        }
        out.append('\n');
    }

    private static void row(StringBuilder out, String label) {
        out.append(String.format(Locale.ROOT, "%-" + FIRST_COLUMN + "s", label));
    }

    private static void cell(StringBuilder out, double value, String format) {
        String text = Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
        out.append(String.format(Locale.ROOT, "%" + COLUMN + "s", text));
    }
}
