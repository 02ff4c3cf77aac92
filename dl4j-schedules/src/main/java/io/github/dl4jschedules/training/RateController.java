package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Changes the learning rate of a running training: multiply it, set it, fix it, go back to the
 * configured schedule, or start a {@code wsd} schedule's cooldown ({@link RateCommand}), from any thread, applied only between parameter updates
 * (just before an update, or at the end of an epoch).
 *
 * <p>The controller remembers each layer's configured schedule {@code base} and trains with
 * {@code scaled(factor, base)} or {@code constant(rate)} ({@link RateAdjustment}): a cut keeps the
 * schedule's shape, and the network's configuration always holds a plain catalogue schedule, so it
 * saves, restores and serialises like any other. DL4J replaces a layer's schedule without resetting
 * its updater state (Adam's moments survive). Every change is logged with its iteration and epoch.
 *
 * <pre>{@code
 * RateController controller = RateController.attach(network);       // also adds it as a listener
 * controller.addSource(new ControlFile(Path.of("rate.ctl")));        // or console, JMX, plateau
 * network.fit(train, epochs);
 * }</pre>
 *
 * <p>"Set" picks the factor that gives the requested rate at the next update, with the first
 * trainable layer's schedule; other layers keep their proportion to it.
 *
 * <p>A {@link org.nd4j.autodiff.samediff.SameDiff} model works the same way: {@code attach(sameDiff)}
 * controls its {@code TrainingConfig}'s updater (one unit, {@code "updater"}, see {@link ModelAdapter})
 * and adds a {@link SameDiffListener}; the controller acts at SameDiff's {@code iterationStart}, before
 * the update, and at the epoch's start and end.
 */
public final class RateController extends BaseTrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(RateController.class);

    private record Pending(RateCommand command, String source) {
    }

    private final ModelAdapter network;
    private final Map<String, CounterSchedule> bases;
    private final String firstLayer;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final List<CommandSource> sources = new CopyOnWriteArrayList<>();
    private final List<Consumer<RateChange>> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> warningListeners = new CopyOnWriteArrayList<>();
    private final List<RateChange> history = new CopyOnWriteArrayList<>();
    private volatile RateAdjustment adjustment;
    private volatile int nextIteration;
    private volatile int nextEpoch;

    private final TrainingHooks hooks = new TrainingHooks() {
        @Override
        public void beforeUpdate(ModelAdapter model) {
            between(network.iteration(), network.epoch());
        }

        @Override
        public void iterationDone(ModelAdapter model, int iteration, int epoch, double loss) {
            nextIteration = iteration + 1;
            nextEpoch = epoch;
        }

        @Override
        public void epochStart(ModelAdapter model) {
            between(network.iteration(), network.epoch());
        }

        @Override
        public void epochEnd(ModelAdapter model) {
            between(network.iteration(), network.epoch() + 1);
        }
    };

    private RateController(ModelAdapter network, Map<String, CounterSchedule> bases, RateAdjustment adjustment) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("the network has no layer with a learning rate to control");
        }
        this.network = network;
        this.bases = Map.copyOf(bases);
        this.firstLayer = bases.keySet().iterator().next();
        this.adjustment = adjustment;
        this.nextIteration = network.iteration();
        this.nextEpoch = network.epoch();
    }

    /**
     * Takes control of a model's rate and adds the controller to its listeners.
     *
     * @param model a {@code MultiLayerNetwork} or {@code ComputationGraph}, initialised, or a
     *              {@code SameDiff} with its training configuration ({@link ModelAdapter#of})
     * @return the controller, already listening
     * @throws IllegalArgumentException if a layer's rate schedule is not one of this library's
     */
    public static RateController attach(Object model) {
        ModelAdapter network = ModelAdapter.of(model);
        Map<String, CounterSchedule> bases = new LinkedHashMap<>();
        network.updaters().forEach((layer, updater) -> bases.put(layer, configuredSchedule(layer, updater)));
        return register(network, new RateController(network, bases, RateAdjustment.NONE));
    }

    /**
     * Takes control of a restored model with the state its controller saved ({@link TrainingStateStore}):
     * the configured schedules and the adjustment carry on.
     *
     * @param model a {@code MultiLayerNetwork} or {@code ComputationGraph}, initialised, or a
     *              {@code SameDiff} with its training configuration ({@link ModelAdapter#of})
     * @param state what its controller saved
     * @return the controller, already listening
     */
    public static RateController attach(Object model, ControllerState state) {
        ModelAdapter network = ModelAdapter.of(model);
        Map<String, CounterSchedule> bases = new LinkedHashMap<>();
        state.baseSpecs().forEach((layer, spec) -> bases.put(layer, Schedules.parse(spec)));
        RateController controller = new RateController(network, bases, state.adjustment());
        controller.applyToNetwork();
        return register(network, controller);
    }

    private static RateController register(ModelAdapter model, RateController controller) {
        model.listen(controller, controller.hooks);
        return controller;
    }

    /** The model under control. */
    ModelAdapter model() {
        return network;
    }

    /** What the controller does at each moment of a training, on any model kind. */
    TrainingHooks hooks() {
        return hooks;
    }

    /**
     * Adds a channel polled between iterations, such as a {@link ControlFile}.
     *
     * @param source the channel
     */
    public void addSource(CommandSource source) {
        sources.add(source);
    }

    /**
     * Calls {@code listener} with every applied change, on the training thread.
     *
     * @param listener receives each change
     */
    public void onChange(Consumer<RateChange> listener) {
        changeListeners.add(listener);
    }

    /**
     * Calls {@code listener} with every rejected command's message.
     *
     * @param listener receives each warning
     */
    public void onWarning(Consumer<String> listener) {
        warningListeners.add(listener);
    }

    /**
     * Queues a command from any thread; it is applied before the next parameter update.
     *
     * @param command the command
     * @param source where it came from, for the history, e.g. {@code console}
     */
    public void submit(RateCommand command, String source) {
        pending.add(new Pending(command, source));
    }

    /**
     * Reports input that could not be read as a command; nothing changes.
     *
     * @param message what could not be read
     */
    public void warn(String message) {
        LOG.warn(message);
        warningListeners.forEach(listener -> listener.accept(message));
    }

    /**
     * Applies a command now, to the next parameter update. Call it on the training thread from a
     * training listener's {@code onEpochEnd}, {@code onEpochStart} or {@code onGradientCalculation};
     * other threads use {@link #submit}. The command's result is checked first (the adjustment and
     * every layer's new schedule are built); a refused command stores nothing and changes nothing.
     *
     * @param command the command
     * @param source where it came from, for the history, e.g. {@code console}
     * @return the change, or {@code null} if the command was rejected (a warning says why)
     */
    public RateChange apply(RateCommand command, String source) {
        RateAdjustment before = adjustment;
        double rateBefore = currentRate();
        RateAdjustment after;
        Map<String, CounterSchedule> schedules;
        try {
            after = before.after(command, before.shape(bases.get(firstLayer)).valueAt(nextIteration, nextEpoch),
                    nextIteration, nextEpoch);
            schedules = schedules(after);
        } catch (IllegalArgumentException e) {
            warn(source + ": " + e.getMessage() + "; nothing changed");
            return null;
        }
        adjustment = after;
        schedules.forEach(network::setSchedule);
        RateChange change = new RateChange(nextIteration, nextEpoch, command, source, before, after, rateBefore,
                currentRate());
        history.add(change);
        LOG.info("{}", change);
        changeListeners.forEach(listener -> listener.accept(change));
        return change;
    }

    /** {@return the current adjustment of the configured schedules} */
    public RateAdjustment adjustment() {
        return adjustment;
    }

    /** {@return the rate of the first trainable layer at the next update} */
    public double currentRate() {
        return adjustment.applyTo(bases.get(firstLayer)).valueAt(nextIteration, nextEpoch);
    }

    /**
     * The configured (unadjusted) schedule of a layer: its index, or its name in a graph.
     *
     * @param layer the layer's index (network) or name (graph)
     * @return the schedule the layer was configured with
     */
    public CounterSchedule configuredSchedule(String layer) {
        CounterSchedule base = bases.get(layer);
        if (base == null) {
            throw new IllegalArgumentException("no trainable layer '" + layer + "'; layers: " + bases.keySet());
        }
        return base;
    }

    /**
     * The counters of the next update.
     *
     * @return the iteration counter of the next update
     */
    public int nextIteration() {
        return nextIteration;
    }

    /** {@return the epoch counter of the next update} */
    public int nextEpoch() {
        return nextEpoch;
    }

    /** {@return every change applied so far, oldest first} */
    public List<RateChange> history() {
        return List.copyOf(history);
    }

    /** {@return what to save with the model to continue later ({@link TrainingStateStore})} */
    public ControllerState state() {
        Map<String, String> specs = new LinkedHashMap<>();
        bases.forEach((layer, schedule) -> specs.put(layer, schedule.toString()));
        return new ControllerState(specs, adjustment);
    }

    /**
     * Applies what arrived just before the parameter update of an iteration, when the counters of
     * that update are known exactly (in {@code iterationDone} the next epoch is not yet known). The
     * update's gradient does not depend on the rate, so this is the same as applying before the
     * iteration.
     */
    @Override
    public void onGradientCalculation(Model model) {
        hooks.beforeUpdate(network);
    }

    /** Keeps the counters shown by {@link #currentRate()} and JMX current between iterations. */
    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        hooks.iterationDone(network, iteration, epoch, Double.NaN);
    }

    @Override
    public void onEpochEnd(Model model) {
        hooks.epochEnd(network);
    }

    @Override
    public void onEpochStart(Model model) {
        hooks.epochStart(network);
    }

    /** Between updates: records the counters of the next update, then polls the sources and applies what came. */
    private void between(int iteration, int epoch) {
        nextIteration = iteration;
        nextEpoch = epoch;
        for (CommandSource source : sources) {
            source.poll(this);
        }
        for (Pending next = pending.poll(); next != null; next = pending.poll()) {
            apply(next.command(), next.source());
        }
    }

    private void applyToNetwork() {
        schedules(adjustment).forEach(network::setSchedule);
    }

    /** Every layer's schedule under an adjustment, built (and so validated) before any is set. */
    private Map<String, CounterSchedule> schedules(RateAdjustment under) {
        Map<String, CounterSchedule> schedules = new LinkedHashMap<>();
        bases.forEach((layer, base) -> schedules.put(layer, under.applyTo(base)));
        return schedules;
    }

    private static CounterSchedule configuredSchedule(String layer, IUpdater updater) {
        ISchedule schedule = ModelAdapter.learningRateSchedule(updater).orElse(null);
        if (schedule == null) {
            return new ConstantRate(updater.getLearningRate(0, 0));
        }
        if (schedule instanceof CounterSchedule ours) {
            return ours;
        }
        throw new IllegalArgumentException("layer " + layer + " uses " + schedule.getClass().getName()
                + "; the rate controller works with dl4j-schedules schedules (Schedules.parse) or a fixed rate");
    }
}
