package io.github.dl4jschedules.examples.benchmark;

/**
 * The default of {@code --jobs} ({@code benchmark}, {@code tune}): one run per available core, since
 * every run trains with one native thread ({@link io.github.dl4jschedules.examples.run.FastPath}).
 */
public final class Jobs {

    private Jobs() {
    }

    /** {@code Runtime.availableProcessors()}, at least 1. */
    public static int defaultJobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
