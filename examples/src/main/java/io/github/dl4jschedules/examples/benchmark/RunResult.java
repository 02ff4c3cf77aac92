package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.run.EpochResult;

import java.util.List;

/**
 * A finished run as the reports see it.
 *
 * @param framework what trained it: {@value #DL4J} for this benchmark's runs, another name for a peer's
 * @param runId     the run's id, unique within its framework
 * @param label     the short schedule name of tables and legends
 * @param schedule  the schedule's canonical spec
 * @param updater   the updater's name, e.g. {@code adam}
 * @param seed      the run's seed
 * @param epochs    one result per epoch, from epoch 1; at least one
 */
record RunResult(String framework, String runId, String label, String schedule, String updater, long seed,
                        List<EpochResult> epochs) {

    /** The framework name of the runs this benchmark trains. */
    public static final String DL4J = "dl4j";

    public RunResult {
        epochs = List.copyOf(epochs);
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("run " + runId + " has no epochs");
        }
    }

    /** The last epoch's result. */
    public EpochResult last() {
        return epochs.get(epochs.size() - 1);
    }

    /** The same run under another label. */
    public RunResult withLabel(String newLabel) {
        return new RunResult(framework, runId, newLabel, schedule, updater, seed, epochs);
    }
}
