package io.github.dl4jschedules.examples.train;

/** What trains the network in {@code train}. */
public enum Engine {

    /** DL4J's {@code MultiLayerNetwork} ({@link TrainingRun}), with every control of {@code train}. */
    DL4J,

    /**
     * The same network built in SameDiff ({@link SameDiffModels}), its schedule in the
     * {@code TrainingConfig}'s updater ({@link SameDiffRun}); the per-epoch report only.
     */
    SAMEDIFF
}
