package io.github.dl4jschedules.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

import java.util.Locale;

/**
 * Reduce-on-plateau as a training listener: at the end of every epoch it measures a
 * {@link PlateauMetric} and, following a {@link PlateauRule} (PyTorch's {@code ReduceLROnPlateau}
 * semantics), cuts the rate through a {@link RateController}. The cut scales whatever schedule is
 * configured instead of replacing it: a decaying schedule keeps decaying, from a lower level.
 *
 * <pre>{@code
 * RateController controller = RateController.attach(network);
 * network.addListeners(new ReduceOnPlateau(controller, PlateauMetric.validationLoss(test),
 *         PlateauRule.parse("factor=0.5, patience=2")));
 * }</pre>
 *
 * <p>A cut is {@code rate = max(rate * factor, min)} at the next update, applied as the controller's
 * {@code factor} command when it changes the rate by more than {@code eps}; with the rule's
 * {@code wsd-cooldown=N}, the first firing is the {@code cooldown N} command instead, and it returns
 * {@code true} when that started the cooldown. The state (best value,
 * bad epochs, cooldown) is saved with the model by {@link TrainingStateStore}.
 *
 * <p>A DL4J network takes it as a listener; a SameDiff model through
 * {@link SameDiffListener#of(ReduceOnPlateau)}.
 */
public final class ReduceOnPlateau extends BaseTrainingListener {

    private final RateController controller;
    private final PlateauMetric metric;
    private final PlateauRule rule;
    private volatile PlateauState state;

    /**
     * Starts from the rule's initial state.
     *
     * @param controller the controller whose rate is cut
     * @param metric measured after every epoch
     * @param rule when to cut
     */
    public ReduceOnPlateau(RateController controller, PlateauMetric metric, PlateauRule rule) {
        this(controller, metric, rule, PlateauState.initial(rule));
    }

    /**
     * Continues with a saved state.
     *
     * @param controller the controller whose rate is cut
     * @param metric measured after every epoch
     * @param rule when to cut
     * @param state the state saved with the model
     */
    public ReduceOnPlateau(RateController controller, PlateauMetric metric, PlateauRule rule, PlateauState state) {
        this.controller = controller;
        this.metric = metric;
        this.rule = rule;
        this.state = state;
    }

    /** {@return the rule} */
    public PlateauRule rule() {
        return rule;
    }

    /** {@return the state after the last epoch} */
    public PlateauState state() {
        return state;
    }

    private final TrainingHooks hooks = new TrainingHooks() {
        @Override
        public void beforeUpdate(ModelAdapter model) {
        }

        @Override
        public void iterationDone(ModelAdapter model, int iteration, int epoch, double loss) {
        }

        @Override
        public void epochStart(ModelAdapter model) {
        }

        /** Runs the controller's end of epoch first, so that commands already queued come before the cut. */
        @Override
        public void epochEnd(ModelAdapter model) {
            controller.hooks().epochEnd(model);
            step(metric.measure(controller.model()));
        }
    };

    @Override
    public void onEpochEnd(Model model) {
        hooks.epochEnd(controller.model());
    }

    TrainingHooks hooks() {
        return hooks;
    }

    /**
     * Takes one epoch's metric value; cuts the rate when the rule says so. Call between iterations.
     *
     * @param value the metric after the epoch
     * @return whether the rate was cut (or, with {@code wsd-cooldown}, the cooldown started)
     */
    public boolean step(double value) {
        PlateauState previous = state;
        PlateauState next;
        try {
            next = previous.after(value, rule);
        } catch (IllegalArgumentException e) {
            controller.warn(e.getMessage());
            return false;
        }
        state = next;
        if (!next.cutNow(previous)) {
            return false;
        }
        String source = String.format(Locale.ROOT, "plateau: best %.6g, %d epochs without improvement",
                next.best(), rule.patience() + 1);
        if (rule.wsdCooldown() > 0) {
            return controller.adjustment().cooldown() == null
                    && controller.apply(new RateCommand.Cooldown(rule.wsdCooldown()), source) != null;
        }
        double old = controller.currentRate();
        double cut = Math.max(old * rule.factor(), rule.minRate());
        if (old - cut <= rule.eps()) {
            return false;
        }
        return controller.apply(new RateCommand.Multiply(cut / old), source) != null;
    }
}
