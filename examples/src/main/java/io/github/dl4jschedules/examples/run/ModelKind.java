package io.github.dl4jschedules.examples.run;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The networks the examples train on MNIST-shaped data (square grey images, 10 classes). */
public enum ModelKind {

    /** A multi-layer perceptron, {@code pixels -> 300 -> 100 -> 10} (LeCun et al. 1998's 300-100 MLP). */
    MLP {
        @Override
        MultiLayerConfiguration configure(NeuralNetConfiguration.Builder base, int height, int width, int classes) {
            return base.list()
                    .layer(new DenseLayer.Builder().nOut(300).activation(Activation.RELU).build())
                    .layer(new DenseLayer.Builder().nOut(100).activation(Activation.RELU).build())
                    .layer(output(classes))
                    .setInputType(InputType.feedForward((long) height * width))
                    .build();
        }
    },

    /**
     * LeNet-5 as in DL4J's MNIST example: conv 5x5x20, max-pool 2x2, conv 5x5x50, max-pool 2x2,
     * dense 500 (ReLU), softmax.
     */
    LENET {
        @Override
        MultiLayerConfiguration configure(NeuralNetConfiguration.Builder base, int height, int width, int classes) {
            return base.list()
                    .layer(new ConvolutionLayer.Builder(5, 5).nOut(20).stride(1, 1).activation(Activation.IDENTITY).build())
                    .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                    .layer(new ConvolutionLayer.Builder(5, 5).nOut(50).stride(1, 1).activation(Activation.IDENTITY).build())
                    .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                    .layer(new DenseLayer.Builder().nOut(500).activation(Activation.RELU).build())
                    .layer(output(classes))
                    .setInputType(InputType.convolutionalFlat(height, width, 1))
                    .build();
        }
    };

    /**
     * The configuration of this model.
     *
     * @param updater the updater, carrying the rate schedule
     * @param seed    weight initialisation seed
     */
    public MultiLayerConfiguration configuration(IUpdater updater, long seed, int height, int width, int classes) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.XAVIER)
                .updater(updater);
        return configure(base, height, width, classes);
    }

    abstract MultiLayerConfiguration configure(NeuralNetConfiguration.Builder base, int height, int width, int classes);

    private static OutputLayer output(int classes) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                .nOut(classes).activation(Activation.SOFTMAX).build();
    }
}
