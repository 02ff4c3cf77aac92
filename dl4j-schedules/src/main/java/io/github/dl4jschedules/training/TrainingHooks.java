package io.github.dl4jschedules.training;

/**
 * The moments of a training that the training-time parts act on, the same for every model kind:
 * the parts' DL4J {@code TrainingListener} callbacks call them, and so does {@link SameDiffListener}
 * from SameDiff's callbacks.
 */
interface TrainingHooks {

    /** Just before a parameter update; the model's counters are the update's. */
    void beforeUpdate(ModelAdapter model);

    /**
     * Just after the update of {@code iteration} in {@code epoch}.
     *
     * @param loss the mini-batch loss of that iteration
     */
    void iterationDone(ModelAdapter model, int iteration, int epoch, double loss);

    /** Before the first iteration of an epoch; the model's epoch counter is the epoch starting. */
    void epochStart(ModelAdapter model);

    /** After the last iteration of an epoch, before the epoch counter advances. */
    void epochEnd(ModelAdapter model);
}
