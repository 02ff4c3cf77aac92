package io.github.dl4jschedules.examples.tune;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Successive halving with made-up accuracies: the rungs, who is kept, and that a cut trial never returns. */
class SuccessiveHalvingTest {

    private record Call(int trial, int epochs) {
    }

    @Test
    void rungsAndBudgets() {
        SuccessiveHalving nine = new SuccessiveHalving(9, 1, 3);
        assertThat(nine.rungSizes()).containsExactly(9, 3, 1);
        assertThat(nine.budgets()).containsExactly(1, 3, 9);
        assertThat(nine.totalEpochs()).isEqualTo(27);
        assertThat(new SuccessiveHalving(10, 2, 3).rungSizes()).containsExactly(10, 3, 1);
        assertThat(new SuccessiveHalving(10, 2, 3).budgets()).containsExactly(2, 6, 18);
        assertThat(new SuccessiveHalving(2, 1, 3).rungSizes()).containsExactly(2);
        assertThat(new SuccessiveHalving(16, 1, 2).rungSizes()).containsExactly(16, 8, 4, 2, 1);
    }

    @Test
    void aCutTrialIsNeverTrainedAgain() {
        for (long seed = 0; seed < 50; seed++) {
            Random random = new Random(seed);
            int trials = 1 + random.nextInt(30);
            int eta = 2 + random.nextInt(3);
            SuccessiveHalving halving = new SuccessiveHalving(trials, 1, eta);
            double[] quality = random.doubles(trials).toArray();
            List<Call> calls = new ArrayList<>();
            SuccessiveHalving.Result result = halving.run((trial, epochs) -> {
                calls.add(new Call(trial, epochs));
                return quality[trial] + 0.01 * epochs + (random.nextDouble() - 0.5) * 0.2;
            });

            int[] sizes = halving.rungSizes();
            int[] budgets = halving.budgets();
            Set<Integer> alive = new HashSet<>();
            for (int t = 0; t < trials; t++) {
                alive.add(t);
            }
            for (int rung = 0; rung < sizes.length; rung++) {
                int budget = budgets[rung];
                List<Integer> trained = calls.stream().filter(c -> c.epochs() == budget).map(Call::trial).toList();
                assertThat(trained).as("rung %d trains n_i trials, each once", rung).hasSize(sizes[rung]).doesNotHaveDuplicates();
                assertThat(alive).as("rung %d trains only trials that were not cut", rung).containsAll(trained);
                if (rung + 1 < sizes.length) {
                    List<Integer> ranked = new ArrayList<>(trained);
                    int column = rung;
                    ranked.sort((a, b) -> Double.compare(result.accuracy()[b][column], result.accuracy()[a][column]));
                    alive = new HashSet<>(ranked.subList(0, sizes[rung + 1]));
                }
            }
            assertThat(calls).as("no other training").hasSize(java.util.Arrays.stream(sizes).sum());
            assertThat(alive).as("the winner is the best of the last rung").contains(result.best());
            for (int t = 0; t < trials; t++) {
                int last = result.rungs()[t] - 1;
                for (int rung = last + 1; rung < sizes.length; rung++) {
                    assertThat(result.accuracy()[t][rung]).as("trial %d cut after rung %d", t, last).isNaN();
                }
            }
        }
    }

    @Test
    void rankingPutsDeeperRungsFirstThenAccuracyThenTrialNumber() {
        double[][] accuracy = {{0.5}, {0.7, 0.8}, {0.9, 0.7}, {0.6, 0.75}, {Double.NaN}, {0.6}};
        SuccessiveHalving.Result result = new SuccessiveHalving(6, 1, 2).run((trial, epochs) ->
                accuracy[trial][epochs == 1 ? 0 : 1]);
        // rung 0 (6 trials, 1 epoch): 2 (0.9), 1 (0.7), 3 (0.6), 5 (0.6, a tie: the higher number loses), 0, 4 (NaN)
        assertThat(trainedAt(result, 1)).containsExactly(1, 2, 3);
        // rung 1 (3 trials, 2 epochs): 1 (0.8), 3 (0.75), 2 (0.7) -> rung 2: trial 1 alone
        assertThat(trainedAt(result, 2)).containsExactly(1);
        assertThat(result.ranking()).containsExactly(1, 3, 2, 5, 0, 4);
        assertThat(result.best()).isEqualTo(1);
    }

    private static List<Integer> trainedAt(SuccessiveHalving.Result result, int rung) {
        List<Integer> trials = new ArrayList<>();
        for (int t = 0; t < result.accuracy().length; t++) {
            if (!Double.isNaN(result.accuracy()[t][rung])) {
                trials.add(t);
            }
        }
        return trials;
    }

    /** Concurrent trials (which finish in any order) give the sequential run's result. */
    @Test
    void concurrentTrialsGiveTheSequentialResult() {
        SuccessiveHalving halving = new SuccessiveHalving(9, 1, 3);
        SuccessiveHalving.Evaluator evaluator = (trial, epochs) -> {
            try {
                Thread.sleep((9 - trial) * 2L); // later trials finish first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ((trial * 7) % 9) / 10.0 + epochs / 100.0;
        };
        SuccessiveHalving.Result sequential = halving.run(evaluator);
        SuccessiveHalving.Result concurrent = halving.run(evaluator, 4);
        assertThat(Arrays.deepToString(concurrent.accuracy())).isEqualTo(Arrays.deepToString(sequential.accuracy()));
        assertThat(concurrent.rungs()).containsExactly(sequential.rungs());
        assertThat(concurrent.ranking()).isEqualTo(sequential.ranking());
        // (t * 7) % 9 is largest (8) for t = 5: the winner after 9 epochs
        assertThat(concurrent.best()).isEqualTo(5);
        assertThatThrownBy(() -> halving.run(evaluator, 0)).hasMessage("--jobs must be >= 1, got 0");
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> new SuccessiveHalving(0, 1, 3)).hasMessage("--trials must be >= 1, got 0");
        assertThatThrownBy(() -> new SuccessiveHalving(9, 0, 3)).hasMessage("--min-epochs must be >= 1, got 0");
        assertThatThrownBy(() -> new SuccessiveHalving(9, 1, 1)).hasMessage("--eta must be >= 2, got 1");
    }
}
