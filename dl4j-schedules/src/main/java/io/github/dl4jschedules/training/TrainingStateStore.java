package io.github.dl4jschedules.training;

import org.deeplearning4j.util.ModelSerializer;

import java.io.File;
import java.util.Optional;

/**
 * Saves the rate controller's and the plateau's state inside a model file written by
 * {@link ModelSerializer}, and reads it back, so a resumed run continues with the rate the
 * uninterrupted run would have had.
 *
 * <pre>{@code
 * ModelSerializer.writeModel(network, file, true);
 * TrainingStateStore.save(file, controller, plateau);           // plateau may be null
 * ...
 * MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
 * RateController controller = RateController.attach(restored, TrainingStateStore.controller(file).orElseThrow());
 * }</pre>
 */
public final class TrainingStateStore {

    /** Entry names in the model zip (under {@code objects/}). */
    public static final String CONTROLLER_KEY = "dl4j-schedules-rate-controller";
    /** Entry name of the plateau state in the model zip (under {@code objects/}). */
    public static final String PLATEAU_KEY = "dl4j-schedules-plateau";

    private TrainingStateStore() {
    }

    /**
     * Adds the states to a model file just written by {@link ModelSerializer#writeModel}.
     *
     * @param modelFile the model file
     * @param controller its state is saved
     * @param plateau its state is saved, or {@code null} for none
     * @throws IllegalStateException if the file already holds a saved state (ModelSerializer cannot
     *                               replace an entry: write the model again first)
     */
    public static void save(File modelFile, RateController controller, ReduceOnPlateau plateau) {
        if (ModelSerializer.listObjectsInFile(modelFile).contains(CONTROLLER_KEY)) {
            throw new IllegalStateException(modelFile + " already holds a saved rate-controller state; "
                    + "save right after ModelSerializer.writeModel");
        }
        ModelSerializer.addObjectToFile(modelFile, CONTROLLER_KEY, controller.state());
        if (plateau != null) {
            ModelSerializer.addObjectToFile(modelFile, PLATEAU_KEY, plateau.state());
        }
    }

    /**
     * The controller state saved in a model file, if any.
     *
     * @param modelFile a model file written by {@link ModelSerializer}
     * @return the state, or empty if the file holds none
     */
    public static Optional<ControllerState> controller(File modelFile) {
        return read(modelFile, CONTROLLER_KEY, ControllerState.class);
    }

    /**
     * The plateau state saved in a model file, if any.
     *
     * @param modelFile a model file written by {@link ModelSerializer}
     * @return the state, or empty if the file holds none
     */
    public static Optional<PlateauState> plateau(File modelFile) {
        return read(modelFile, PLATEAU_KEY, PlateauState.class);
    }

    private static <T> Optional<T> read(File modelFile, String key, Class<T> type) {
        if (!ModelSerializer.listObjectsInFile(modelFile).contains(key)) {
            return Optional.empty();
        }
        Object value = ModelSerializer.getObjectFromFile(modelFile, key);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(modelFile + ": entry " + key + " holds "
                    + (value == null ? "null" : value.getClass().getName()) + ", expected " + type.getName());
        }
        return Optional.of(type.cast(value));
    }
}
