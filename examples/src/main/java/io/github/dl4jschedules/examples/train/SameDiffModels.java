package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.TrainingData;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The examples' networks ({@link ModelKind}) built in SameDiff, layer for layer the DL4J ones: the same
 * shapes, activations, Xavier initialisation ({@code N(0, 2 / (fanIn + fanOut))}, DL4J's
 * {@code WeightInit.XAVIER}), zero biases, and softmax with cross-entropy (DL4J's softmax output with
 * negative log-likelihood). Inputs are the flat pixel rows of {@link TrainingData}: placeholder
 * {@value #INPUT}, one-hot labels {@value #LABELS}, class probabilities {@value #OUTPUT} (the model's
 * output, for evaluation), mean loss {@value #LOSS}. The updater, with its schedule, goes into the
 * model's {@link TrainingConfig}.
 */
final class SameDiffModels {

    static final String INPUT = "input";
    static final String LABELS = "labels";
    static final String OUTPUT = "output";
    static final String LOSS = "loss";

    private SameDiffModels() {
    }

    /** The SameDiff form of {@code kind}, initialised from {@code seed}, with its training configuration. */
    static SameDiff build(ModelKind kind, IUpdater updater, long seed, int height, int width, int classes) {
        SameDiff sd = SameDiff.create();
        Random random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, (long) height * width);
        SDVariable labels = sd.placeHolder(LABELS, DataType.FLOAT, -1, classes);
        SDVariable logits = switch (kind) {
            case MLP -> {
                SDVariable h1 = sd.nn().relu(dense(sd, random, "dense0", input, (long) height * width, 300), 0);
                SDVariable h2 = sd.nn().relu(dense(sd, random, "dense1", h1, 300, 100), 0);
                yield dense(sd, random, "output-layer", h2, 100, classes);
            }
            case LENET -> {
                SDVariable image = input.reshape(-1, 1, height, width);
                SDVariable c1 = conv(sd, random, "conv0", image, 1, 20);
                SDVariable p1 = sd.cnn().maxPooling2d(c1, pool());
                SDVariable c2 = conv(sd, random, "conv1", p1, 20, 50);
                SDVariable p2 = sd.cnn().maxPooling2d(c2, pool());
                long flat = 50L * ((height - 4) / 2 - 4) / 2 * (((width - 4) / 2 - 4) / 2);
                SDVariable dense = sd.nn().relu(dense(sd, random, "dense0", p2.reshape(-1, flat), flat, 500), 0);
                yield dense(sd, random, "output-layer", dense, 500, classes);
            }
        };
        sd.nn().softmax(OUTPUT, logits, 1);
        sd.loss().softmaxCrossEntropy(LOSS, labels, logits, null);
        sd.setLossVariables(LOSS);
        sd.setOutputs(OUTPUT);
        sd.setTrainingConfig(TrainingConfig.builder().updater(updater)
                .dataSetFeatureMapping(INPUT).dataSetLabelMapping(LABELS).build());
        return sd;
    }

    private static SDVariable dense(SameDiff sd, Random random, String name, SDVariable in, long nIn, long nOut) {
        SDVariable w = sd.var(name + "-W", xavier(random, nIn, nOut, nIn, nOut));
        SDVariable b = sd.var(name + "-b", Nd4j.zeros(DataType.FLOAT, 1, nOut));
        return in.mmul(w).add(b);
    }

    /** A 5x5 convolution, stride 1, no padding, identity activation (as in {@link ModelKind#LENET}). */
    private static SDVariable conv(SameDiff sd, Random random, String name, SDVariable in, long channelsIn, long channelsOut) {
        long fanIn = channelsIn * 25;
        long fanOut = channelsOut * 25;
        SDVariable w = sd.var(name + "-W", xavier(random, fanIn, fanOut, 5, 5, channelsIn, channelsOut));
        SDVariable b = sd.var(name + "-b", Nd4j.zeros(DataType.FLOAT, channelsOut));
        return sd.cnn().conv2d(in, w, b, Conv2DConfig.builder().kH(5).kW(5).sH(1).sW(1)
                .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).build());
    }

    private static Pooling2DConfig pool() {
        return Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).type(Pooling2D.Pooling2DType.MAX)
                .paddingMode(PaddingMode.VALID).isNHWC(false).build();
    }

    private static INDArray xavier(Random random, long fanIn, long fanOut, long... shape) {
        return Nd4j.randn(random, shape).muli(Math.sqrt(2.0 / (fanIn + fanOut)));
    }
}
