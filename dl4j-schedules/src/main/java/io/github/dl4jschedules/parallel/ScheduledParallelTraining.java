package io.github.dl4jschedules.parallel;

import io.github.dl4jschedules.training.ModelAdapter;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

import java.util.List;
import java.util.function.Consumer;

/**
 * Trains with DL4J's {@link ParallelWrapper} so that the iteration and epoch counters, and with them
 * every schedule, follow the training's global progress.
 *
 * <p><b>The problem.</b> In DL4J 1.0.0-M2.1, {@code ParallelWrapper.fit(iterator)} has each worker
 * fit single mini-batches ({@code model.fit(DataSet)}), which never advances the epoch: after any
 * number of passes every network still counts epoch 0, so a per-epoch decay never decays. Each worker
 * also counts only its own mini-batches, so with N workers the iteration counter runs N times slower
 * than the data.
 *
 * <p><b>The counters here.</b> One <i>global step</i> is one mini-batch trained by one worker:
 * <ul>
 *   <li>With N workers, ParallelWrapper deals the mini-batches in rounds, one to each worker; in round
 *   {@code r} of a pass that starts at step {@code s}, worker {@code j} trains step {@code s + r*N + j}.
 *   The updater of that worker applies {@code schedule.valueAt(s + r*N + j, e)}, {@code e} the
 *   current epoch.</li>
 *   <li>With averaging frequency k, parameters (and updater states) are averaged every k rounds, that
 *   is every {@code k*N} global steps; averaging does not change the counters.</li>
 *   <li>A pass over the data ({@link #fit(DataSetIterator)}) of B mini-batches takes steps
 *   {@code s .. s+B-1}; afterwards the main network counts iteration {@code s + B} and one epoch more.
 *   The workers' networks, which ParallelWrapper rebuilds from the main one at every pass, count epoch
 *   {@code e} throughout pass {@code e}.</li>
 * </ul>
 * So the g-th mini-batch of the training is trained with the rate {@code valueAt(g, e)}, exactly the
 * rate it gets in a single-worker run ({@code network.fit(iterator)}) on the same data: a schedule
 * means the same amount of data whatever N and k, both for {@code unit=iteration} and
 * {@code unit=epoch}, and {@code period = mini-batches per epoch} keeps meaning one epoch. Counting one
 * round (or one averaging) as one step instead would make an iteration schedule run N (or k*N) times
 * slower through the data than the same schedule on one worker, and break the relation between the two
 * counters. The price: the N workers of a round train with N consecutive steps' rates, so a
 * staircase boundary can fall inside a round.
 *
 * <p>Large batches: N workers train on N mini-batches at once, N times the batch; to scale the
 * rate with it, see {@link LinearScaling}.
 *
 * <p>Usage, for a {@code MultiLayerNetwork} or {@code ComputationGraph} {@code network}:
 * <pre>{@code
 * ParallelWrapper wrapper = new ParallelWrapper.Builder<>(network).workers(4).averagingFrequency(1).build();
 * ScheduledParallelTraining training = ScheduledParallelTraining.of(wrapper);
 * training.fit(trainData, epochs);          // or training.fit(trainData) once per epoch
 * }</pre>
 *
 * <p>How: a listener ({@code GlobalSteps}) that this class keeps first among the wrapper's listeners
 * sets each worker network's counters after its gradient is computed and before its updater runs
 * (DL4J's {@code onGradientCalculation}); it finds the worker through the public
 * {@code ParallelWrapper.getZoo()[j].getModel()} and fails with an {@link IllegalStateException} if a
 * model is not there (a changed DL4J). No reflection. Schedules that DL4J reads during the forward
 * pass, before any listener runs (dropout), see the counters the worker network had when its step
 * began: the epoch is right, the iteration may lag the global step by up to N - 1.
 *
 * <p>Tested with {@link ParallelWrapper.TrainingMode#AVERAGING} (the default). Train only through this
 * class once it is attached (a direct {@code wrapper.fit} would count from the last pass's state). Not
 * thread-safe: call {@code fit} from one thread, as ParallelWrapper requires anyway.
 */
public final class ScheduledParallelTraining {

    private final ParallelWrapper wrapper;
    private final ModelAdapter network;
    private final GlobalSteps steps;

    private ScheduledParallelTraining(ParallelWrapper wrapper) {
        this.wrapper = wrapper;
        this.network = ModelAdapter.of(wrapper.getModel());
        this.steps = new GlobalSteps(wrapper);
    }

    /**
     * Takes over a wrapper's counters; the network's current counters (e.g. of a restored model) are
     * where training continues.
     *
     * @param wrapper built with {@code new ParallelWrapper.Builder<>(network)}; its listeners stay
     * @return the training, attached to {@code wrapper}
     * @throws IllegalStateException if the wrapper already has one
     */
    public static ScheduledParallelTraining of(ParallelWrapper wrapper) {
        if (wrapper.getListeners().stream().anyMatch(GlobalSteps.class::isInstance)) {
            throw new IllegalStateException("this ParallelWrapper already has a ScheduledParallelTraining");
        }
        return new ScheduledParallelTraining(wrapper);
    }

    /**
     * One pass over {@code data}, one epoch: the data's mini-batches are the next global steps.
     *
     * @param data the training data
     */
    public void fit(DataSetIterator data) {
        pass(wrapper -> wrapper.fit(data));
    }

    /**
     * One pass over {@code data} (for a {@code ComputationGraph}), one epoch.
     *
     * @param data the training data
     */
    public void fit(MultiDataSetIterator data) {
        pass(wrapper -> wrapper.fit(data));
    }

    /**
     * {@code epochs} passes over {@code data}.
     *
     * @param data the training data
     * @param epochs the number of passes, {@code >= 1}
     */
    public void fit(DataSetIterator data, int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got epochs=" + epochs);
        }
        for (int i = 0; i < epochs; i++) {
            fit(data);
        }
    }

    /**
     * Global steps trained so far: the main network's iteration counter.
     *
     * @return the global steps trained so far: the main network's iteration counter
     */
    public int iteration() {
        return network.iteration();
    }

    /**
     * Passes completed so far: the main network's epoch counter.
     *
     * @return the passes completed so far: the main network's epoch counter
     */
    public int epoch() {
        return network.epoch();
    }

    private void pass(Consumer<ParallelWrapper> fit) {
        if (wrapper.getWorkers() != steps.workers()) {
            throw new IllegalStateException("the wrapper's workers changed from " + steps.workers() + " to "
                    + wrapper.getWorkers() + "; create a new ScheduledParallelTraining");
        }
        keepFirst();
        int start = iteration();
        int epoch = epoch();
        steps.begin(start, epoch);
        fit.accept(wrapper);
        network.setCounters(Math.addExact(start, steps.taken()), epoch + 1);
    }

    /** ParallelWrapper hands its live listener list to every worker at the start of each pass. */
    private void keepFirst() {
        List<TrainingListener> listeners = wrapper.getListeners();
        listeners.remove(steps);
        listeners.add(0, steps);
    }
}
