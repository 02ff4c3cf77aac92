package io.github.dl4jschedules.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link ComputationGraph}: units are its trainable layers, named by layer name. The counters are
 * read and written on the graph's configuration, where its updaters read them.
 */
final class GraphAdapter extends ModelAdapter {

    private final ComputationGraph graph;

    GraphAdapter(ComputationGraph graph) {
        this.graph = graph;
    }

    @Override
    public Object model() {
        return graph;
    }

    @Override
    public int iteration() {
        return graph.getConfiguration().getIterationCount();
    }

    @Override
    public int epoch() {
        return graph.getConfiguration().getEpochCount();
    }

    @Override
    public void setCounters(int iteration, int epoch) {
        graph.getConfiguration().setIterationCount(iteration);
        graph.getConfiguration().setEpochCount(epoch);
        MultiLayerAdapter.setLayerCounters(graph.getLayers(), iteration, epoch);
    }

    @Override
    public Map<String, IUpdater> updaters() {
        Map<String, Layer> layers = new LinkedHashMap<>();
        for (Layer layer : graph.getLayers()) {
            layers.put(layer.conf().getLayer().getLayerName(), layer);
        }
        return MultiLayerAdapter.trainable(layers);
    }

    @Override
    public void setSchedule(String unit, ISchedule schedule) {
        if (!updaters().containsKey(unit)) {
            throw new IllegalArgumentException("no trainable layer '" + unit + "'; layers: " + updaters().keySet());
        }
        graph.setLearningRate(unit, schedule);
    }

    @Override
    public double loss(DataSet batch) {
        return graph.score(batch);
    }

    @Override
    public Evaluation evaluate(DataSetIterator data) {
        return graph.evaluate(data);
    }

    @Override
    void listen(TrainingListener listener, TrainingHooks hooks) {
        graph.addListeners(listener);
    }
}
