package io.github.dl4jschedules.earlystopping;

import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.listener.EarlyStoppingListener;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.Objects;

/**
 * DL4J's {@link EarlyStoppingTrainer} for a {@link MultiLayerNetwork}, with the network's epoch
 * counter continued instead of restarted, so that every schedule sees the epoch a plain
 * {@code network.fit(iterator)} of the same data would show.
 *
 * <p><b>The problem.</b> DL4J 1.0.0-M2.1's trainer sets the network's epoch counter from a local
 * counter that starts at 0 on every {@code fit()} and never counts the last epoch as done: after
 * early stopping for 2 epochs the network counts epoch 1, not 2; a second call (to continue, or after
 * restoring a saved model) trains epoch 0 again with the first epoch's rate, and a plain {@code fit}
 * after it repeats epoch 1. Every epoch schedule restarts or repeats. Iterations are counted right.
 *
 * <p><b>The counters here.</b> With {@code e0} the network's epoch count when {@link #fit()} (or
 * {@link #pretrain()}) starts, the call's local epoch {@code k} (0, 1, ...) trains as the network's
 * epoch {@code e0 + k}; once it has run through the training data, the network counts
 * {@code e0 + k + 1} before the score is computed and the best or latest model is saved, as after a
 * plain {@code fit} of that epoch. So:
 * <ul>
 *   <li>early stopping for 2 epochs, then again for 2, trains epochs 0, 1, 2, 3 with the rates of 4
 *   epochs of {@code fit} and leaves epoch count 4 and iteration count 4 x batches per epoch;</li>
 *   <li>a restored network ({@code ModelSerializer}) continues from its saved counters;</li>
 *   <li>the best model that the {@code EarlyStoppingModelSaver} keeps resumes from the epoch after the
 *   one it was saved at, with the updater state of that moment (DL4J's {@code InMemoryModelSaver} and
 *   {@code LocalFileModelSaver} copy the configuration, which holds the counters, and the updater
 *   state; so does {@link CountingInMemoryModelSaver});</li>
 *   <li>an epoch cut short by an iteration termination condition is not counted as done, as with an
 *   interrupted {@code fit}.</li>
 * </ul>
 * Training listeners see these counters in {@code onEpochStart}, {@code iterationDone} and
 * {@code onEpochEnd}, as in {@code fit}. What stays local to the call, as in DL4J: the epoch numbers
 * of {@link EarlyStoppingResult} ({@code getBestModelEpoch()}, {@code getScoreVsEpoch()},
 * {@code getTotalEpochs()}), of {@code EarlyStoppingListener.onEpoch} and of the epoch termination
 * conditions, so {@code MaxEpochsTerminationCondition(2)} means "2 more epochs"; the network's epoch of
 * a local epoch {@code k} is {@code firstEpoch() + k}.
 *
 * <pre>{@code
 * EarlyStoppingResult<MultiLayerNetwork> result =
 *         new ScheduledEarlyStoppingTrainer(esConfig, network, trainData).fit();   // instead of EarlyStoppingTrainer
 * }</pre>
 *
 * <p>How: DL4J's trainer sets the epoch counter in one protected method, {@code triggerEpochListeners};
 * this class overrides it to add {@code e0} and to count a finished epoch. No reflection.
 */
public final class ScheduledEarlyStoppingTrainer extends EarlyStoppingTrainer {

    private final MultiLayerNetwork network;
    private int firstEpoch;

    /**
     * @param esConfig early-stopping configuration (termination conditions, score, saver)
     * @param network  the network to train, already initialised
     * @param train    training data; one pass is one epoch
     */
    public ScheduledEarlyStoppingTrainer(EarlyStoppingConfiguration<MultiLayerNetwork> esConfig,
                                         MultiLayerNetwork network, DataSetIterator train) {
        this(esConfig, network, train, null);
    }

    /**
     * @param esConfig early-stopping configuration (termination conditions, score, saver)
     * @param network  the network to train, already initialised
     * @param train    training data; one pass is one epoch
     * @param listener early-stopping listener, or {@code null}
     */
    public ScheduledEarlyStoppingTrainer(EarlyStoppingConfiguration<MultiLayerNetwork> esConfig,
                                         MultiLayerNetwork network, DataSetIterator train,
                                         EarlyStoppingListener<MultiLayerNetwork> listener) {
        super(esConfig, Objects.requireNonNull(network, "early stopping needs a network, got null"), train, listener);
        this.network = network;
        this.firstEpoch = network.getEpochCount();
    }

    /**
     * The network's epoch count when the last {@code fit()} or {@code pretrain()} started (before the
     * first, its count now): the network's epoch of the call's local epoch {@code k} is
     * {@code firstEpoch() + k}.
     *
     * @return the epoch count at the start of the last call
     */
    public int firstEpoch() {
        return firstEpoch;
    }

    @Override
    protected EarlyStoppingResult<MultiLayerNetwork> fit(boolean pretrain) {
        firstEpoch = network.getEpochCount();
        return super.fit(pretrain);
    }

    @Override
    protected void triggerEpochListeners(boolean epochStart, Model model, int epochNum) {
        super.triggerEpochListeners(epochStart, model, firstEpoch + epochNum);
        if (!epochStart) {
            network.incrementEpochCount();
        }
    }
}
