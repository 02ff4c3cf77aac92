package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.training.ControllerState;
import io.github.dl4jschedules.training.PlateauState;
import io.github.dl4jschedules.training.TrainingStateStore;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A {@code --save} file read completely before a resumed run starts, so that a damaged file stops
 * the run with one error naming the file and the problem instead of failing part-way.
 *
 * @param file         the model zip
 * @param run          the saved run settings, or {@code null} for a file saved without them
 * @param controller   the rate controller's state, or {@code null}
 * @param plateau      reduce-on-plateau's state, or {@code null}
 * @param updaterState whether the file holds the updater's state (Adam's moments)
 * @param epochsDone   the epochs the saved network has trained
 * @param schedule     the configured schedule of the first layer (before any rate adjustment)
 */
record ResumeFile(Path file, SavedRun run, ControllerState controller, PlateauState plateau, boolean updaterState,
                  int epochsDone, String schedule) {

    /**
     * Reads and checks a saved file.
     *
     * @throws IllegalArgumentException "cannot resume from FILE: ..." for any damage
     */
    static ResumeFile read(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry configuration = zip.getEntry(ModelSerializer.CONFIGURATION_JSON);
            if (configuration == null || zip.getEntry(ModelSerializer.COEFFICIENTS_BIN) == null) {
                throw new IllegalArgumentException("not a model saved by --save (no "
                        + ModelSerializer.CONFIGURATION_JSON + " or " + ModelSerializer.COEFFICIENTS_BIN + ")");
            }
            MultiLayerConfiguration network;
            try (InputStream in = zip.getInputStream(configuration)) {
                network = MultiLayerConfiguration.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            boolean updaterState = zip.getEntry(ModelSerializer.UPDATER_BIN) != null;
            ControllerState controller = TrainingStateStore.controller(file.toFile()).orElse(null);
            PlateauState plateau = TrainingStateStore.plateau(file.toFile()).orElse(null);
            SavedRun run = SavedRun.read(file.toFile()).orElse(null);
            String schedule = controller != null
                    ? controller.baseSpecs().values().iterator().next()
                    : String.valueOf(((BaseLayer) network.getConf(0).getLayer()).getIUpdater());
            return new ResumeFile(file, run, controller, plateau, updaterState, network.getEpochCount(), schedule);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot resume from " + file + ": " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
