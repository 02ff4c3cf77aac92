package io.github.dl4jschedules.training;

import org.deeplearning4j.util.ModelSerializer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
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
 *
 * <p>A SameDiff model file ({@code SameDiff.save}) is a FlatBuffers file with no room for other
 * entries, so its states go into a file beside it, {@link #beside(File) model file + ".training-state"},
 * written atomically; {@link #controller} and {@link #plateau} read it when the model file is not a
 * zip. Copy both files together.
 * <pre>{@code
 * sameDiff.save(file, true);
 * TrainingStateStore.save(file, controller, plateau);
 * SameDiff restored = SameDiff.load(file, true);
 * RateController controller = RateController.attach(restored, TrainingStateStore.controller(file).orElseThrow());
 * }</pre>
 */
public final class TrainingStateStore {

    /** Entry names in the model zip (under {@code objects/}). */
    public static final String CONTROLLER_KEY = "dl4j-schedules-rate-controller";
    /** Entry name of the plateau state in the model zip (under {@code objects/}). */
    public static final String PLATEAU_KEY = "dl4j-schedules-plateau";
    /** What {@link #beside(File)} adds to a SameDiff model file's name. */
    public static final String SUFFIX = ".training-state";

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private TrainingStateStore() {
    }

    /**
     * Adds the states to a model file just written by {@link ModelSerializer#writeModel}, or, for a
     * SameDiff model, writes them to the file {@link #beside(File) beside} the one written by
     * {@code SameDiff.save} (replacing an earlier one).
     *
     * @param modelFile the model file
     * @param controller its state is saved
     * @param plateau its state is saved, or {@code null} for none
     * @throws IllegalStateException if a DL4J model file already holds a saved state (ModelSerializer
     *                               cannot replace an entry: write the model again first)
     * @throws IllegalArgumentException if a SameDiff model file does not exist
     */
    public static void save(File modelFile, RateController controller, ReduceOnPlateau plateau) {
        if (controller.model() instanceof SameDiffAdapter) {
            saveBeside(modelFile, controller, plateau);
            return;
        }
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

    /**
     * {@return where the states of a SameDiff model file go: the same name with {@value #SUFFIX} added}
     *
     * @param sameDiffFile the file {@code SameDiff.save} wrote the model to
     */
    public static File beside(File sameDiffFile) {
        return new File(sameDiffFile.getPath() + SUFFIX);
    }

    private static void saveBeside(File modelFile, RateController controller, ReduceOnPlateau plateau) {
        if (!modelFile.isFile()) {
            throw new IllegalArgumentException(modelFile + " does not exist; save the SameDiff model first "
                    + "(SameDiff.save), then its training state");
        }
        Map<String, Object> states = new LinkedHashMap<>();
        states.put(CONTROLLER_KEY, controller.state());
        if (plateau != null) {
            states.put(PLATEAU_KEY, plateau.state());
        }
        Path target = beside(modelFile).toPath();
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(temporary); ObjectOutputStream out = new ObjectOutputStream(file)) {
                out.writeObject(states);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training state " + target, e);
        }
    }

    private static <T> Optional<T> read(File modelFile, String key, Class<T> type) {
        Object value;
        if (isZip(modelFile)) {
            if (!ModelSerializer.listObjectsInFile(modelFile).contains(key)) {
                return Optional.empty();
            }
            value = ModelSerializer.getObjectFromFile(modelFile, key);
        } else {
            Map<?, ?> states = readBeside(modelFile);
            if (!states.containsKey(key)) {
                return Optional.empty();
            }
            value = states.get(key);
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(modelFile + ": entry " + key + " holds "
                    + (value == null ? "null" : value.getClass().getName()) + ", expected " + type.getName());
        }
        return Optional.of(type.cast(value));
    }

    private static boolean isZip(File modelFile) {
        try (InputStream in = Files.newInputStream(modelFile.toPath())) {
            return Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model file " + modelFile, e);
        }
    }

    /** The states beside a SameDiff model file; none if there is no such file. */
    private static Map<?, ?> readBeside(File modelFile) {
        File states = beside(modelFile);
        if (!states.isFile()) {
            return Map.of();
        }
        try (InputStream file = Files.newInputStream(states.toPath()); ObjectInputStream in = new ObjectInputStream(file)) {
            Object value = in.readObject();
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(states + " holds " + (value == null ? "null" : value.getClass().getName())
                        + ", not a training state written by TrainingStateStore");
            }
            return map;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("cannot read the training state " + states + ": " + e.getMessage(), e);
        }
    }
}
