package io.github.dl4jschedules.examples.speed;

import io.github.dl4jschedules.examples.cli.SeedOption;
import io.github.dl4jschedules.examples.cli.ModelOption;
import io.github.dl4jschedules.examples.cli.BatchOption;
import io.github.dl4jschedules.examples.cli.TrainLimitOption;
import io.github.dl4jschedules.examples.cli.EpochsOption;
import io.github.dl4jschedules.examples.cli.HelpTexts;
import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.data.MnistData;
import io.github.dl4jschedules.examples.run.EnumConverters;
import io.github.dl4jschedules.examples.run.FastPath;
import io.github.dl4jschedules.examples.run.TrainingData;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code speed breakdown} (hidden): where the fast path's epoch goes, measured from outside DL4J.
 * <ol>
 *   <li>Per phase, in real {@code fit} epochs (the settings of {@code speed bare-fit}): a
 *       {@link PhaseTimer} listener splits each epoch into data + forward, output + backward, and
 *       updater, from the listener calls DL4J makes in every iteration.</li>
 *   <li>Per layer, after training: one more pass over the training batches, calling each layer's
 *       {@code activate} and then each layer's {@code backpropGradient} by hand (with the input
 *       preprocessors between them, no workspaces, no parameter update), timing every call.</li>
 * </ol>
 * The two are separate measurements of the same work; the per-layer pass has no updater and no
 * listener, and runs without DL4J's workspaces, so its sums differ somewhat from the phases'.
 */
@Command(name = "breakdown", resourceBundle = "io.github.dl4jschedules.examples.speed.BreakdownCommand$Texts",
        defaultValueProvider = SpeedCommand.Defaults.class,
        hidden = true, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Per-phase and per-layer times of the fast path's fit epoch (for docs/speed.md).")
public final class BreakdownCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Mixin
    EpochsOption epochs;

    @Mixin
    BatchOption batch;

    @Mixin
    SeedOption seed;

    @Mixin
    TrainLimitOption trainLimit;

    @Override
    public Integer call() {
        epochs.validate(spec);
        batch.validate(spec);
        trainLimit.validate(spec);
        FastPath.selectNativeBuild();
        PrintWriter console = spec.commandLine().getOut();
        TrainingData data = TrainingData.load(TrainingData.BUNDLED, batch.value(), seed.value(),
                trainLimit.value(), 1);
        MultiLayerNetwork network = new MultiLayerNetwork(model.kind().configuration(
                BareFitCommand.UPDATER.withRate(Schedules.parse(BareFitCommand.SCHEDULE)), seed.value(), data.height(), data.width(),
                MnistData.NUM_CLASSES));
        network.init();
        FastPath.singleThreaded();
        int helpers = FastPath.attachHelpers(network);
        PhaseTimer timer = new PhaseTimer();
        network.setListeners(timer);
        console.printf(Locale.ROOT, "breakdown: model %s, adam %s, batch %d, %,d train, native build %s, oneDNN helpers on %d layers%n",
                EnumConverters.name(model.kind()), BareFitCommand.SCHEDULE, batch.value(), data.trainSize(),
                System.getProperty(FastPath.PLATFORM_EXTENSION_PROPERTY, "stock"), helpers);

        double seconds = 0;
        for (int epoch = 1; epoch <= epochs.value(); epoch++) {
            timer.reset();
            data.train().reset();
            long start = System.nanoTime();
            network.fit(data.train());
            seconds = (System.nanoTime() - start) / 1e9;
            console.printf(Locale.ROOT, "epoch %d/%d  %.2f s%n", epoch, epochs.value(), seconds);
            console.flush();
        }
        console.printf(Locale.ROOT, "%nper phase, epoch %d (%d iterations, %.2f s):%n", epochs.value(), timer.iterations(), seconds);
        for (PhaseTimer.Phase phase : PhaseTimer.Phase.values()) {
            double s = timer.nanos(phase) / 1e9;
            console.printf(Locale.ROOT, "  %-52s %7.3f s  %5.1f%%%n", phase.description(), s, 100 * s / seconds);
        }

        network.setListeners();
        int layers = network.getnLayers();
        long[] forward = new long[layers];
        long[] backward = new long[layers];
        int batches = layerPass(network, data.train(), forward, backward);
        long total = 0;
        for (int i = 0; i < layers; i++) {
            total += forward[i] + backward[i];
        }
        console.printf(Locale.ROOT, "%nper layer, one pass over the %d training batches by hand (activate, then backpropGradient; "
                + "no updater, no workspaces), %.2f s in all:%n", batches, total / 1e9);
        console.printf(Locale.ROOT, "  %-5s %-28s %10s %10s %7s%n", "layer", "type", "forward s", "backward s", "share");
        for (int i = 0; i < layers; i++) {
            console.printf(Locale.ROOT, "  %-5d %-28s %10.3f %10.3f %6.1f%%%n", i, network.getLayer(i).getClass().getSimpleName(),
                    forward[i] / 1e9, backward[i] / 1e9, 100.0 * (forward[i] + backward[i]) / total);
        }
        console.flush();
        return 0;
    }

    /** Times each layer's forward and backward call over one epoch of batches; returns the number of batches. */
    private static int layerPass(MultiLayerNetwork network, DataSetIterator iterator, long[] forward, long[] backward) {
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        int layers = network.getnLayers();
        int batches = 0;
        iterator.reset();
        while (iterator.hasNext()) {
            DataSet examples = iterator.next();
            int size = examples.numExamples();
            INDArray activations = examples.getFeatures();
            for (int i = 0; i < layers; i++) {
                long start = System.nanoTime();
                InputPreProcessor preProcessor = network.getLayerWiseConfigurations().getInputPreProcess(i);
                if (preProcessor != null) {
                    activations = preProcessor.preProcess(activations, size, noWorkspaces);
                }
                Layer layer = network.getLayer(i);
                layer.setInputMiniBatchSize(size);
                activations = layer.activate(activations, true, noWorkspaces);
                forward[i] += System.nanoTime() - start;
            }
            ((IOutputLayer) network.getLayer(layers - 1)).setLabels(examples.getLabels());
            INDArray epsilon = null;
            for (int i = layers - 1; i >= 0; i--) {
                long start = System.nanoTime();
                Pair<Gradient, INDArray> pair = network.getLayer(i).backpropGradient(epsilon, noWorkspaces);
                epsilon = pair.getSecond();
                InputPreProcessor preProcessor = network.getLayerWiseConfigurations().getInputPreProcess(i);
                if (preProcessor != null && epsilon != null) {
                    epsilon = preProcessor.backprop(epsilon, size, noWorkspaces);
                }
                backward[i] += System.nanoTime() - start;
            }
            batches++;
        }
        return batches;
    }

    /** This command's text of {@code --epochs}. */
    public static final class Texts extends HelpTexts {
        /** The text of {@code --epochs}. */
        public Texts() {
            super(Map.of("epochs", "fit epochs (default: ${DEFAULT-VALUE}); the phases are of the last one, epoch 1 being warm-up."));
        }
    }
}
