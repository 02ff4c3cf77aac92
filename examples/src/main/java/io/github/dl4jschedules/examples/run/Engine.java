package io.github.dl4jschedules.examples.run;

/** What trains the network in {@code train}. */
public enum Engine {

    /** DL4J's {@code MultiLayerNetwork} ({@link TrainingRun}), with every control of {@code train}. */
    DL4J,

    /**
     * The same network built in SameDiff ({@code train.SameDiffModels}), its schedule in the
     * {@code TrainingConfig}'s updater ({@code train.SameDiffRun}); the per-epoch report only.
     */
    SAMEDIFF
}
