package io.github.dl4jschedules.parallel;

import io.github.dl4jschedules.dl4j.TinyNetworks;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.List;

/**
 * The library tests' small networks and data ({@link TinyNetworks}: a two-layer MLP, or the same as a
 * graph, on Gaussian blobs, in double precision so that updates can be compared exactly), initialised,
 * and ParallelWrapper around them.
 */
final class ParallelFixtures {

    private ParallelFixtures() {
    }

    static MultiLayerNetwork mlp(IUpdater updater) {
        return TinyNetworks.network(TinyNetworks.mlp(updater));
    }

    static ComputationGraph graph(IUpdater updater) {
        ComputationGraph graph = new ComputationGraph(TinyNetworks.graph(updater));
        graph.init();
        return graph;
    }

    /**
     * ParallelWrapper with {@code workers} workers, parameter averaging every {@code averaging} rounds.
     * One worker is DL4J's default on a machine with one device; its builder rejects {@code workers(1)}.
     */
    static ParallelWrapper wrapper(Model network, int workers, int averaging) {
        ParallelWrapper.Builder<Model> builder = new ParallelWrapper.Builder<>(network)
                .prefetchBuffer(2).averagingFrequency(averaging);
        if (workers != 1) {
            builder.workers(workers);
        }
        ParallelWrapper wrapper = builder.build();
        if (wrapper.getWorkers() != workers) {
            throw new IllegalStateException("expected " + workers + " workers, got " + wrapper.getWorkers());
        }
        return wrapper;
    }

    /** {@code batches} fixed mini-batches of {@code batchSize} examples. */
    static List<DataSet> batches(int batches, int batchSize) {
        return TinyNetworks.batches(batches, batchSize);
    }

    /** The same batches in the same order at every pass. */
    static DataSetIterator iterator(List<DataSet> batches) {
        return TinyNetworks.iterator(batches);
    }
}
