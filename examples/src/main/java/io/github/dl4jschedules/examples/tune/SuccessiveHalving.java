package io.github.dl4jschedules.examples.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Successive halving (Jamieson and Talwalkar 2016; the inner loop of Li et al., "Hyperband", JMLR 2018)
 * over {@code N} trials with a minimum budget {@code r} epochs and a reduction factor {@code eta}:
 * <pre>
 * rung i = 0, 1, ..., s     with s = the largest i such that floor(N / eta^i) >= 1
 * n_i = floor(N / eta^i)    trials trained at rung i
 * r_i = r * eta^i           epochs each of them trains
 * </pre>
 * Rung 0 trains every trial; after rung {@code i}, the best {@code n_{i+1} = floor(n_i / eta)} by test
 * accuracy go on to rung {@code i + 1}, the others are cut and never trained again. The winner is the
 * best trial of the last rung. Ranking: higher accuracy first (NaN, a diverged run, last), ties to the
 * lower trial number, so the outcome is a function of the accuracies alone.
 *
 * <p>Example: {@code N = 9, r = 1, eta = 3}: 9 trials x 1 epoch, 3 x 3 epochs, 1 x 9 epochs.
 */
public final class SuccessiveHalving {

    /** Trains one trial and measures it. */
    public interface Evaluator {
        /**
         * @param trial  the trial's number, from 0
         * @param epochs the budget of the rung
         * @return the test accuracy after {@code epochs} epochs
         */
        double accuracy(int trial, int epochs);
    }

    /**
     * The outcome.
     *
     * @param budgets    epochs per rung, {@code r_0, r_1, ...}
     * @param accuracy   {@code accuracy[t][i]}: trial {@code t} at rung {@code i}; NaN where it did not train
     * @param rungs      the rungs each trial trained in: {@code rungs[t] - 1} is the last one
     * @param ranking    every trial, best first: by the last rung reached, then by accuracy there
     */
    public record Result(int[] budgets, double[][] accuracy, int[] rungs, List<Integer> ranking) {

        /** The winner: the best trial of the last rung. */
        public int best() {
            return ranking.get(0);
        }
    }

    private final int trials;
    private final int minEpochs;
    private final int eta;

    /**
     * @param trials    N, {@code >= 1}
     * @param minEpochs r, {@code >= 1}
     * @param eta       {@code >= 2}
     * @throws IllegalArgumentException naming the parameter, the rule and the value
     */
    public SuccessiveHalving(int trials, int minEpochs, int eta) {
        if (trials < 1) {
            throw new IllegalArgumentException("--trials must be >= 1, got " + trials);
        }
        if (minEpochs < 1) {
            throw new IllegalArgumentException("--min-epochs must be >= 1, got " + minEpochs);
        }
        if (eta < 2) {
            throw new IllegalArgumentException("--eta must be >= 2, got " + eta);
        }
        this.trials = trials;
        this.minEpochs = minEpochs;
        this.eta = eta;
    }

    /** {@code n_i}, the trials of each rung. */
    public int[] rungSizes() {
        List<Integer> sizes = new ArrayList<>();
        for (long n = trials; n >= 1; n /= eta) {
            sizes.add((int) n);
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * {@code r_i}, the epochs of each rung.
     *
     * @throws IllegalArgumentException when a budget does not fit an {@code int}
     */
    public int[] budgets() {
        int[] budgets = new int[rungSizes().length];
        long budget = minEpochs;
        for (int i = 0; i < budgets.length; i++) {
            if (budget > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("rung " + i + " would train " + budget + " epochs: lower --min-epochs, --eta or --trials");
            }
            budgets[i] = (int) budget;
            budget *= eta;
        }
        return budgets;
    }

    /** Epochs trained in all, every rung retraining from scratch: {@code sum_i n_i * r_i}. */
    public long totalEpochs() {
        int[] sizes = rungSizes();
        int[] budgets = budgets();
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            total += (long) sizes[i] * budgets[i];
        }
        return total;
    }

    /** Runs every rung, one trial after the other. */
    public Result run(Evaluator evaluator) {
        return run(evaluator, 1);
    }

    /**
     * Runs every rung, training up to {@code jobs} trials of a rung at the same time (the trials of a
     * rung are independent; the next rung waits for the whole rung). The result is that of
     * {@link #run(Evaluator)} whenever the evaluator's accuracy depends on the trial and epochs alone.
     *
     * @param jobs trials trained at the same time, {@code >= 1}
     */
    public Result run(Evaluator evaluator, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be >= 1, got " + jobs);
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            return run(evaluator, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private Result run(Evaluator evaluator, ExecutorService pool) {
        int[] sizes = rungSizes();
        int[] budgets = budgets();
        double[][] accuracy = new double[trials][sizes.length];
        for (double[] row : accuracy) {
            Arrays.fill(row, Double.NaN);
        }
        int[] rungs = new int[trials];
        List<Integer> current = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            current.add(t);
        }
        for (int rung = 0; rung < sizes.length; rung++) {
            int epochs = budgets[rung];
            List<Future<Double>> futures = new ArrayList<>();
            for (int trial : current) {
                futures.add(pool.submit(() -> evaluator.accuracy(trial, epochs)));
            }
            for (int i = 0; i < current.size(); i++) {
                int trial = current.get(i);
                accuracy[trial][rung] = result(futures.get(i));
                rungs[trial] = rung + 1;
            }
            int column = rung;
            List<Integer> ranked = new ArrayList<>(current);
            ranked.sort(byAccuracy(accuracy, column));
            if (rung + 1 < sizes.length) {
                current = new ArrayList<>(ranked.subList(0, sizes[rung + 1]));
            }
        }
        List<Integer> ranking = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            ranking.add(t);
        }
        ranking.sort(Comparator.<Integer>comparingInt(t -> -rungs[t])
                .thenComparing((a, b) -> byAccuracy(accuracy, rungs[a] - 1).compare(a, b)));
        return new Result(budgets, accuracy, rungs, List.copyOf(ranking));
    }

    private static double result(Future<Double> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("a trial failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training the trials", e);
        }
    }

    /** Higher accuracy at {@code rung} first, NaN last, ties to the lower trial number. */
    private static Comparator<Integer> byAccuracy(double[][] accuracy, int rung) {
        return (a, b) -> {
            double x = accuracy[a][rung];
            double y = accuracy[b][rung];
            if (Double.isNaN(x) != Double.isNaN(y)) {
                return Double.isNaN(x) ? 1 : -1;
            }
            int byValue = Double.isNaN(x) ? 0 : Double.compare(y, x);
            return byValue != 0 ? byValue : Integer.compare(a, b);
        };
    }
}
