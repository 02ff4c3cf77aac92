package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import org.deeplearning4j.util.ModelSerializer;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a {@code train} run that a resumed run must keep to continue it exactly, saved in
 * the model zip next to the rate controller's state: the model, updater, batch, seed, data and its
 * limits fix the batches and their shuffled order; {@code epochs} is the run's planned total. The
 * shuffle's random state is the seed plus the number of epochs done (the model's epoch count): a
 * resumed run draws that many orders before it continues, so epoch k+1 sees the batches it would
 * have seen without the interruption.
 *
 * <p>Stored as a map of strings (a JDK class), so reading a saved file never loads a class of ours.
 *
 * @param model      the network
 * @param updater    the updater
 * @param batch      examples per batch
 * @param seed       weight initialisation and shuffle seed
 * @param data       the {@code --data} value
 * @param trainLimit the {@code --train-limit}, {@link Integer#MAX_VALUE} for all
 * @param testLimit  the {@code --test-limit}, {@link Integer#MAX_VALUE} for all
 * @param epochs     the run's total epochs
 */
public record SavedRun(ModelKind model, UpdaterKind updater, int batch, long seed, String data, int trainLimit,
                       int testLimit, int epochs) {

    /** The entry name in the model zip (under {@code objects/}). */
    public static final String KEY = "dl4j-schedules-train-run";

    /** The same run with another total of epochs. */
    public SavedRun withEpochs(int total) {
        return new SavedRun(model, updater, batch, seed, data, trainLimit, testLimit, total);
    }

    /** Adds this run's settings to a model file just written by {@link ModelSerializer#writeModel}. */
    public void addTo(File modelFile) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("model", model.name());
        values.put("updater", updater.name());
        values.put("batch", Integer.toString(batch));
        values.put("seed", Long.toString(seed));
        values.put("data", data);
        values.put("train-limit", Integer.toString(trainLimit));
        values.put("test-limit", Integer.toString(testLimit));
        values.put("epochs", Integer.toString(epochs));
        ModelSerializer.addObjectToFile(modelFile, KEY, new LinkedHashMap<>(values));
    }

    /**
     * The run settings saved in a model file, if any.
     *
     * @throws IllegalArgumentException if the entry is there but not readable, naming the bad field
     */
    public static Optional<SavedRun> read(File modelFile) {
        if (!ModelSerializer.listObjectsInFile(modelFile).contains(KEY)) {
            return Optional.empty();
        }
        Object value = ModelSerializer.getObjectFromFile(modelFile, KEY);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("entry " + KEY + " is not a map of settings");
        }
        return Optional.of(new SavedRun(
                ModelKind.valueOf(text(map, "model")), UpdaterKind.valueOf(text(map, "updater")),
                integer(map, "batch"), Long.parseLong(text(map, "seed")), text(map, "data"),
                integer(map, "train-limit"), integer(map, "test-limit"), integer(map, "epochs")));
    }

    private static String text(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof String value)) {
            throw new IllegalArgumentException("entry " + KEY + " has no setting '" + key + "'");
        }
        return value;
    }

    private static int integer(Map<?, ?> map, String key) {
        try {
            return Integer.parseInt(text(map, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("entry " + KEY + ": setting '" + key + "' is not an integer");
        }
    }

    /** One line for the run's header: {@code model mlp, updater adam, batch 64, seed 42}. */
    public String describe() {
        return String.format(Locale.ROOT, "model %s, updater %s, batch %d, seed %d",
                model.name().toLowerCase(Locale.ROOT), updater.name().toLowerCase(Locale.ROOT), batch, seed);
    }
}
