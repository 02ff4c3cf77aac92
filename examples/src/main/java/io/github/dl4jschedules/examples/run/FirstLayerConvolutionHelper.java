package io.github.dl4jschedules.examples.run;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The oneDNN helper of a network's first convolution, for training with {@code fit}: it computes the
 * gradients of the weights and the bias, and leaves out the gradient with respect to the network's
 * input, which {@code MultiLayerNetwork.fit} throws away ({@code calcBackpropGradients} with
 * {@code returnInputActGrad = false}). libtorch's autograd does the same: nothing asks for the images'
 * gradient, so it is never computed.
 *
 * <p>Why it pays: libnd4j's {@code conv2d_bp} always computes the input gradient, and for a first
 * layer with one input channel oneDNN computes it slowly (LeNet's 1 -> 20 channels, 5x5, batch 64:
 * about 7 ms of {@code conv2d_bp} against 1.2 ms for the forward pass, AMD EPYC, one thread; see
 * docs/speed.md). The weight gradient is itself a convolution, which oneDNN's fast forward kernels
 * compute: with input {@code x[n, c, h, w]}, output gradient {@code d[n, o, i, j]}, stride {@code s},
 * dilation {@code r} and padding {@code p},
 * <pre>
 *   dW[o, c, u, v] = sum over n, i, j of d[n, o, i, j] * x[n, c, i*s + u*r - p, j*s + v*r - p]
 *   db[o]          = sum over n, i, j of d[n, o, i, j]
 * </pre>
 * which is the forward convolution of {@code x} with channels and batch swapped ({@code x'[c, n, h, w]},
 * a batch of {@code c} images of {@code n} channels) by the kernel {@code d'[o, n, i, j]}, with stride
 * {@code r}, dilation {@code s} and padding {@code p}; its output {@code [c, o, u, v]} is {@code dW} with
 * its first two axes swapped. libnd4j's oneDNN {@code conv2d} refuses that convolution for {@code s > 1}
 * or {@code r > 1} ("could not create a descriptor for a dilated convolution"), so the helper takes
 * {@code s = r = 1}, the common first layer (LeNet's), and leaves other strides and dilations to
 * {@link MKLDNNConvHelper}.
 *
 * <p>The input gradient it returns is filled with NaN, so that any use of it shows at once: attach this
 * helper only to layer 0 of a network that is trained with {@code fit} ({@link FastPath#attachHelpers}),
 * never to one whose {@code backpropGradient} or {@code calculateGradients} is asked for the input's
 * gradient. The forward pass, and everything this helper does not handle (NHWC, same mode, other
 * data types than float), is {@link MKLDNNConvHelper}'s.
 */
public final class FirstLayerConvolutionHelper extends MKLDNNConvHelper {

    /**
     * A helper for a layer of this data type.
     *
     * @param dataType the data type of the layer's parameters
     */
    public FirstLayerConvolutionHelper(DataType dataType) {
        super(dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray input, INDArray weights, INDArray bias, INDArray delta,
                                                     int[] kernel, int[] strides, int[] pad, INDArray biasGradView,
                                                     INDArray weightGradView, IActivation afn,
                                                     ConvolutionLayer.AlgoMode mode,
                                                     ConvolutionLayer.BwdFilterAlgo bwdFilterAlgo,
                                                     ConvolutionLayer.BwdDataAlgo bwdDataAlgo,
                                                     ConvolutionMode convolutionMode, int[] dilation, CNN2DFormat format,
                                                     LayerWorkspaceMgr workspaceMgr) {
        if (format != CNN2DFormat.NCHW || convolutionMode == ConvolutionMode.Same || !unit(strides) || !unit(dilation)
                || input.dataType() != DataType.FLOAT || weights.dataType() != DataType.FLOAT) {
            return super.backpropGradient(input, weights, bias, delta, kernel, strides, pad, biasGradView, weightGradView,
                    afn, mode, bwdFilterAlgo, bwdDataAlgo, convolutionMode, dilation, format, workspaceMgr);
        }
        weightGradView.assign(weightGradient(input, delta, kernel, pad, workspaceMgr));
        Gradient gradient = new DefaultGradient();
        if (biasGradView != null) {
            biasGradView.assign(delta.sum(0, 2, 3).reshape(biasGradView.shape()));
            gradient.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
        }
        gradient.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView);
        INDArray notComputed = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape());
        notComputed.assign(Double.NaN);
        return new Pair<>(gradient, notComputed);
    }

    /** {@code dW[o, c, u, v]} as the forward convolution of the class comment, shape {@code [o, c, kH, kW]}. */
    private static INDArray weightGradient(INDArray input, INDArray delta, int[] kernel, int[] pad,
                                           LayerWorkspaceMgr workspaceMgr) {
        long channels = input.size(1);
        INDArray swappedInput = swapFirstAxes(input, workspaceMgr);
        INDArray swappedDelta = swapFirstAxes(delta, workspaceMgr);
        INDArray swappedGradient = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT,
                channels, delta.size(1), kernel[0], kernel[1]);
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(swappedInput, swappedDelta)
                .addOutputs(swappedGradient)
                // kernel d'[o, n, i, j], stride 1, padding p, dilation 1, not same mode, NCHW, weights [oC, iC, kH, kW]
                .addIntegerArguments((int) delta.size(2), (int) delta.size(3), 1, 1, pad[0], pad[1], 1, 1, 0, 0, 1)
                .build());
        return swappedGradient.permute(1, 0, 2, 3);
    }

    private static boolean unit(int[] steps) {
        return steps[0] == 1 && steps[1] == 1;
    }

    /** {@code a[n, c, h, w]} as a {@code c}-ordered {@code [c, n, h, w]}: a reshape when {@code c == 1}, else a copy. */
    private static INDArray swapFirstAxes(INDArray a, LayerWorkspaceMgr workspaceMgr) {
        if (a.size(1) == 1) {
            return a.reshape('c', 1, a.size(0), a.size(2), a.size(3));
        }
        INDArray swapped = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, a.dataType(), a.size(1), a.size(0),
                a.size(2), a.size(3));
        return swapped.assign(a.permute(1, 0, 2, 3));
    }
}
