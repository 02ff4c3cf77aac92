import io.github.dl4jschedules.examples.run.BackendFailure;
import io.github.dl4jschedules.examples.run.FastPath;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/**
 * The libnd4j ops of LeNet's two convolutions and two poolings, batch 64, one thread, each timed alone
 * (best of 30 calls after 5 warm-up calls), for docs/speed.md: {@code conv2d} and {@code conv2d_bp} in
 * NCHW and NHWC, with the oneDNN platform helpers and without (libnd4j's own im2col and GEMM), the
 * first layer's weight gradient as one forward convolution (FirstLayerConvolutionHelper's way), and
 * {@code maxpool2d} / {@code maxpool2d_bp}, and the cost of one native op call with nothing to compute.
 * Run by tools/speed/conv-ops.sh.
 */
public final class ConvOps {

    private static final int BATCH = 64;
    private static final int KERNEL = 5;

    public static void main(String[] args) {
        FastPath.selectNativeBuild();
        BackendFailure.loadBackend();
        FastPath.singleThreaded();
        System.out.println("milliseconds per call, best of 30; batch " + BATCH + ", 5x5 kernels, stride 1, no padding");
        convolution(1, 20, 28);
        convolution(20, 50, 12);
        firstLayerWeightGradient();
        pooling(20, 24);
        pooling(50, 8);
        trivialOp();
    }

    /** What one native op costs from Java when its kernel does (almost) nothing: a scalar added to 1 element. */
    private static void trivialOp() {
        INDArray one = Nd4j.zeros(DataType.FLOAT, 1);
        Runnable add = () -> one.addi(1);
        Runnable addNew = () -> one.add(1);
        System.out.printf(Locale.ROOT, "a trivial op (1 element): in place %.4f, with a new result array %.4f%n",
                best(add), best(addNew));
    }

    private static void convolution(int in, int out, int size) {
        int outSize = size - KERNEL + 1;
        for (boolean nhwc : new boolean[]{false, true}) {
            INDArray input = nhwc ? Nd4j.rand(DataType.FLOAT, BATCH, size, size, in) : Nd4j.rand(DataType.FLOAT, BATCH, in, size, size);
            INDArray weights = Nd4j.rand(DataType.FLOAT, out, in, KERNEL, KERNEL);
            INDArray bias = Nd4j.rand(DataType.FLOAT, out);
            INDArray delta = nhwc ? Nd4j.rand(DataType.FLOAT, BATCH, outSize, outSize, out)
                    : Nd4j.rand(DataType.FLOAT, BATCH, out, outSize, outSize);
            INDArray output = delta.ulike();
            INDArray inputGradient = input.ulike();
            INDArray weightGradient = weights.ulike();
            INDArray biasGradient = bias.ulike();
            int format = nhwc ? 1 : 0;
            Runnable forward = () -> Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(input, weights, bias)
                    .addOutputs(output).addIntegerArguments(KERNEL, KERNEL, 1, 1, 0, 0, 1, 1, 0, format, 1).build());
            Runnable backward = () -> Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(input, weights, bias, delta)
                    .addOutputs(inputGradient, weightGradient, biasGradient)
                    .addIntegerArguments(KERNEL, KERNEL, 1, 1, 0, 0, 1, 1, 0, format, 1).build());
            for (boolean helpers : new boolean[]{true, false}) {
                Nd4j.getEnvironment().allowHelpers(helpers);
                System.out.printf(Locale.ROOT, "conv %2d -> %2d, %dx%d, %s, %-14s conv2d %6.2f   conv2d_bp %6.2f%n", in, out,
                        size, size, nhwc ? "NHWC" : "NCHW", helpers ? "oneDNN:" : "libnd4j's own:", best(forward), best(backward));
            }
            Nd4j.getEnvironment().allowHelpers(true);
        }
    }

    /** LeNet's first layer: {@code dW} as the forward convolution of the images by the output gradient. */
    private static void firstLayerWeightGradient() {
        INDArray images = Nd4j.rand(DataType.FLOAT, 1, BATCH, 28, 28);
        INDArray delta = Nd4j.rand(DataType.FLOAT, BATCH, 20, 24, 24);
        INDArray swapped = Nd4j.createUninitialized(DataType.FLOAT, 20, BATCH, 24, 24);
        INDArray gradient = Nd4j.create(DataType.FLOAT, 1, 20, KERNEL, KERNEL);
        Runnable swap = () -> swapped.assign(delta.permute(1, 0, 2, 3));
        Runnable convolve = () -> Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(images, swapped)
                .addOutputs(gradient).addIntegerArguments(24, 24, 1, 1, 0, 0, 1, 1, 0, 0, 1).build());
        Runnable bias = () -> delta.sum(0, 2, 3);
        System.out.printf(Locale.ROOT, "conv  1 -> 20 weight gradient as a forward convolution (oneDNN): swap axes %.2f"
                + " + conv2d %.2f + bias sum %.2f%n", best(swap), best(convolve), best(bias));
    }

    private static void pooling(int channels, int size) {
        INDArray input = Nd4j.rand(DataType.FLOAT, BATCH, channels, size, size);
        INDArray output = Nd4j.create(DataType.FLOAT, BATCH, channels, size / 2, size / 2);
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, BATCH, channels, size / 2, size / 2);
        INDArray inputGradient = input.ulike();
        Runnable forward = () -> Nd4j.exec(DynamicCustomOp.builder("maxpool2d").addInputs(input).addOutputs(output)
                .addIntegerArguments(2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0).build());
        Runnable backward = () -> Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp").addInputs(input, epsilon)
                .addOutputs(inputGradient).addIntegerArguments(2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0).build());
        for (boolean helpers : new boolean[]{true, false}) {
            Nd4j.getEnvironment().allowHelpers(helpers);
            System.out.printf(Locale.ROOT, "pool %2d channels, %dx%d, NCHW, %-14s maxpool2d %6.2f   maxpool2d_bp %6.2f%n",
                    channels, size, size, helpers ? "oneDNN:" : "libnd4j's own:", best(forward), best(backward));
        }
        Nd4j.getEnvironment().allowHelpers(true);
    }

    private static double best(Runnable call) {
        for (int i = 0; i < 5; i++) {
            call.run();
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            call.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }
}
