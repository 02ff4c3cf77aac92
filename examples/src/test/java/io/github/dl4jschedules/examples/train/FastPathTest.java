package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.data.MnistData;
import io.github.dl4jschedules.examples.data.MnistSource;
import io.github.dl4jschedules.examples.run.FastPath;
import io.github.dl4jschedules.examples.run.FirstLayerConvolutionHelper;
import io.github.dl4jschedules.examples.run.OneDnnMachine;
import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fast path ({@link FastPath}): the tests' JVM loads the oneDNN native build (examples/pom.xml
 * sets {@value FastPath#PLATFORM_EXTENSION_PROPERTY}), the oneDNN helpers are attached to LeNet's
 * convolution layers (not to its pooling layers) and do not fail (a failing helper makes DL4J fall back to its Java
 * implementation silently, after one log line), and the fast path learns the same as the plain path.
 * On CPUs without the oneDNN build (not x86-64 with AVX2) these tests are skipped.
 */
class FastPathTest {

    @BeforeAll
    static void needsTheOneDnnBuild() {
        OneDnnMachine.assumeX86WithAvx2();
    }

    @Test
    void theOneDnnNativeBuildIsLoaded() {
        assertThat(System.getProperty(FastPath.PLATFORM_EXTENSION_PROPERTY)).isEqualTo(FastPath.ONEDNN_EXTENSION);
        assertThat(FastPath.backend()).isEqualToIgnoringCase("CPU");
        assertThat(FastPath.oneDnnLoaded()).isTrue();
        assertThat(NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo()).contains("HAVE_ONEDNN");
        assertThat(Loader.getLoadedLibraries().get("jnind4jcpu")).contains("onednn-avx2");
        assertThat(System.getenv("OMP_NUM_THREADS")).isEqualTo("1");
    }

    @Test
    void helpersAreAttachedAndDoNotFail() {
        MultiLayerNetwork network = lenet();
        assertThat(List.of(network.getLayers())).as("DL4J M2.1 attaches no helper by itself")
                .allSatisfy(layer -> assertThat(helperOrNull(layer)).isNull());

        FastPath.singleThreaded();
        assertThat(FastPath.attachHelpers(network)).isEqualTo(2);
        assertThat(FastPath.attachHelpers(network)).as("a second call attaches nothing").isZero();
        Layer[] layers = network.getLayers();
        assertThat(layers[0]).isInstanceOf(ConvolutionLayer.class);
        assertThat(FastPath.helperOf(layers[0])).isInstanceOf(FirstLayerConvolutionHelper.class);
        assertThat(FastPath.helperOf(layers[1])).as("pooling: DL4J's own path runs oneDNN's kernels").isNull();
        assertThat(FastPath.helperOf(layers[2])).isExactlyInstanceOf(MKLDNNConvHelper.class);
        assertThat(FastPath.helperOf(layers[3])).isNull();

        List<DataSet> batches = MnistSource.bundled().load(MnistSource.Split.TRAIN, 128).batches(64);
        MultiLayerNetwork withoutHelpers = network.clone();
        assertThat(List.of(withoutHelpers.getLayers())).allSatisfy(layer -> assertThat(helperOrNull(layer)).isNull());
        for (DataSet batch : batches) {
            network.fit(batch);
        }
        for (int i : new int[]{0, 2}) {
            assertThat(FastPath.helperFailures(layers[i])).as("helper failures of layer %d", i).isZero();
            assertThat(FastPath.helperOf(layers[i])).as("helper of layer %d after fitting", i).isNotNull();
        }
        assertThat(layers[1]).isInstanceOf(SubsamplingLayer.class);

        // The helpers compute what DL4J's own implementation computes.
        for (DataSet batch : batches) {
            withoutHelpers.fit(batch);
        }
        INDArray features = batches.get(0).getFeatures();
        assertThat(network.output(features).ravel().toDoubleVector())
                .containsExactly(withoutHelpers.output(features).ravel().toDoubleVector(), within(1e-4));
    }

    @Test
    void mlpHasNothingToAttach() {
        MultiLayerNetwork network = new MultiLayerNetwork(ModelKind.MLP.configuration(new Adam(1e-3), 42, 28, 28,
                MnistData.NUM_CLASSES));
        network.init();
        assertThat(FastPath.attachHelpers(network)).isZero();
    }

    /**
     * Same seed, fast path against plain path (here both on the oneDNN build, which this JVM loaded):
     * the accuracy curves agree within noise. Observed: identical accuracies, losses equal to 7 digits
     * (the stock build in another JVM differs in the 4th digit of the loss and by up to 0.002 in accuracy).
     */
    @Test
    void fastPathGivesTheSameCurveAsThePlainPath() {
        String schedule = "exponential(lr=0.002, rate=0.98, unit=iteration)";
        Trainings.Outcome fast = Trainings.run(ModelKind.LENET, UpdaterKind.ADAM, Schedules.parse(schedule), 2, 512, 500,
                32, 42, true);
        Trainings.Outcome plain = Trainings.run(ModelKind.LENET, UpdaterKind.ADAM, Schedules.parse(schedule), 2, 512, 500,
                32, 42, false);
        assertThat(fast.attachedHelpers()).isEqualTo(2);
        assertThat(plain.attachedHelpers()).isZero();
        for (int e = 0; e < 2; e++) {
            assertThat(fast.accuracies().get(e)).as("accuracy after epoch %d", e + 1)
                    .isCloseTo(plain.accuracies().get(e), within(0.02));
            assertThat(fast.losses().get(e)).as("mean loss of epoch %d", e + 1)
                    .isCloseTo(plain.losses().get(e), within(0.01 * plain.losses().get(e)));
        }
        assertThat(fast.rates()).isEqualTo(plain.rates());
    }

    private static MultiLayerNetwork lenet() {
        MultiLayerNetwork network = new MultiLayerNetwork(ModelKind.LENET.configuration(new Adam(1e-3), 42, 28, 28,
                MnistData.NUM_CLASSES));
        network.init();
        return network;
    }

    private static Object helperOrNull(Layer layer) {
        return layer instanceof ConvolutionLayer || layer instanceof SubsamplingLayer ? FastPath.helperOf(layer) : null;
    }
}
