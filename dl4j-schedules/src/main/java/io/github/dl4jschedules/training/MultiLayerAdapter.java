package io.github.dl4jschedules.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link MultiLayerNetwork}: units are its trainable layers, named by index. */
final class MultiLayerAdapter extends ModelAdapter {

    private final MultiLayerNetwork network;

    MultiLayerAdapter(MultiLayerNetwork network) {
        this.network = network;
    }

    @Override
    public Object model() {
        return network;
    }

    @Override
    public int iteration() {
        return network.getIterationCount();
    }

    @Override
    public int epoch() {
        return network.getEpochCount();
    }

    @Override
    public void setCounters(int iteration, int epoch) {
        network.setIterationCount(iteration);
        network.setEpochCount(epoch);
        setLayerCounters(network.getLayers(), iteration, epoch);
    }

    @Override
    public Map<String, IUpdater> updaters() {
        Map<String, Layer> layers = new LinkedHashMap<>();
        Layer[] all = network.getLayers();
        for (int i = 0; i < all.length; i++) {
            layers.put(Integer.toString(i), all[i]);
        }
        return trainable(layers);
    }

    @Override
    public void setSchedule(String unit, ISchedule schedule) {
        if (!updaters().containsKey(unit)) {
            throw new IllegalArgumentException("no trainable layer '" + unit + "'; layers: " + updaters().keySet());
        }
        network.setLearningRate(Integer.parseInt(unit), schedule);
    }

    @Override
    public double loss(DataSet batch) {
        return network.score(batch);
    }

    @Override
    public Evaluation evaluate(DataSetIterator data) {
        return network.evaluate(data);
    }

    @Override
    void listen(TrainingListener listener, TrainingHooks hooks) {
        network.addListeners(listener);
    }

    /** Layer id to updater, for the layers with parameters whose updater has a learning rate. */
    static Map<String, IUpdater> trainable(Map<String, Layer> layers) {
        Map<String, IUpdater> updaters = new LinkedHashMap<>();
        layers.forEach((id, layer) -> {
            if (layer.numParams() > 0 && layer.conf().getLayer() instanceof BaseLayer base
                    && base.getIUpdater() != null && base.getIUpdater().hasLearningRate()) {
                updaters.put(id, base.getIUpdater());
            }
        });
        return updaters;
    }

    /** DL4J copies the counters into each layer, where dropout reads them. */
    static void setLayerCounters(Layer[] layers, int iteration, int epoch) {
        for (Layer layer : layers) {
            layer.setIterationCount(iteration);
            layer.setEpochCount(epoch);
        }
    }
}
