package io.github.dl4jschedules.interchange;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Nesterovs;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Keras HDF5 models compiled with a learning-rate schedule (files written by
 * {@code tools/keras/generate_keras_models.py} in Keras' layout) import with their weights, loss and
 * optimizer, and every layer trains with the schedule: the rates at each iteration are Keras' closed
 * forms, written out here. DL4J's own importer refuses these files.
 */
class KerasImportTest {

    private static Path file(String name) throws URISyntaxException {
        return Path.of(KerasImportTest.class.getResource("/keras/" + name).toURI());
    }

    private static IUpdater updater(MultiLayerNetwork network, int layer) {
        return ((BaseLayer) network.getLayer(layer).conf().getLayer()).getIUpdater();
    }

    private static void assertRates(MultiLayerNetwork network, IntToDoubleFunction keras) {
        for (int layer = 0; layer < 2; layer++) {
            for (int n = 0; n <= 40; n++) {
                double expected = keras.applyAsDouble(n);
                assertThat(updater(network, layer).getLearningRate(n, 0)).as("layer %d, step %d", layer, n)
                        .isCloseTo(expected, within(1e-12 * expected + 1e-18));
            }
        }
    }

    @Test
    void adamWithExponentialDecayKeepsItsSchedule() throws Exception {
        Path path = file("adam-exponential.h5");
        MultiLayerNetwork network = KerasImport.sequential(path);

        assertThat(updater(network, 0)).isInstanceOf(Adam.class);
        Adam adam = (Adam) updater(network, 1);
        assertThat(adam.getBeta1()).isEqualTo(0.9);
        assertThat(adam.getBeta2()).isEqualTo(0.999);
        assertThat(adam.getEpsilon()).isEqualTo(1e-7);
        // keras ExponentialDecay(0.01, decay_steps=10, decay_rate=0.5): 0.01 * 0.5^(step / 10)
        assertRates(network, n -> 0.01 * Math.pow(0.5, n / 10.0));
        assertThat(network.getnLayers()).isEqualTo(3);
        assertThat(network.getLayer(2).conf().getLayer()).as("DL4J adds the loss as a layer")
                .isInstanceOf(LossLayer.class);

        MultiLayerNetwork plain = KerasModelImport.importKerasSequentialModelAndWeights(path.toString(), false);
        assertThat(network.params().data().asDouble()).as("the file's weights")
                .containsExactly(plain.params().data().asDouble());

        DataSet batch = new DataSet(Nd4j.rand(5, 4), Nd4j.eye(3).getRows(0, 1, 2, 0, 1));
        network.fit(batch);
        network.fit(batch);
        assertThat(network.getIterationCount()).isEqualTo(2);
        assertThat(updater(network, 0).getLearningRate(network.getIterationCount(), 0))
                .isCloseTo(0.01 * Math.pow(0.5, 0.2), within(1e-15));
    }

    @Test
    void dl4jsOwnImporterRefusesTheScheduleWhichIsWhyThisExists() throws Exception {
        // when this starts passing, DL4J reads schedules itself: then compare and simplify KerasImport
        String path = file("adam-exponential.h5").toString();
        assertThatThrownBy(() -> KerasModelImport.importKerasSequentialModelAndWeights(path, true))
                .isInstanceOf(ClassCastException.class);
    }

    @Test
    void keras3SgdWithCosineWarmup() throws Exception {
        MultiLayerNetwork network = KerasImport.sequential(file("sgd-cosine-warmup-keras3.h5"));
        assertThat(updater(network, 0)).as("DL4J's importer maps SGD to Nesterovs, momentum 0 (plain SGD)")
                .isInstanceOfSatisfying(Nesterovs.class, sgd -> assertThat(sgd.getMomentum()).isZero());
        // keras 3 CosineDecay(0, decay_steps=20, alpha=0.1, warmup_target=0.05, warmup_steps=5)
        assertRates(network, n -> {
            double step = Math.min(n, 25);
            if (step < 5) {
                return 0.05 * step / 5;
            }
            return 0.05 * ((1 - 0.1) * 0.5 * (1 + Math.cos(Math.PI * (step - 5) / 20)) + 0.1);
        });
    }

    @Test
    void aNumberWithTheLegacyDecayIsKerasTimeDecay() throws Exception {
        MultiLayerNetwork network = KerasImport.sequential(file("rmsprop-legacy-decay.h5"));
        assertThat(updater(network, 0)).isInstanceOf(RmsProp.class);
        assertThat(((RmsProp) updater(network, 0)).getRmsDecay()).isEqualTo(0.9);
        // keras 2 optimizer decay: lr / (1 + decay * iterations)
        assertRates(network, n -> 0.001 / (1 + 0.01 * n));
    }

    @Test
    void unknownSchedulesAndMissingFilesAreRefusedClearly() throws Exception {
        Path path = file("adam-unsupported-schedule.h5");
        assertThatThrownBy(() -> KerasImport.sequential(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(path + ": the optimizer's learning_rate: Keras schedule class 'MyWarmupSchedule' is not"
                        + " supported (supported: ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay,"
                        + " PolynomialDecay, CosineDecay, CosineDecayRestarts, or a plain number)");
        Path missing = Path.of("no-such-model.h5");
        assertThatThrownBy(() -> KerasImport.sequential(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Keras model file no-such-model.h5 does not exist");
    }
}
