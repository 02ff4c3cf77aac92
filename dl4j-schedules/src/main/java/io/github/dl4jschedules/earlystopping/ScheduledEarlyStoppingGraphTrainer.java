package io.github.dl4jschedules.earlystopping;

import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.listener.EarlyStoppingListener;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingGraphTrainer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

import java.util.Objects;

/**
 * DL4J's {@link EarlyStoppingGraphTrainer} for a {@link ComputationGraph}, with the graph's epoch
 * counter continued instead of restarted: the call's local epoch {@code k} trains as the graph's epoch
 * {@code firstEpoch() + k}, and a finished epoch is counted before the score is computed and the model
 * saved. Everything {@link ScheduledEarlyStoppingTrainer} says holds here too, but for one saver: DL4J's
 * {@code InMemoryModelSaver} loses a graph's counters ({@code ComputationGraph.clone()} leaves them at 0);
 * keep the best graph in memory with {@link CountingInMemoryModelSaver}, or on disk with DL4J's
 * {@code LocalFileGraphSaver}, which keeps counters and updater state.
 *
 * <pre>{@code
 * EarlyStoppingResult<ComputationGraph> result =
 *         new ScheduledEarlyStoppingGraphTrainer(esConfig, graph, trainData).fit();   // instead of EarlyStoppingGraphTrainer
 * }</pre>
 */
public final class ScheduledEarlyStoppingGraphTrainer extends EarlyStoppingGraphTrainer {

    private final ComputationGraph graph;
    private int firstEpoch;

    /**
     * @param esConfig early-stopping configuration (termination conditions, score, saver)
     * @param graph    the graph to train, already initialised, with one input and one output
     * @param train    training data; one pass is one epoch
     */
    public ScheduledEarlyStoppingGraphTrainer(EarlyStoppingConfiguration<ComputationGraph> esConfig,
                                              ComputationGraph graph, DataSetIterator train) {
        this(esConfig, graph, train, null);
    }

    /**
     * @param esConfig early-stopping configuration (termination conditions, score, saver)
     * @param graph    the graph to train, already initialised, with one input and one output
     * @param train    training data; one pass is one epoch
     * @param listener early-stopping listener, or {@code null}
     */
    public ScheduledEarlyStoppingGraphTrainer(EarlyStoppingConfiguration<ComputationGraph> esConfig,
                                              ComputationGraph graph, DataSetIterator train,
                                              EarlyStoppingListener<ComputationGraph> listener) {
        super(esConfig, Objects.requireNonNull(graph, "early stopping needs a network, got null"), train, listener);
        this.graph = graph;
        this.firstEpoch = graph.getEpochCount();
    }

    /**
     * @param esConfig early-stopping configuration (termination conditions, score, saver)
     * @param graph    the graph to train, already initialised
     * @param train    training data for graphs with several inputs or outputs; one pass is one epoch
     * @param listener early-stopping listener, or {@code null}
     */
    public ScheduledEarlyStoppingGraphTrainer(EarlyStoppingConfiguration<ComputationGraph> esConfig,
                                              ComputationGraph graph, MultiDataSetIterator train,
                                              EarlyStoppingListener<ComputationGraph> listener) {
        super(esConfig, Objects.requireNonNull(graph, "early stopping needs a network, got null"), train, listener);
        this.graph = graph;
        this.firstEpoch = graph.getEpochCount();
    }

    /**
     * The graph's epoch count when the last {@code fit()} or {@code pretrain()} started (before the
     * first, its count now): the graph's epoch of the call's local epoch {@code k} is
     * {@code firstEpoch() + k}.
     *
     * @return the epoch count at the start of the last call
     */
    public int firstEpoch() {
        return firstEpoch;
    }

    @Override
    protected EarlyStoppingResult<ComputationGraph> fit(boolean pretrain) {
        firstEpoch = graph.getEpochCount();
        return super.fit(pretrain);
    }

    @Override
    protected void triggerEpochListeners(boolean epochStart, Model model, int epochNum) {
        super.triggerEpochListeners(epochStart, model, firstEpoch + epochNum);
        if (!epochStart) {
            graph.incrementEpochCount();
        }
    }
}
