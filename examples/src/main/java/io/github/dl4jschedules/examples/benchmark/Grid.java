package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import io.github.dl4jschedules.schedules.CounterSchedule;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a benchmark trains: the settings every run shares ({@link Setup}), the cells (an updater with
 * a schedule) and the seeds. The runs are every cell with every seed, cell by cell.
 *
 * @param setup what every run shares
 * @param cells the (updater, schedule) pairs compared, in report order; no two alike
 * @param seeds weight initialisation and shuffling seeds; no two alike
 */
record Grid(Setup setup, List<Cell> cells, List<Long> seeds) {

    /**
     * The settings every run of a grid shares.
     *
     * @param model      the network
     * @param data       {@code bundled}, {@code mnist} or the absolute path of an IDX folder
     * @param epochs     epochs per run
     * @param batch      mini-batch size
     * @param trainLimit training examples used at most ({@link Integer#MAX_VALUE}: all)
     * @param testLimit  test examples used at most ({@link Integer#MAX_VALUE}: all)
     */
    public record Setup(ModelKind model, String data, int epochs, int batch, int trainLimit, int testLimit) {

        /** The settings as text, in a fixed order: part of every run's identity. */
        public Map<String, String> describe() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("model", model.name().toLowerCase(Locale.ROOT));
            values.put("data", data);
            values.put("epochs", Integer.toString(epochs));
            values.put("batch", Integer.toString(batch));
            values.put("train_limit", limit(trainLimit));
            values.put("test_limit", limit(testLimit));
            return values;
        }

        private static String limit(int value) {
            return value == Integer.MAX_VALUE ? "all" : Integer.toString(value);
        }
    }

    /**
     * One compared configuration: an updater driven by a schedule.
     *
     * @param updater  the updater
     * @param label    a short name for tables and legends: the preset name or the spec as given
     * @param schedule the schedule; its canonical spec ({@code toString()}) identifies it
     */
    public record Cell(UpdaterKind updater, String label, CounterSchedule schedule) {

        /** The updater's option value, e.g. {@code adam}. */
        public String updaterName() {
            return updater.name().toLowerCase(Locale.ROOT);
        }
    }

    /** @throws IllegalArgumentException for no cells, no seeds, or a cell or seed given twice */
    public Grid {
        cells = List.copyOf(cells);
        seeds = List.copyOf(seeds);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("a benchmark needs at least one schedule and one updater");
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a benchmark needs at least one seed");
        }
        Set<String> seen = new HashSet<>();
        for (Cell cell : cells) {
            if (!seen.add(cell.updaterName() + " " + cell.schedule())) {
                throw new IllegalArgumentException("the schedule " + cell.schedule() + " is given twice for "
                        + cell.updaterName() + " (as '" + cell.label() + "')");
            }
        }
        if (new HashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("a seed is given twice: " + seeds);
        }
    }

    /** Every run: each cell with each seed, in cell order, then seed order. */
    public List<RunKey> runs() {
        List<RunKey> runs = new ArrayList<>();
        for (Cell cell : cells) {
            for (long seed : seeds) {
                runs.add(new RunKey(setup, cell, seed));
            }
        }
        return runs;
    }

    /**
     * The grid as plain values (settings, cells with their canonical specs, seeds): written to
     * {@code grid.json} and {@code provenance.json}, and compared when a benchmark is continued.
     */
    public Map<String, Object> describe() {
        Map<String, Object> values = new LinkedHashMap<>(setup.describe());
        List<Map<String, String>> cellValues = new ArrayList<>();
        for (Cell cell : cells) {
            Map<String, String> value = new LinkedHashMap<>();
            value.put("updater", cell.updaterName());
            value.put("label", cell.label());
            value.put("schedule", cell.schedule().toString());
            cellValues.add(value);
        }
        values.put("cells", cellValues);
        values.put("seeds", seeds);
        return values;
    }
}
