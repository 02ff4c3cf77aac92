package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.run.ModelKind;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.Locale;

/**
 * Checks, before any network or batch is allocated, that a model can take the data's images and
 * that training fits the native memory ND4J may use: an IDX header of 4096 x 4096 would otherwise
 * make the MLP allocate a 20 GB weight matrix, natively, until the machine or the JVM gives out.
 *
 * <p>The estimate, in 4-byte floats (DL4J's default data type):
 * <pre>
 * bytes = 4 * (COPIES * parameters + 2 * batch * activations + examples * pixels)
 * </pre>
 * Legend: {@code parameters} the model's parameter count; {@link #COPIES} = 4 (parameters, gradients,
 * up to two updater moments, as Adam keeps); {@code activations} the layers' outputs per example,
 * kept with their gradients; {@code examples * pixels} the prepared training and test batches. It
 * must not exceed the smaller of JavaCPP's {@code maxBytes} (ND4J's off-heap limit,
 * {@code -Dorg.bytedeco.javacpp.maxbytes}) and the machine's physical memory.
 */
final class ModelFit {

    /** Values kept per parameter while training: parameters, gradients, two updater moments. */
    static final int COPIES = 4;

    private ModelFit() {
    }

    /**
     * @param examples training plus test examples
     * @throws IllegalArgumentException naming the model, the image size and the memory, if it does not fit
     */
    static void check(ModelKind model, int height, int width, int batch, long examples) {
        long limit = Pointer.maxBytes() > 0 ? Pointer.maxBytes() : Long.MAX_VALUE;
        long physical = Pointer.totalPhysicalBytes();
        check(model, height, width, batch, examples, physical > 0 ? Math.min(limit, physical) : limit);
    }

    /** {@link #check(ModelKind, int, int, int, long)} against a given number of bytes, for tests. */
    static void check(ModelKind model, int height, int width, int batch, long examples, long availableBytes) {
        String name = model.name().toLowerCase(Locale.ROOT);
        MultiLayerConfiguration configuration;
        long parameters = 0;
        long activations = 0;
        try {
            configuration = model.configuration(new Sgd(0.1), 0, height, width, 10);
            InputType type = model == ModelKind.MLP ? InputType.feedForward((long) height * width)
                    : InputType.convolutionalFlat(height, width, 1);
            for (int i = 0; i < configuration.getConfs().size(); i++) {
                NeuralNetConfiguration layer = configuration.getConf(i);
                InputPreProcessor preprocessor = configuration.getInputPreProcess(i);
                if (preprocessor != null) {
                    type = preprocessor.getOutputType(type);
                }
                type = layer.getLayer().getOutputType(i, type);
                if (type.arrayElementsPerExample() <= 0 || (type instanceof InputType.InputTypeConvolutional image
                        && (image.getHeight() < 1 || image.getWidth() < 1))) {
                    throw new IllegalArgumentException("layer " + i + " (" + layer.getLayer().getClass().getSimpleName()
                            + ") would output " + type);
                }
                activations += type.arrayElementsPerExample();
                parameters += layer.getLayer().initializer().numParams(layer);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("model " + name + " cannot take images of " + height + " x " + width
                    + ": " + e.getMessage(), e);
        }
        double bytes = 4.0 * (COPIES * (double) parameters + 2.0 * batch * activations
                + (double) examples * height * width);
        if (bytes > availableBytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "model %s on images of %d x %d has %,d parameters and needs about %.1f GB to train; ND4J may "
                            + "use %.1f GB here (-Dorg.bytedeco.javacpp.maxbytes, physical memory): use smaller "
                            + "images, --model lenet for large ones, or a bigger machine",
                    name, height, width, parameters, bytes / 1e9, availableBytes / 1e9));
        }
    }
}
