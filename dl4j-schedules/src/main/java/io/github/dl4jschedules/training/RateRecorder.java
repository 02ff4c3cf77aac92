package io.github.dl4jschedules.training;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.learning.config.IUpdater;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Records, for every iteration, the rate each layer's updater applied next to the mini-batch loss,
 * as CSV: {@code iteration,epoch,loss,rate} when all layers share one rate, or
 * {@code iteration,epoch,loss,rate_<layer>,...} when the layers' updaters are configured differently.
 * The rate is read from the layers' updater configurations, which is what DL4J applies, so it
 * includes every controller adjustment.
 * Rows are written as they come and flushed once per epoch.
 *
 * <p>A DL4J network takes it as a listener ({@code network.addListeners(recorder)}); a SameDiff model
 * through {@link SameDiffListener#of(RateRecorder)}, which records SameDiff's mini-batch loss.
 */
public final class RateRecorder extends BaseTrainingListener implements AutoCloseable {

    private final Writer out;
    private List<String> layers;
    private boolean perLayer;

    /** @param out where the CSV goes; {@link #close()} closes it */
    public RateRecorder(Writer out) {
        this.out = out;
    }

    private final TrainingHooks hooks = new TrainingHooks() {
        @Override
        public void beforeUpdate(ModelAdapter model) {
        }

        @Override
        public void iterationDone(ModelAdapter model, int iteration, int epoch, double loss) {
            record(model, iteration, epoch, loss);
        }

        @Override
        public void epochStart(ModelAdapter model) {
        }

        @Override
        public void epochEnd(ModelAdapter model) {
            flush();
        }
    };

    /**
     * Reads the rates the update just used: the layers' configurations do not change between the
     * update and this call ({@link RateController} applies changes before updates).
     */
    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        hooks.iterationDone(ModelAdapter.of(model), iteration, epoch, model.score());
    }

    TrainingHooks hooks() {
        return hooks;
    }

    private void record(ModelAdapter model, int iteration, int epoch, double loss) {
        Map<String, IUpdater> updaters = model.updaters();
        if (layers == null) {
            layers = List.copyOf(updaters.keySet());
            perLayer = updaters.values().stream().distinct().count() > 1;
            write(header());
        }
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%d,%d,%s", iteration, epoch, loss));
        if (perLayer) {
            updaters.values().forEach(updater -> row.append(',').append(updater.getLearningRate(iteration, epoch)));
        } else {
            row.append(',').append(updaters.values().iterator().next().getLearningRate(iteration, epoch));
        }
        write(row.toString());
    }

    @Override
    public void onEpochEnd(Model model) {
        flush();
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("rate recorder: cannot write", e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private String header() {
        if (!perLayer) {
            return "iteration,epoch,loss,rate";
        }
        StringBuilder header = new StringBuilder("iteration,epoch,loss");
        layers.forEach(layer -> header.append(",rate_").append(layer));
        return header.toString();
    }

    private void write(String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("rate recorder: cannot write", e);
        }
    }
}
