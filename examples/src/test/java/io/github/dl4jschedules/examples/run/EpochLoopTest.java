package io.github.dl4jschedules.examples.run;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link EpochLoop}: the order every engine's epoch runs in, and what its seconds measure. */
class EpochLoopTest {

    /** An engine that writes down what the loop asks of it, and a result made of the epoch and seconds. */
    private static final class Recording implements EpochLoop.Epoch, TrainingRun.Observer {
        final List<String> calls = new ArrayList<>();
        final long prepareMillis;
        final long fitMillis;

        Recording(long prepareMillis, long fitMillis) {
            this.prepareMillis = prepareMillis;
            this.fitMillis = fitMillis;
        }

        @Override
        public void epochStarted(int epoch, int batches) {
            calls.add("started " + epoch + " of " + batches + " batches");
        }

        @Override
        public void prepare() {
            calls.add("prepare");
            sleep(prepareMillis);
        }

        @Override
        public void fit() {
            calls.add("fit");
            sleep(fitMillis);
        }

        @Override
        public EpochResult result(int epoch, double seconds) {
            calls.add("result " + epoch);
            return new EpochResult(epoch, 1.0 / epoch, 0.5, 0.01, seconds);
        }

        @Override
        public void epochDone(EpochResult result) {
            calls.add("done " + result.epoch());
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void everyEpochFromFirstToLastRunsStartPrepareFitResultDone() {
        Recording engine = new Recording(0, 0);

        List<EpochResult> results = EpochLoop.run(3, 4, 7, engine, engine);

        assertThat(engine.calls).containsExactly(
                "started 3 of 7 batches", "prepare", "fit", "result 3", "done 3",
                "started 4 of 7 batches", "prepare", "fit", "result 4", "done 4");
        assertThat(results).extracting(EpochResult::epoch).containsExactly(3, 4);
        assertThat(results).extracting(EpochResult::trainLoss).containsExactly(1.0 / 3, 1.0 / 4);
    }

    @Test
    void theSecondsAreTheFitsAlone() {
        Recording engine = new Recording(400, 40);

        EpochResult result = EpochLoop.run(1, 1, 1, engine, engine).get(0);

        assertThat(result.seconds()).as("fit sleeps 40 ms, prepare 400 ms").isBetween(0.04, 0.4);
    }

    @Test
    void noEpochsWhenTheFirstIsPastTheLast() {
        Recording engine = new Recording(0, 0);

        assertThat(EpochLoop.run(3, 2, 7, engine, engine)).isEmpty();
        assertThat(engine.calls).isEmpty();
    }
}
