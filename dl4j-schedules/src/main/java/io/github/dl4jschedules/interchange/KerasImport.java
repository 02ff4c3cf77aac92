package io.github.dl4jschedules.interchange;

import io.github.dl4jschedules.schedules.InverseTimeDecay;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.nd4j.linalg.schedule.ScheduleType.ITERATION;

/**
 * Imports a Keras Sequential model saved as HDF5 ({@code model.save("m.h5")}) with its training
 * configuration, keeping the learning-rate schedule of its optimizer. DL4J 1.0.0-M2.1's
 * {@link KerasModelImport} reads the optimizer's {@code learning_rate} as a number, so a model compiled
 * with a {@code keras.optimizers.schedules} schedule cannot be imported with its training configuration;
 * this reads the schedule with {@link Interchange#fromKeras} (Keras 2 and Keras 3 forms), lets DL4J
 * import the model, its weights, its loss and its optimizer with the schedule's first rate, then gives
 * every layer the schedule. A number with the legacy {@code decay} argument ({@code lr / (1 + decay *
 * iterations)}, Keras' old per-update time decay) becomes {@code inverse-time(lr, decay, period=1)}.
 * The optimizer's other settings (betas, epsilon, rho) are DL4J's importer's mapping (Keras' SGD
 * becomes {@code Nesterovs}); an updater that loses the schedule is an {@link IllegalStateException}.
 *
 * <pre>{@code
 * MultiLayerNetwork network = KerasImport.sequential(Path.of("model.h5"));
 * }</pre>
 *
 * <p>Needs {@code deeplearning4j-modelimport}, which the library declares {@code provided} and
 * {@code optional}. Keras 3's {@code .keras} files are not read: DL4J's importer reads HDF5 only.
 */
public final class KerasImport {

    private static final String TRAINING_CONFIG = "training_config";

    private KerasImport() {
    }

    /**
     * The Sequential model of a Keras HDF5 file, trainable, with the optimizer's schedule.
     *
     * @param file a Keras HDF5 model file with a training configuration
     * @return the imported network, initialised with the Keras weights, every layer's updater carrying the
     *         optimizer's schedule (counting iterations)
     * @throws IllegalArgumentException if the file has no training configuration, its optimizer's
     *                                  schedule is not one {@link Interchange#fromKeras} reads, or it has a
     *                                  schedule and a legacy {@code decay}
     * @throws IOException              if DL4J cannot read the file or the model
     * @throws IllegalStateException    if a layer's updater did not keep the schedule
     */
    public static MultiLayerNetwork sequential(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Keras model file " + file + " does not exist");
        }
        String training = readTrainingConfig(file);
        ObjectNode trainingConfig = (ObjectNode) JsonArgs.parse(training);
        JsonNode optimizer = trainingConfig.path("optimizer_config");
        if (!(optimizer.path("config") instanceof ObjectNode config)) {
            throw new IllegalArgumentException(file + ": the training configuration has no optimizer_config.config");
        }
        ISchedule schedule = schedule(file, config);
        config.remove("lr");
        config.put("learning_rate", schedule.valueAt(0, 0));
        config.put("decay", 0.0);
        MultiLayerNetwork network;
        try {
            network = new KerasModel().modelBuilder().modelHdf5Filename(file.toString())
                    .trainingJson(trainingConfig.toString()).enforceTrainingConfig(true)
                    .buildSequential().getMultiLayerNetwork();
        } catch (InvalidKerasConfigurationException | UnsupportedKerasConfigurationException e) {
            throw new IOException(file + ": DL4J cannot import this Keras model: " + e.getMessage(), e);
        }
        network.setLearningRate(schedule);
        for (Layer layer : network.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer base && base.getIUpdater() != null
                    && base.getIUpdater().hasLearningRate()
                    && Double.compare(base.getIUpdater().getLearningRate(1, 0), schedule.valueAt(1, 0)) != 0) {
                throw new IllegalStateException(file + ": layer " + layer.getIndex() + "'s updater "
                        + base.getIUpdater() + " did not keep the schedule " + schedule);
            }
        }
        return network;
    }

    /** The optimizer's rate: a schedule configuration or a number, with the legacy {@code decay}. */
    private static ISchedule schedule(Path file, ObjectNode optimizerConfig) {
        JsonNode rate = optimizerConfig.has("learning_rate") ? optimizerConfig.get("learning_rate")
                : optimizerConfig.get("lr");
        if (rate == null || rate.isNull()) {
            throw new IllegalArgumentException(file + ": the optimizer has no learning_rate");
        }
        double decay = optimizerConfig.path("decay").asDouble(0.0);
        ISchedule schedule;
        try {
            schedule = Interchange.fromKeras(rate.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": the optimizer's learning_rate: " + e.getMessage(), e);
        }
        if (decay == 0) {
            return schedule;
        }
        if (!rate.isNumber()) {
            throw new IllegalArgumentException(file + ": the optimizer has both a learning_rate schedule and the"
                    + " legacy decay=" + decay + ", which Keras applies on top of it; not supported");
        }
        return new InverseTimeDecay(rate.doubleValue(), decay, ITERATION, 1, false, 0);
    }

    private static String readTrainingConfig(Path file) throws IOException {
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            if (!archive.hasAttribute(TRAINING_CONFIG)) {
                throw new IllegalArgumentException(file + ": no training_config (save the compiled model with"
                        + " model.save(...) to keep its optimizer)");
            }
            return archive.readAttributeAsJson(TRAINING_CONFIG);
        } catch (UnsupportedKerasConfigurationException e) {
            throw new IOException(file + ": cannot read the training configuration: " + e.getMessage(), e);
        }
    }
}
