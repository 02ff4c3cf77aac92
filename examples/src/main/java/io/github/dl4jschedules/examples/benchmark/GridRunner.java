package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.examples.run.TrainingRun;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains the runs of a grid that have no result yet, {@code jobs} at a time on as many threads, each
 * with the training program's {@link TrainingRun} (fast path on: one native thread per op, so
 * {@code jobs} runs use about {@code jobs} cores), its own data iterators shuffled by its seed, and an
 * {@link IterationLog} beside the progress report; stores each run as soon as it ends.
 *
 * <p>Runs share nothing but the read-only grid: each builds its own network from its seed (ND4J's
 * random generator is per thread) and its own data, so a run's numbers do not depend on {@code jobs}
 * or on which runs train beside it; only the seconds do.
 */
final class GridRunner {

    private final RunStore store;
    private final int jobs;

    /** @param jobs runs trained at the same time, {@code >= 1} */
    GridRunner(RunStore store, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be >= 1, got " + jobs);
        }
        this.store = store;
        this.jobs = jobs;
    }

    /**
     * Trains every run of {@code keys} that is not finished.
     *
     * @return the number of runs trained
     * @throws IllegalStateException carrying the first run's failure, after the other runs ended
     */
    int trainMissing(List<RunKey> keys, GridProgress progress) {
        List<RunKey> missing = keys.stream().filter(key -> !store.finished(key)).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, missing.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RunKey key : missing) {
                futures.add(pool.submit(() -> train(key, progress)));
            }
            RuntimeException failure = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while training the grid", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return missing.size();
        } finally {
            pool.shutdownNow();
        }
    }

    private void train(RunKey key, GridProgress progress) {
        long start = System.nanoTime();
        Grid.Setup setup = key.setup();
        TrainingData data = TrainingData.load(setup.data(), setup.batch(), key.seed(), setup.trainLimit(),
                setup.testLimit());
        TrainingRun.Settings settings = new TrainingRun.Settings(setup.model(), key.cell().updater(),
                key.cell().schedule(), setup.epochs(), key.seed(), true);
        IterationLog log = new IterationLog();
        progress.runStarted(key);
        List<EpochResult> epochs = new TrainingRun(settings).run(data,
                TrainingRun.Observer.all(log, progress.observer()));
        double seconds = (System.nanoTime() - start) / 1e9;
        store.save(key, epochs, log, seconds);
        progress.runDone(key, epochs, seconds);
    }
}
