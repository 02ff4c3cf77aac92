package io.github.dl4jschedules.examples.spark;

import io.github.dl4jschedules.examples.run.EpochLoop;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.TrainingRun;
import io.github.dl4jschedules.examples.parallel.TrainingOptions;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import io.github.dl4jschedules.parallel.WorkerSteps;
import io.github.dl4jschedules.training.ModelAdapter;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.parameterserver.distributed.conf.VoidConfiguration;
import org.nd4j.parameterserver.distributed.v2.ModelParameterServer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * One training on Spark with one of DL4J's training masters: {@code SparkDl4jMultiLayer} with a
 * {@link ParameterAveragingTrainingMaster} ({@link Approach#AVERAGING}) or a {@link SharedTrainingMaster}
 * ({@link Approach#SHARED}, gradient sharing over Aeron UDP), in a Spark context of its own that is
 * stopped when the run ends, whatever happens. Spark serialises with Kryo and DL4J's registrator for
 * INDArrays, as DL4J recommends; the library's schedules need no registration.
 *
 * <p>DL4J's counters on Spark (1.0.0-M2, read from its sources and measured by the tests). Parameter
 * averaging cuts the data into splits of {@code workers * averaging} mini-batches; each worker trains
 * {@code averaging} of them on a copy of the network, starting from the driver's counters, and then the
 * copies are averaged and the driver's iteration counter advances by {@code averaging}: one iteration
 * is one step of all workers at once (N mini-batches); the epoch advances once per {@code fit}, one
 * pass. Gradient sharing keeps one network per executor JVM, created by the first task it runs, and
 * trains every later task's partition on it with {@code fit(iterator)}: its epoch counter advances once
 * per partition, not per pass, and its iteration counter counts that JVM's mini-batches from the
 * largest iteration its peers reported ({@code SparkSharedTrainingTest}; on a standalone cluster both
 * stayed 0, README); no factor makes either exact.
 *
 * <p>So that an iteration schedule means what it means on one machine (one iteration = one mini-batch
 * of one worker), this is the one place where the schedules meet the training master: every layer's
 * learning-rate schedule is run as {@link WorkerSteps} with {@code workers} mini-batches per iteration,
 * {@code of(N * i, e)}. Epoch schedules are unchanged by it. Other schedules (momentum, dropout) keep
 * DL4J's Spark counting.
 */
public final class SparkTraining {

    /** DL4J's Kryo registrator for INDArrays ({@code nd4j-kryo}). */
    public static final String KRYO_REGISTRATOR = "org.nd4j.kryo.Nd4jRegistrator";

    /** DL4J's two training masters. */
    public enum Approach {
        /** {@link ParameterAveragingTrainingMaster}: synchronous, parameters averaged every {@code averaging} mini-batches. */
        AVERAGING,
        /** {@link SharedTrainingMaster}: asynchronous, threshold-encoded gradients shared between executors over Aeron UDP. */
        SHARED
    }

    /**
     * @param master    Spark master URL: {@code local[*]}, {@code local[2]}, {@code spark://host:7077}, ...
     * @param approach  the training master
     * @param workers   data-parallel workers (the training master's {@code numWorkers})
     * @param batch     mini-batch size of each worker; the RDD holds mini-batches of this size
     * @param averaging mini-batches each worker trains between two averagings (parameter averaging only)
     * @param epochs    passes over the data
     */
    public record Settings(String master, Approach approach, int workers, int batch, int averaging, int epochs) {
        /** Checks every value. */
        public Settings {
            if (master == null || master.isBlank()) {
                throw new IllegalArgumentException("master must be a Spark master URL, got '" + master + "'");
            }
            if (approach == null) {
                throw new IllegalArgumentException("approach must be given, got null");
            }
            require("workers", workers);
            require("batch", batch);
            require("averaging", averaging);
            require("epochs", epochs);
        }

        /** Parameter averaging. */
        public Settings(String master, int workers, int batch, int averaging, int epochs) {
            this(master, Approach.AVERAGING, workers, batch, averaging, epochs);
        }

        private static void require(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be >= 1, got " + name + "=" + value);
            }
        }

        /**
         * The driver's iterations per epoch of {@code batches} mini-batches with parameter averaging:
         * {@code averaging} per split of {@code workers * averaging} mini-batches (DL4J rounds the number
         * of splits down and deals the rest into them). Gradient sharing: 0, since its training master
         * never advances the driver's iteration itself.
         */
        public int iterationsPerEpoch(int batches) {
            if (approach == Approach.SHARED) {
                return 0;
            }
            return Math.max(1, batches / (workers * averaging)) * averaging;
        }
    }

    private final Settings settings;

    /** A training with these settings. */
    public SparkTraining(Settings settings) {
        this.settings = settings;
    }

    /**
     * Trains, evaluating on the driver after every epoch.
     *
     * @param configuration the network, with its schedules written for one machine (one iteration = one
     *                      mini-batch); the run trains a copy whose rate schedules are {@link WorkerSteps}
     * @param batches       the training mini-batches of {@code batch} examples
     * @param test          test data, evaluated on the driver
     * @param listeners     listeners for the workers' networks; Spark serialises them to the executors
     * @param epochDone     told each epoch's result, on the driver; its loss is the workers' mean score
     *                      of the epoch's last averaging, which is what DL4J keeps
     * @return the trained network, on the driver
     */
    public MultiLayerNetwork run(MultiLayerConfiguration configuration, List<DataSet> batches, DataSetIterator test,
                                 Collection<? extends TrainingListener> listeners, Consumer<EpochResult> epochDone) {
        SparkConf conf = new SparkConf().setMaster(settings.master()).setAppName("dl4j-schedules MNIST")
                .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .set("spark.kryo.registrator", KRYO_REGISTRATOR);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            JavaRDD<DataSet> train = sc.parallelize(batches, settings.workers());
            MultiLayerNetwork network = new MultiLayerNetwork(perWorkerSteps(configuration, settings.workers()));
            network.init();
            SparkDl4jMultiLayer sparkNetwork = new SparkDl4jMultiLayer(sc, network, trainingMaster(sc));
            sparkNetwork.setListeners(new ArrayList<>(listeners));
            EpochLoop.run(1, settings.epochs(), batches.size(), new EpochLoop.Epoch() {
                @Override
                public void fit() {
                    sparkNetwork.fit(train);
                }

                @Override
                public EpochResult result(int epoch, double seconds) {
                    test.reset();
                    MultiLayerNetwork trained = sparkNetwork.getNetwork();
                    return new EpochResult(epoch, sparkNetwork.getScore(), trained.evaluate(test).accuracy(),
                            TrainingOptions.lastRate(trained), seconds);
                }
            }, new TrainingRun.Observer() {
                @Override
                public void epochDone(EpochResult result) {
                    epochDone.accept(result);
                }
            });
            return sparkNetwork.getNetwork();
        } finally {
            if (settings.approach() == Approach.SHARED && ModelParameterServer.getInstance().isInitialized()) {
                // The driver's parameter server is a JVM-wide singleton that outlives the Spark context.
                ModelParameterServer.getInstance().shutdown();
            }
        }
    }

    private TrainingMaster<?, ?> trainingMaster(JavaSparkContext sc) {
        // Direct: the RDD's DataSets go to the workers as they are; the default (Export) writes them
        // to temporary files first.
        if (settings.approach() == Approach.AVERAGING) {
            return new ParameterAveragingTrainingMaster.Builder(settings.workers(), settings.batch())
                    .batchSizePerWorker(settings.batch())
                    .averagingFrequency(settings.averaging())
                    .workerPrefetchNumBatches(0)
                    .rddTrainingApproach(RDDTrainingApproach.Direct)
                    .build();
        }
        // The driver is the controller; every JVM (driver, executors) takes its own port, so that
        // executors on one machine do not collide.
        VoidConfiguration network = VoidConfiguration.builder()
                .controllerAddress(sc.getConf().get("spark.driver.host", "127.0.0.1"))
                .portSupplier(new ExecutorPorts(SHARED_BASE_PORT))
                .build();
        return new SharedTrainingMaster.Builder(network, settings.workers(), 1e-3, settings.batch())
                .batchSizePerWorker(settings.batch())
                .workersPerNode(1)
                .workerPrefetchNumBatches(0)
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .build();
    }

    /** The first UDP port of gradient sharing: the driver's; executor {@code i} takes the next {@code i + 1}. */
    static final int SHARED_BASE_PORT = 40_123;

    /**
     * A copy of {@code configuration} whose layers' learning-rate schedules (weights and biases) count
     * {@code workers} mini-batches per iteration. Fixed rates stay as they are.
     */
    static MultiLayerConfiguration perWorkerSteps(MultiLayerConfiguration configuration, int workers) {
        MultiLayerConfiguration copy = configuration.clone();
        for (NeuralNetConfiguration layer : copy.getConfs()) {
            if (layer.getLayer() instanceof BaseLayer base) {
                perWorkerSteps(base.getIUpdater(), workers);
                perWorkerSteps(base.getBiasUpdater(), workers);
            }
        }
        return copy;
    }

    private static void perWorkerSteps(IUpdater updater, int workers) {
        if (updater != null) {
            ModelAdapter.learningRateSchedule(updater)
                    .ifPresent(schedule -> updater.setLrAndSchedule(Double.NaN, WorkerSteps.of(schedule, workers)));
        }
    }
}
