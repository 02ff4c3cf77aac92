package io.github.dl4jschedules.examples.run;

import io.github.dl4jschedules.examples.data.MnistData;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.training.ModelAdapter;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One training: a model with an updater driven by a schedule, fit epoch by epoch ({@link EpochLoop}) on
 * {@link TrainingData}, evaluated after every epoch. The training program, the speed comparison and
 * the benchmark all run this class.
 */
public final class TrainingRun {

    /**
     * What to train.
     *
     * @param model    the network
     * @param updater  the updater the schedule drives
     * @param schedule the learning-rate schedule
     * @param epochs   the run's total passes over the training data, {@code >= 1}; a resumed run trains
     *                 the epochs from its network's epoch count + 1 to this
     * @param seed     weight initialisation and shuffling seed
     * @param fastPath whether to attach the oneDNN helpers and run single-threaded ({@link FastPath})
     * @param resume   a model file saved by an earlier run to continue from, or {@code null}; its
     *                 configuration (model, updater, schedule) replaces the three above
     */
    public record Settings(ModelKind model, UpdaterKind updater, CounterSchedule schedule, int epochs, long seed,
                           boolean fastPath, Path resume) {
        public Settings {
            if (epochs < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
            }
        }

        /** A new training, not a resumed one. */
        public Settings(ModelKind model, UpdaterKind updater, CounterSchedule schedule, int epochs, long seed,
                        boolean fastPath) {
            this(model, updater, schedule, epochs, seed, fastPath, null);
        }
    }

    /** Hears about a run's progress; every method has a no-op default. */
    public interface Observer {
        default void started(MultiLayerNetwork network, int attachedHelpers) {
        }

        default void epochStarted(int epoch, int batches) {
        }

        default void iterationDone(int iteration, double loss, double rate) {
        }

        default void epochDone(EpochResult result) {
        }

        /** One observer that tells each of {@code observers}, in order. */
        static Observer all(Observer... observers) {
            return new Observer() {
                @Override
                public void started(MultiLayerNetwork network, int attachedHelpers) {
                    for (Observer o : observers) {
                        o.started(network, attachedHelpers);
                    }
                }

                @Override
                public void epochStarted(int epoch, int batches) {
                    for (Observer o : observers) {
                        o.epochStarted(epoch, batches);
                    }
                }

                @Override
                public void iterationDone(int iteration, double loss, double rate) {
                    for (Observer o : observers) {
                        o.iterationDone(iteration, loss, rate);
                    }
                }

                @Override
                public void epochDone(EpochResult result) {
                    for (Observer o : observers) {
                        o.epochDone(result);
                    }
                }
            };
        }
    }

    private final Settings settings;

    public TrainingRun(Settings settings) {
        this.settings = settings;
    }

    /** Trains and returns one result per epoch. */
    public List<EpochResult> run(TrainingData data, Observer observer) {
        MultiLayerNetwork network = network(data);
        int helpers = 0;
        if (settings.fastPath()) {
            FastPath.singleThreaded();
            helpers = FastPath.attachHelpers(network);
        }
        EpochStatistics statistics = new EpochStatistics(observer);
        network.setListeners(new StatisticsListener(statistics));
        observer.started(network, helpers);

        int batches = (int) Math.ceil(data.trainSize() / (double) data.train().batch());
        int done = network.getEpochCount();
        if (done >= settings.epochs()) {
            throw new IllegalArgumentException("the resumed network has trained " + done + " epochs, the run's total is "
                    + settings.epochs() + ": nothing to do");
        }
        for (int i = 0; i < done; i++) {
            data.train().reset(); // draws the shuffle orders of the epochs done, so the next one is the original's
        }
        ModelAdapter model = ModelAdapter.of(network);
        return EpochLoop.run(done + 1, settings.epochs(), batches, new EpochLoop.Epoch() {
            @Override
            public void prepare() {
                statistics.reset();
                data.train().reset();
            }

            @Override
            public void fit() {
                network.fit(data.train());
            }

            @Override
            public EpochResult result(int epoch, double seconds) {
                // NaN accuracy without test data: the range test reads only the training loss
                return new EpochResult(epoch, statistics.meanLoss(), EpochLoop.testAccuracy(model, data),
                        statistics.lastRate(), seconds);
            }
        }, observer);
    }

    private MultiLayerNetwork network(TrainingData data) {
        if (settings.resume() != null) {
            try {
                return ModelSerializer.restoreMultiLayerNetwork(settings.resume().toFile(), true);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("cannot resume from " + settings.resume() + ": " + e.getMessage(), e);
            }
        }
        MultiLayerNetwork network = new MultiLayerNetwork(settings.model().configuration(
                settings.updater().withRate(settings.schedule()), settings.seed(),
                data.height(), data.width(), MnistData.NUM_CLASSES));
        network.init();
        return network;
    }

    /** Reports every update of a DL4J network to the epoch's statistics. */
    private static final class StatisticsListener extends BaseTrainingListener {
        private final EpochStatistics statistics;

        StatisticsListener(EpochStatistics statistics) {
            this.statistics = statistics;
        }

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            statistics.record(iteration, model.score(), ModelAdapter.of(model).appliedRate(iteration, epoch));
        }
    }
}
