package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.run.EpochResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The summary's definitions on hand-made runs, against numbers worked out by hand. */
class SummaryTest {

    private static RunResult run(String framework, String schedule, long seed, double... accuracyLossSeconds) {
        List<EpochResult> epochs = new java.util.ArrayList<>();
        for (int i = 0; i < accuracyLossSeconds.length; i += 3) {
            epochs.add(new EpochResult(i / 3 + 1, accuracyLossSeconds[i + 1], accuracyLossSeconds[i], 0.1,
                    accuracyLossSeconds[i + 2]));
        }
        return new RunResult(framework, "id" + seed, schedule, schedule, "sgd", seed, epochs);
    }

    @Test
    void meansStandardDeviationsTargetAndSpread() {
        // seed 1: accuracy 0.80, 0.90, 0.88 (reaches 0.85 in epoch 2 after 1 + 2 = 3 s)
        // seed 2: accuracy 0.70, 0.84, 0.92 (reaches 0.85 in epoch 3 after 2 + 2 + 2 = 6 s)
        RunResult one = run("dl4j", "a", 1, 0.80, 1.0, 1, 0.90, 0.5, 2, 0.88, 0.3, 3);
        RunResult two = run("dl4j", "a", 2, 0.70, 1.2, 2, 0.84, 0.6, 2, 0.92, 0.5, 2);

        Summary.Row row = Summary.of(List.of(one, two), 0.85, 2, 10).get(0);

        assertThat(row.runs()).isEqualTo(2);
        assertThat(row.finalAccuracy().mean()).isCloseTo(0.90, within(1e-12));
        assertThat(row.finalAccuracy().std()).isCloseTo(Math.sqrt(0.0008), within(1e-12)); // (0.02^2 * 2) / 1
        assertThat(row.finalLoss().mean()).isCloseTo(0.4, within(1e-12));
        assertThat(row.finalLoss().std()).isCloseTo(Math.sqrt(0.02), within(1e-12));
        assertThat(row.reached()).isEqualTo(2);
        assertThat(row.epochsToTarget()).isCloseTo(2.5, within(1e-12));
        assertThat(row.secondsToTarget()).isCloseTo(4.5, within(1e-12));
        // 10 updates per epoch: seed 1 after 2 * 10, seed 2 after 3 * 10
        assertThat(row.updatesToTarget()).isCloseTo(25, within(1e-12));
        // last 2 epochs: seed 1 0.90 - 0.88 = 0.02, seed 2 0.92 - 0.84 = 0.08
        assertThat(row.settleSpread()).isCloseTo(0.05, within(1e-12));
        assertThat(row.epochSeconds()).isCloseTo(12.0 / 6, within(1e-12));
    }

    @Test
    void undefinedValuesAreNaN() {
        Summary.Row row = Summary.of(List.of(run("dl4j", "a", 1, 0.5, 1.0, 1)), 0.9, 3, 10).get(0);
        assertThat(row.finalAccuracy().std()).isNaN();
        assertThat(row.reached()).isZero();
        assertThat(row.epochsToTarget()).isNaN();
        assertThat(row.secondsToTarget()).isNaN();
        assertThat(row.updatesToTarget()).isNaN();
        assertThat(row.settleSpread()).isZero();
    }

    @Test
    void rowsPerFrameworkUpdaterAndScheduleInOrderOfAppearance() {
        List<Summary.Row> rows = Summary.of(List.of(run("dl4j", "b", 1, 0.5, 1, 1), run("dl4j", "a", 1, 0.5, 1, 1),
                run("pytorch", "b", 1, 0.5, 1, 1), run("dl4j", "b", 2, 0.5, 1, 1)), 0.9, 1, 10);
        assertThat(rows).extracting(r -> r.framework() + " " + r.schedule() + " " + r.runs())
                .containsExactly("dl4j b 2", "dl4j a 1", "pytorch b 1");
    }
}
