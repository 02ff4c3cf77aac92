package io.github.dl4jschedules.examples.benchmark;

import io.github.dl4jschedules.examples.run.TrainingRun;

import java.util.Arrays;

/**
 * The applied rate and the loss of every iteration of a run, as {@link TrainingRun} reports them
 * ({@link TrainingRun.Observer#iterationDone}): what the rate charts and {@code rates.csv} show.
 * Appending costs an array write; the arrays double when full.
 */
final class IterationLog implements TrainingRun.Observer {

    private int[] iterations = new int[1024];
    private double[] rates = new double[1024];
    private double[] losses = new double[1024];
    private int size;

    @Override
    public void iterationDone(int iteration, double loss, double rate) {
        if (size == iterations.length) {
            iterations = Arrays.copyOf(iterations, 2 * size);
            rates = Arrays.copyOf(rates, 2 * size);
            losses = Arrays.copyOf(losses, 2 * size);
        }
        iterations[size] = iteration;
        rates[size] = rate;
        losses[size] = loss;
        size++;
    }

    /** Iterations recorded. */
    public int size() {
        return size;
    }

    /** DL4J's iteration counter of record {@code i}, from 0. */
    public int iteration(int i) {
        return iterations[check(i)];
    }

    /** The rate applied at record {@code i}. */
    public double rate(int i) {
        return rates[check(i)];
    }

    /** The mini-batch loss of record {@code i}, before its update. */
    public double loss(int i) {
        return losses[check(i)];
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("record " + i + " of " + size);
        }
        return i;
    }
}
