package io.github.dl4jschedules.parallel;

import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A two-layer MLP (or the same as a graph) on Gaussian blobs, in double precision so that updates
 * can be compared exactly, and ParallelWrapper around it.
 */
final class ParallelFixtures {

    static final int INPUTS = 4;
    static final int CLASSES = 3;
    static final long SEED = 42;

    private ParallelFixtures() {
    }

    private static NeuralNetConfiguration.Builder base(IUpdater updater) {
        return new NeuralNetConfiguration.Builder().seed(SEED).dataType(DataType.DOUBLE)
                .weightInit(WeightInit.XAVIER).updater(updater);
    }

    static MultiLayerNetwork mlp(IUpdater updater) {
        MultiLayerNetwork network = new MultiLayerNetwork(base(updater).list()
                .layer(new DenseLayer.Builder().nIn(INPUTS).nOut(8).activation(Activation.TANH).build())
                .layer(output())
                .build());
        network.init();
        return network;
    }

    static ComputationGraph graph(IUpdater updater) {
        ComputationGraph graph = new ComputationGraph(base(updater).graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(INPUTS).nOut(8).activation(Activation.TANH).build(), "in")
                .addLayer("out", output(), "hidden")
                .setOutputs("out")
                .build());
        graph.init();
        return graph;
    }

    private static OutputLayer output() {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(8).nOut(CLASSES).activation(Activation.SOFTMAX).build();
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
        Random random = new Random(SEED);
        List<DataSet> list = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            double[][] features = new double[batchSize][INPUTS];
            double[][] labels = new double[batchSize][CLASSES];
            for (int i = 0; i < batchSize; i++) {
                int label = random.nextInt(CLASSES);
                for (int f = 0; f < INPUTS; f++) {
                    features[i][f] = (f % CLASSES == label ? 1.5 : 0) + random.nextGaussian();
                }
                labels[i][label] = 1;
            }
            list.add(new DataSet(Nd4j.create(features), Nd4j.create(labels)));
        }
        return list;
    }

    /** The same batches in the same order at every pass. */
    static DataSetIterator iterator(List<DataSet> batches) {
        return new ExistingDataSetIterator(batches);
    }
}
