package io.github.dl4jschedules.transfer;

import io.github.dl4jschedules.dl4j.TinyNetworks;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The networks of the transfer-learning tests, with the depths their layers have by construction. */
final class TransferNetworks {

    private TransferNetworks() {
    }

    /**
     * dense 0 (depth 2), activation 1 (no parameters), dense 2 (depth 1), output 3 (depth 0).
     */
    static MultiLayerNetwork mlp(IUpdater updater) {
        MultiLayerConfiguration configuration = TinyNetworks.base(updater).list()
                .layer(new DenseLayer.Builder().nIn(TinyNetworks.INPUTS).nOut(6).activation(Activation.IDENTITY).build())
                .layer(new ActivationLayer.Builder().activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(5).nOut(TinyNetworks.CLASSES).activation(Activation.SOFTMAX).build())
                .build();
        return TinyNetworks.network(configuration);
    }

    /**
     * A branching graph with a skip connection:
     * <pre>
     * in -> a -> b --\
     *       a -------- merge -> out
     * in -> c -------/
     * </pre>
     * Depths: out 0; b and c 1 (one layer, out, after them); a 2 (the longest path a, b, out; the
     * direct a, merge, out has one).
     */
    static ComputationGraph branching(IUpdater updater) {
        return branching(updater, false);
    }

    /** The same graph, with {@code c} frozen in the configuration when {@code freezeC}. */
    static ComputationGraph branching(IUpdater updater, boolean freezeC) {
        Layer c = new DenseLayer.Builder().nIn(TinyNetworks.INPUTS).nOut(3).activation(Activation.TANH).build();
        ComputationGraphConfiguration configuration = TinyNetworks.base(updater).graphBuilder()
                .addInputs("in")
                .addLayer("a", new DenseLayer.Builder().nIn(TinyNetworks.INPUTS).nOut(5).activation(Activation.TANH).build(), "in")
                .addLayer("b", new DenseLayer.Builder().nIn(5).nOut(5).activation(Activation.TANH).build(), "a")
                .addLayer("c", freezeC ? new FrozenLayer(c) : c, "in")
                .addVertex("merge", new MergeVertex(), "a", "b", "c")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(13).nOut(TinyNetworks.CLASSES).activation(Activation.SOFTMAX).build(), "merge")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        return graph;
    }
}
