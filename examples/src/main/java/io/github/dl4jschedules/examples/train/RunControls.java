package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.report.AtomicFiles;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.TrainingRun;
import io.github.dl4jschedules.training.ConsoleControl;
import io.github.dl4jschedules.training.ControlFile;
import io.github.dl4jschedules.training.JmxControl;
import io.github.dl4jschedules.training.PlateauMetric;
import io.github.dl4jschedules.training.PlateauRule;
import io.github.dl4jschedules.training.PlateauState;
import io.github.dl4jschedules.training.RateController;
import io.github.dl4jschedules.training.RateRecorder;
import io.github.dl4jschedules.training.ReduceOnPlateau;
import io.github.dl4jschedules.training.TrainingStateStore;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.ui.VertxUIServer;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything the training program runs beside the fit loop (issue "manual decay and plateau decay"):
 * the rate controller with its channels (control file, console, JMX), reduce-on-plateau, the
 * per-iteration rate recorder, DL4J's training UI, and saving the model with the controller's and
 * the plateau's state after every epoch.
 */
final class RunControls implements TrainingRun.Observer, AutoCloseable {

    /** What to run; {@code null} fields are off; {@code run} is saved with the model for an exact resume. */
    record Options(Path controlFile, boolean console, InputStream consoleInput, String jmxName, PlateauRule plateau,
                   boolean plateauOnAccuracy, Path record, Integer uiPort, Path save, Path resume, SavedRun run) {
    }

    private final Options options;
    private final DataSetIterator validation;
    private final PrintWriter out;
    private MultiLayerNetwork network;
    private RateController controller;
    private ReduceOnPlateau plateau;
    private JmxControl jmx;
    private RateRecorder recorder;

    RunControls(Options options, DataSetIterator validation, PrintWriter out) {
        this.options = options;
        this.validation = validation;
        this.out = out;
    }

    @Override
    public void started(MultiLayerNetwork network, int attachedHelpers) {
        this.network = network;
        if (options.save() != null) {
            removeStaleTemporary(options.save());
        }
        File resume = options.resume() == null ? null : options.resume().toFile();
        controller = resume == null
                ? RateController.attach(network)
                : TrainingStateStore.controller(resume).map(state -> RateController.attach(network, state))
                        .orElseGet(() -> RateController.attach(network));
        controller.onChange(change -> out.println("rate change: " + change));
        controller.onWarning(message -> out.println("warning: " + message));
        if (options.controlFile() != null) {
            controller.addSource(new ControlFile(options.controlFile()));
            out.println("control file: " + options.controlFile() + " (write 'factor F', 'set R', 'fixed R', 'schedule' or 'cooldown N')");
        }
        if (options.console()) {
            ConsoleControl.start(options.consoleInput(), controller);
            out.println("console: type 'factor F', 'set R', 'fixed R', 'schedule' or 'cooldown N' and Enter to change the rate");
        }
        if (options.jmxName() != null) {
            jmx = JmxControl.register(controller, options.jmxName());
            out.println("JMX: " + jmx.name() + " (jconsole, MBeans tab)");
        }
        if (options.plateau() != null) {
            PlateauMetric metric = options.plateauOnAccuracy()
                    ? PlateauMetric.accuracy(validation)
                    : PlateauMetric.validationLoss(validation);
            PlateauState state = resume == null ? null : TrainingStateStore.plateau(resume).orElse(null);
            plateau = state == null
                    ? new ReduceOnPlateau(controller, metric, options.plateau())
                    : new ReduceOnPlateau(controller, metric, options.plateau(), state);
            network.addListeners(plateau);
            out.println("reduce on plateau of test " + (options.plateauOnAccuracy() ? "accuracy" : "loss") + ": "
                    + options.plateau());
        }
        if (options.record() != null) {
            try {
                recorder = new RateRecorder(Files.newBufferedWriter(options.record(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write --record file " + options.record(), e);
            }
            network.addListeners(recorder);
        }
        if (options.uiPort() != null) {
            StatsStorage storage = new InMemoryStatsStorage();
            VertxUIServer ui = VertxUIServer.getInstance(options.uiPort(), false, null);
            ui.attach(storage);
            network.addListeners(new StatsListener(storage));
            out.println("training UI: http://localhost:" + ui.getPort() + "/train/overview");
        }
    }

    @Override
    public void epochDone(EpochResult result) {
        if (options.save() != null) {
            save(options.save());
        }
    }

    /**
     * Writes the model with the controller's and plateau's state, replacing {@code file} atomically:
     * it is written to {@code FILE.tmp} beside it, then moved over it. A save killed half-way leaves
     * at most that one {@code FILE.tmp}, which the next save overwrites and a later run removes
     * before it trains ({@link #removeStaleTemporary}); {@code file} itself is always a complete save.
     */
    private void save(Path file) {
        try {
            AtomicFiles.replace(file, temporary(file), temporary -> {
                ModelSerializer.writeModel(network, temporary.toFile(), true);
                TrainingStateStore.save(temporary.toFile(), controller, plateau);
                if (options.run() != null) {
                    options.run().addTo(temporary.toFile());
                }
            });
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("cannot save the model to " + file + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** {@code FILE.tmp}, beside {@code FILE}. */
    static Path temporary(Path file) {
        Path absolute = file.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".tmp");
    }

    /** Removes the {@code FILE.tmp} a killed save of an earlier run left. */
    static void removeStaleTemporary(Path file) {
        try {
            Files.deleteIfExists(temporary(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + temporary(file) + " left by an interrupted save: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (jmx != null) {
            jmx.close();
        }
        if (recorder != null) {
            recorder.close();
        }
        if (options.uiPort() != null) {
            try {
                VertxUIServer.stopInstance();
            } catch (Exception e) {
                out.println("warning: the training UI did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
