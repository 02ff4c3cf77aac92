package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.run.Presets;
import io.github.dl4jschedules.examples.run.UpdaterKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grid {@code benchmark} runs without {@code --schedule}: the lecture's decays against a constant
 * rate and one modern schedule, for two updaters, each schedule family at the updater's own alpha0.
 * <ul>
 *   <li><b>Adam</b>, the presets ({@link Presets}; alpha0 = 0.002): {@code constant} (Adam's usual 0.001),
 *   {@code constant 0.002} (the decays' alpha0, held), {@code inverse-time}, {@code exponential},
 *   {@code inverse-sqrt-epoch}, {@code staircase}, and {@code cosine} from 0.002 to 0 over the run's epochs;</li>
 *   <li><b>SGD</b>, the same families at alpha0 = 0.1: constant, inverse-time (decay 1), exponential (0.95),
 *   k/sqrt(epoch), staircase (halve every 2 epochs), cosine over the run.</li>
 * </ul>
 * Every decay counts epochs, as the lecture does (and as PyTorch's schedulers stepped once per epoch do),
 * so a peer can train the same schedules. With the command's defaults (MLP, 15 epochs, 3 seeds) it is
 * 13 cells x 3 seeds = 39 runs.
 */
final class DefaultGrid {

    /** SGD's alpha0: Adam's presets are 50 times too small for plain SGD on MNIST. */
    static final String SGD_RATE = "0.1";

    private DefaultGrid() {
    }

    /**
     * The default cells for some updaters.
     *
     * @param epochs   the run length; the cosine anneals over it
     * @param updaters which updaters' cells, in this order
     * @throws IllegalArgumentException for an updater the default grid has no schedules for
     */
    static List<Grid.Cell> cells(int epochs, List<UpdaterKind> updaters) {
        List<Grid.Cell> cells = new ArrayList<>();
        for (UpdaterKind updater : updaters) {
            Map<String, String> specs = switch (updater) {
                case ADAM -> adam(epochs);
                case SGD -> sgd(epochs);
                default -> throw new IllegalArgumentException("the default grid has schedules for adam and sgd, not "
                        + updater.name().toLowerCase(Locale.ROOT) + "; give them with --schedule");
            };
            specs.forEach((label, spec) -> cells.add(new Grid.Cell(updater, label, Schedules.parse(spec))));
        }
        return cells;
    }

    private static Map<String, String> adam(int epochs) {
        Map<String, String> specs = new LinkedHashMap<>();
        specs.put("constant", Presets.resolve("constant"));
        specs.put("constant 0.002", "constant(lr=0.002)");
        for (String preset : List.of("inverse-time", "exponential", "inverse-sqrt-epoch", "staircase")) {
            specs.put(preset, Presets.resolve(preset));
        }
        specs.put("cosine", "cosine(lr=0.002, steps=" + epochs + ", unit=epoch)");
        return specs;
    }

    private static Map<String, String> sgd(int epochs) {
        Map<String, String> specs = new LinkedHashMap<>();
        String lr = SGD_RATE;
        specs.put("constant", "constant(lr=" + lr + ")");
        specs.put("inverse-time", "inverse-time(lr=" + lr + ", decay=1, unit=epoch, first=1)");
        specs.put("exponential", "exponential(lr=" + lr + ", rate=0.95, unit=epoch, first=1)");
        specs.put("inverse-sqrt-epoch", "inverse-sqrt(lr=" + lr + ", k=1, unit=epoch)");
        specs.put("staircase", "step(lr=" + lr + ", factor=0.5, every=2, unit=epoch)");
        specs.put("cosine", "cosine(lr=" + lr + ", steps=" + epochs + ", unit=epoch)");
        return specs;
    }
}
