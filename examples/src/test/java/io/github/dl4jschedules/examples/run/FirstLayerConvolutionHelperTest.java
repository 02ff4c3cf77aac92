package io.github.dl4jschedules.examples.run;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link FirstLayerConvolutionHelper} against DL4J's own convolution (no helper, im2col and GEMM in
 * {@code ConvolutionLayer.backpropGradient}), the independent reference: the same network, parameters,
 * input and labels give the same weight and bias gradients, for one and several input channels,
 * padding, no bias, and the cases it leaves to {@code MKLDNNConvHelper} (strides, same mode).
 */
class FirstLayerConvolutionHelperTest {

    @BeforeAll
    static void needsTheOneDnnBuild() {
        OneDnnMachine.assumeX86WithAvx2();
    }

    @ParameterizedTest(name = "{0} channels, {1}x{1} kernel, stride {2}, padding {3}, dilation {4}, {5}, bias {6}")
    @CsvSource({
            "1, 5, 1, 0, 1, Truncate, true",    // LeNet's first layer
            "3, 3, 1, 1, 1, Truncate, true",
            "1, 3, 1, 1, 1, Truncate, false",
            "2, 4, 1, 2, 1, Strict, true",
            // left to MKLDNNConvHelper's own backward pass: strides, same mode (and dilation, which that helper
            // fails on here, 2 channels, 3x3, dilation 2: DL4J falls back to its own implementation)
            "3, 3, 2, 1, 1, Truncate, true",
            "2, 3, 2, 0, 1, Same, true",
    })
    void gradientsOfWeightsAndBiasAreDl4jsOwn(int channels, int kernel, int stride, int padding, int dilation,
                                               ConvolutionMode mode, boolean bias) {
        MultiLayerNetwork reference = network(channels, kernel, stride, padding, dilation, mode, bias);
        MultiLayerNetwork helped = network(channels, kernel, stride, padding, dilation, mode, bias);
        assertThat(FastPath.attachHelpers(helped)).isEqualTo(1);
        assertThat(FastPath.helperOf(helped.getLayer(0))).isInstanceOf(FirstLayerConvolutionHelper.class);
        assertThat(FastPath.helperOf(reference.getLayer(0))).isNull();

        Nd4j.getRandom().setSeed(7);
        INDArray features = Nd4j.rand(DataType.FLOAT, 6, channels * 13 * 13).subi(0.5);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 6, 4);
        for (int i = 0; i < 6; i++) {
            labels.putScalar(i, i % 4, 1);
        }
        Gradient expected = gradient(reference, features, labels);
        Gradient actual = gradient(helped, features, labels);
        assertThat(FastPath.helperFailures(helped.getLayer(0))).as("times DL4J fell back to its own implementation")
                .isZero();

        assertClose(actual.getGradientFor("0_W"), expected.getGradientFor("0_W"));
        if (bias) {
            assertClose(actual.getGradientFor("0_b"), expected.getGradientFor("0_b"));
        }
        assertClose(actual.getGradientFor("1_W"), expected.getGradientFor("1_W"));
    }

    @Test
    void theInputGradientItDoesNotComputeIsNaN() {
        MultiLayerNetwork network = network(1, 5, 1, 0, 1, ConvolutionMode.Truncate, true);
        FastPath.attachHelpers(network);
        INDArray features = Nd4j.rand(DataType.FLOAT, 2, 13 * 13);
        INDArray labels = Nd4j.createFromArray(new float[][]{{1, 0, 0, 0}, {0, 1, 0, 0}});
        Pair<Gradient, INDArray> gradients = network.calculateGradients(features, labels, null, null);
        assertThat(gradients.getSecond().isNaN().all()).as("every element of the input gradient is NaN").isTrue();
    }

    private static Gradient gradient(MultiLayerNetwork network, INDArray features, INDArray labels) {
        network.setInput(features);
        network.setLabels(labels);
        network.computeGradientAndScore();
        return network.gradient();
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        assertThat(actual.ravel().toDoubleVector()).containsExactly(expected.ravel().toDoubleVector(), within(1e-5 * scale));
    }

    /** A convolution on 13x13 images of {@code channels} channels, then a softmax over 4 classes. */
    private static MultiLayerNetwork network(int channels, int kernel, int stride, int padding, int dilation,
                                             ConvolutionMode mode, boolean bias) {
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(11).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER).updater(new Sgd(0.1))
                .list()
                .layer(new ConvolutionLayer.Builder(kernel, kernel).nOut(5).stride(stride, stride)
                        .padding(padding, padding).dilation(dilation, dilation).convolutionMode(mode).hasBias(bias)
                        .activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(4).activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.convolutionalFlat(13, 13, channels))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }
}
