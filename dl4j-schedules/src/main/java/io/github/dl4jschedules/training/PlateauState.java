package io.github.dl4jschedules.training;

import java.io.Serializable;

/**
 * The memory of reduce-on-plateau between epochs, as in PyTorch's {@code ReduceLROnPlateau}: the best
 * value so far, the epochs since it, and the cooldown left. Immutable; saved with the model.
 *
 * @param best             the best metric value so far
 * @param badEpochs        epochs since the last improvement (cooldown epochs count as 0)
 * @param cooldownLeft     epochs of cooldown still to go
 * @param cuts             cuts made so far
 * @serial exclude
 */
// @serial exclude: JDK 17's javadoc asks for comments on a serializable record's components
// in the serialized form and does not take them from the @param tags, which document them.
public record PlateauState(double best, int badEpochs, int cooldownLeft, int cuts) implements Serializable {

    /**
     * The state before the first epoch.
     *
     * @param rule the rule the state follows
     * @return best = the rule's worst value, no bad epochs, no cooldown, no cuts
     */
    public static PlateauState initial(PlateauRule rule) {
        return new PlateauState(rule.worst(), 0, 0, 0);
    }

    /**
     * The state after one epoch's metric, in PyTorch's order: compare with the best, count down the
     * cooldown (which clears the bad epochs), then cut when the bad epochs exceed the patience.
     *
     * @param metric this epoch's metric value
     * @param rule the rule
     * @return the new state; {@link #cutNow(PlateauState)} tells whether this epoch cuts
     */
    public PlateauState after(double metric, PlateauRule rule) {
        if (Double.isNaN(metric)) {
            throw new IllegalArgumentException("plateau: the metric is NaN; nothing changed");
        }
        double newBest = best;
        int bad = badEpochs + 1;
        if (rule.isBetter(metric, best)) {
            newBest = metric;
            bad = 0;
        }
        int cooldown = cooldownLeft;
        if (cooldown > 0) {
            cooldown--;
            bad = 0;
        }
        if (bad > rule.patience()) {
            return new PlateauState(newBest, 0, rule.cooldown(), cuts + 1);
        }
        return new PlateauState(newBest, bad, cooldown, cuts);
    }

    /**
     * {@return whether going from {@code previous} to this state cut the rate}
     *
     * @param previous the state before this epoch
     */
    public boolean cutNow(PlateauState previous) {
        return cuts > previous.cuts;
    }
}
