package io.github.dl4jschedules.dl4j;

import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
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
 * Small real networks and data for the DL4J integration tests: a two-layer MLP on a synthetic
 * three-class problem (Gaussian blobs), in double precision so updates can be compared exactly.
 * Public for the tests of the {@code training} package.
 */
public final class TinyNetworks {

    public static final int INPUTS = 4;
    public static final int CLASSES = 3;
    public static final long SEED = 42;

    private TinyNetworks() {
    }

    public static NeuralNetConfiguration.Builder base(IUpdater updater) {
        return new NeuralNetConfiguration.Builder()
                .seed(SEED)
                .dataType(DataType.DOUBLE)
                .weightInit(WeightInit.XAVIER)
                .updater(updater);
    }

    public static MultiLayerConfiguration mlp(IUpdater updater) {
        return mlp(base(updater));
    }

    public static MultiLayerConfiguration mlp(NeuralNetConfiguration.Builder builder) {
        return builder.list()
                .layer(new DenseLayer.Builder().nIn(INPUTS).nOut(8).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(8).nOut(CLASSES).activation(Activation.SOFTMAX).build())
                .build();
    }

    public static ComputationGraphConfiguration graph(IUpdater updater) {
        return base(updater).graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(INPUTS).nOut(8).activation(Activation.TANH).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(8).nOut(CLASSES).activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out")
                .build();
    }

    public static MultiLayerNetwork network(MultiLayerConfiguration configuration) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    /** {@code batches} fixed mini-batches of {@code batchSize} examples, the same for every seed. */
    public static List<DataSet> batches(int batches, int batchSize) {
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

    /** An iterator over fixed batches, in the same order every epoch. */
    public static DataSetIterator iterator(List<DataSet> batches) {
        return new ExistingDataSetIterator(batches);
    }
}
