package io.github.dl4jschedules.parallel;

import io.github.dl4jschedules.training.ModelAdapter;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.deeplearning4j.parallelism.trainer.Trainer;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Gives every mini-batch of a {@link ParallelWrapper} pass its global step: worker {@code j}'s
 * {@code c}-th mini-batch of the pass is step {@code start + c * workers + j}. ParallelWrapper deals
 * mini-batches in rounds, one to each worker (the last round may be short), and waits for the round
 * to finish, so that is the mini-batch's position in the data.
 *
 * <p>It sets the worker model's counters in {@link #onGradientCalculation}, which DL4J calls after
 * computing the gradient and before the updater applies it; the updater reads the counters there, so
 * the rate, momentum and weight-decay schedules see the global step and epoch. It must be the first
 * listener, so that the others see the same counters ({@link ScheduledParallelTraining} keeps it first).
 * Each worker runs on its own thread and touches only its own slot.
 */
final class GlobalSteps extends BaseTrainingListener {

    private final ParallelWrapper wrapper;
    private final int workers;
    private final AtomicIntegerArray taken;
    private volatile int start;
    private volatile int epoch;

    GlobalSteps(ParallelWrapper wrapper) {
        this.wrapper = wrapper;
        this.workers = wrapper.getWorkers();
        this.taken = new AtomicIntegerArray(workers);
    }

    /** Starts a pass whose first mini-batch is global step {@code start} of epoch {@code epoch}. */
    void begin(int start, int epoch) {
        this.start = start;
        this.epoch = epoch;
        for (int worker = 0; worker < workers; worker++) {
            taken.set(worker, 0);
        }
    }

    int workers() {
        return workers;
    }

    /** Mini-batches trained since {@link #begin}, all workers together. */
    int taken() {
        int sum = 0;
        for (int worker = 0; worker < workers; worker++) {
            sum += taken.get(worker);
        }
        return sum;
    }

    @Override
    public void onGradientCalculation(Model model) {
        int worker = workerOf(model);
        int round = taken.getAndIncrement(worker);
        ModelAdapter.of(model).setCounters(
                Math.addExact(start, Math.addExact(Math.multiplyExact(round, workers), worker)), epoch);
    }

    private int workerOf(Model model) {
        Trainer[] zoo = wrapper.getZoo();
        for (int worker = 0; zoo != null && worker < zoo.length; worker++) {
            if (zoo[worker] != null && zoo[worker].getModel() == model) {
                return worker;
            }
        }
        throw new IllegalStateException("a model trained by ParallelWrapper is none of its "
                + (zoo == null ? "(no)" : Integer.toString(zoo.length))
                + " workers' models (getZoo()[i].getModel()): DL4J's ParallelWrapper changed, and "
                + "dl4j-schedules cannot tell which global step this mini-batch is; the counters would be wrong");
    }
}
