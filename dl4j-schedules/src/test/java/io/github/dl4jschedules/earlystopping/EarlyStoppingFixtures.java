package io.github.dl4jschedules.earlystopping;

import io.github.dl4jschedules.dl4j.TinyNetworks;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingModelSaver;
import org.deeplearning4j.earlystopping.saver.InMemoryModelSaver;
import org.deeplearning4j.earlystopping.saver.LocalFileGraphSaver;
import org.deeplearning4j.earlystopping.saver.LocalFileModelSaver;
import org.deeplearning4j.earlystopping.scorecalc.DataSetLossCalculator;
import org.deeplearning4j.earlystopping.scorecalc.ScoreCalculator;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingGraphTrainer;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.earlystopping.trainer.IEarlyStoppingTrainer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.IUpdater;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The two network kinds behind one face, so each early-stopping test runs on both: build, train with
 * DL4J's or this library's early stopping, plain {@code fit}, save and restore.
 */
enum EarlyStoppingFixtures {
    MULTI_LAYER {
        @Override
        Model network(IUpdater updater) {
            return TinyNetworks.network(TinyNetworks.mlp(updater));
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        IEarlyStoppingTrainer<?> trainer(boolean scheduled, Model model, DataSetIterator train,
                                         EarlyStoppingConfiguration<?> config) {
            MultiLayerNetwork network = (MultiLayerNetwork) model;
            EarlyStoppingConfiguration<MultiLayerNetwork> typed = (EarlyStoppingConfiguration) config;
            return scheduled ? new ScheduledEarlyStoppingTrainer(typed, network, train)
                    : new EarlyStoppingTrainer(typed, network, train);
        }

        @Override
        EarlyStoppingModelSaver<?> fileSaver(Path directory) {
            return new LocalFileModelSaver(directory.toFile());
        }

        @Override
        Model restore(File file) throws IOException {
            return ModelSerializer.restoreMultiLayerNetwork(file, true);
        }

        @Override
        void fit(Model model, DataSetIterator data) {
            ((MultiLayerNetwork) model).fit(data);
        }

        @Override
        int iteration(Model model) {
            return ((MultiLayerNetwork) model).getIterationCount();
        }

        @Override
        int epoch(Model model) {
            return ((MultiLayerNetwork) model).getEpochCount();
        }

        @Override
        double[] updaterState(Model model) {
            return ((MultiLayerNetwork) model).getUpdater().getStateViewArray().data().asDouble();
        }
    },
    GRAPH {
        @Override
        Model network(IUpdater updater) {
            ComputationGraph graph = new ComputationGraph(TinyNetworks.graph(updater));
            graph.init();
            return graph;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        IEarlyStoppingTrainer<?> trainer(boolean scheduled, Model model, DataSetIterator train,
                                         EarlyStoppingConfiguration<?> config) {
            ComputationGraph graph = (ComputationGraph) model;
            EarlyStoppingConfiguration<ComputationGraph> typed = (EarlyStoppingConfiguration) config;
            return scheduled ? new ScheduledEarlyStoppingGraphTrainer(typed, graph, train)
                    : new EarlyStoppingGraphTrainer(typed, graph, train);
        }

        @Override
        EarlyStoppingModelSaver<?> fileSaver(Path directory) {
            return new LocalFileGraphSaver(directory.toString());
        }

        @Override
        Model restore(File file) throws IOException {
            return ModelSerializer.restoreComputationGraph(file, true);
        }

        @Override
        void fit(Model model, DataSetIterator data) {
            ((ComputationGraph) model).fit(data);
        }

        @Override
        int iteration(Model model) {
            return ((ComputationGraph) model).getIterationCount();
        }

        @Override
        int epoch(Model model) {
            return ((ComputationGraph) model).getEpochCount();
        }

        @Override
        double[] updaterState(Model model) {
            return ((ComputationGraph) model).getUpdater().getStateViewArray().data().asDouble();
        }
    };

    static final int BATCHES_PER_EPOCH = 3;
    static final int BATCH = 5;

    static List<DataSet> data() {
        return TinyNetworks.batches(BATCHES_PER_EPOCH, BATCH);
    }

    abstract Model network(IUpdater updater);

    /** DL4J's trainer ({@code scheduled == false}) or this library's. */
    abstract IEarlyStoppingTrainer<?> trainer(boolean scheduled, Model model, DataSetIterator train,
                                              EarlyStoppingConfiguration<?> config);

    /** DL4J's local-file saver for this kind. */
    abstract EarlyStoppingModelSaver<?> fileSaver(Path directory);

    abstract Model restore(File file) throws IOException;

    abstract void fit(Model model, DataSetIterator data);

    abstract int iteration(Model model);

    abstract int epoch(Model model);

    abstract double[] updaterState(Model model);

    /** Writes the model with its updater state and reads it back. */
    Model saveAndRestore(Model model, Path directory) {
        File file = directory.resolve(name() + ".zip").toFile();
        try {
            ModelSerializer.writeModel(model, file, true);
            return restore(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops after {@code epochs} epochs of the call, scoring the training loss, keeping the best model in memory. */
    static <T extends Model> EarlyStoppingConfiguration<T> forEpochs(int epochs, List<DataSet> data) {
        return forEpochs(epochs, new DataSetLossCalculator(TinyNetworks.iterator(data), true), new InMemoryModelSaver<>());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T extends Model> EarlyStoppingConfiguration<T> forEpochs(int epochs, ScoreCalculator<?> score,
                                                                   EarlyStoppingModelSaver<?> saver) {
        return new EarlyStoppingConfiguration.Builder<T>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(epochs))
                .scoreCalculator((ScoreCalculator) score)
                .modelSaver((EarlyStoppingModelSaver<T>) saver)
                .build();
    }
}
