package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.train.EpochResult;
import io.github.dl4jschedules.examples.train.TrainingData;
import io.github.dl4jschedules.examples.train.TrainingRun;

import java.util.List;

/**
 * Trains the runs of a grid that have no result yet, one after the other, each with the training
 * program's {@link TrainingRun} (fast path on), its own data iterators shuffled by its seed, and an
 * {@link IterationLog} beside the progress report; stores each run as soon as it ends.
 */
final class GridRunner {

    private final RunStore store;

    GridRunner(RunStore store) {
        this.store = store;
    }

    /**
     * Trains every run of {@code keys} that is not finished.
     *
     * @return the number of runs trained
     */
    int trainMissing(List<RunKey> keys, GridProgress progress) {
        int trained = 0;
        for (RunKey key : keys) {
            if (store.finished(key)) {
                continue;
            }
            long start = System.nanoTime();
            Grid.Setup setup = key.setup();
            TrainingData data = TrainingData.load(setup.data(), setup.batch(), key.seed(), setup.trainLimit(),
                    setup.testLimit());
            TrainingRun.Settings settings = new TrainingRun.Settings(setup.model(), key.cell().updater(),
                    key.cell().schedule(), setup.epochs(), key.seed(), true);
            IterationLog log = new IterationLog();
            List<EpochResult> epochs = new TrainingRun(settings).run(data,
                    TrainingRun.Observer.all(log, progress.observer(key)));
            double seconds = (System.nanoTime() - start) / 1e9;
            store.save(key, epochs, log, seconds);
            progress.runDone(key, epochs, seconds);
            trained++;
        }
        return trained;
    }
}
