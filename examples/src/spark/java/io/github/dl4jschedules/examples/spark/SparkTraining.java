package io.github.dl4jschedules.examples.spark;

import io.github.dl4jschedules.examples.run.EpochResult;
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
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * One training on Spark with DL4J's parameter averaging: {@code SparkDl4jMultiLayer} and a
 * {@link ParameterAveragingTrainingMaster}, in a Spark context of its own that is stopped when the run
 * ends, whatever happens. Spark serialises with Kryo and DL4J's registrator for INDArrays, as DL4J
 * recommends; the library's schedules need no registration.
 *
 * <p>DL4J's counters on Spark (1.0.0-M2, read from its sources and measured by the tests): the data is
 * cut into splits of {@code workers * averaging} mini-batches; each worker trains {@code averaging} of
 * them on a copy of the network, starting from the driver's counters, and then the copies are
 * averaged and the driver's iteration counter advances by {@code averaging}. So one iteration is one
 * step of all workers at once (N mini-batches), about {@code examples / (workers * batch)} per epoch;
 * the epoch counter advances once per {@code fit}, one pass over the data, on the driver and so on
 * the copies of the next pass. Epoch schedules therefore give the single-machine run's rate at every
 * epoch; an iteration schedule runs N times slower through the data than on one worker.
 */
public final class SparkTraining {

    /** DL4J's Kryo registrator for INDArrays ({@code nd4j-kryo}). */
    public static final String KRYO_REGISTRATOR = "org.nd4j.kryo.Nd4jRegistrator";

    /**
     * @param master    Spark master URL: {@code local[*]}, {@code local[2]}, {@code spark://host:7077}, ...
     * @param workers   data-parallel workers (the training master's {@code numWorkers})
     * @param batch     mini-batch size of each worker; the RDD holds mini-batches of this size
     * @param averaging mini-batches each worker trains between two averagings
     * @param epochs    passes over the data
     */
    public record Settings(String master, int workers, int batch, int averaging, int epochs) {
        public Settings {
            if (master == null || master.isBlank()) {
                throw new IllegalArgumentException("master must be a Spark master URL, got '" + master + "'");
            }
            require("workers", workers);
            require("batch", batch);
            require("averaging", averaging);
            require("epochs", epochs);
        }

        private static void require(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be >= 1, got " + name + "=" + value);
            }
        }

        /** The driver's iterations per epoch of {@code batches} mini-batches. */
        public int iterationsPerEpoch(int batches) {
            int perSplit = workers * averaging;
            return (batches + perSplit - 1) / perSplit * averaging;
        }
    }

    private final Settings settings;

    public SparkTraining(Settings settings) {
        this.settings = settings;
    }

    /**
     * Trains, evaluating on the driver after every epoch.
     *
     * @param configuration the network, with its schedule in the updater
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
            // Direct: the RDD's DataSets go to the workers as they are; the default (Export) writes them
            // to temporary files first.
            ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(settings.workers(), settings.batch())
                    .batchSizePerWorker(settings.batch())
                    .averagingFrequency(settings.averaging())
                    .workerPrefetchNumBatches(0)
                    .rddTrainingApproach(RDDTrainingApproach.Direct)
                    .build();
            MultiLayerNetwork network = new MultiLayerNetwork(configuration);
            network.init();
            SparkDl4jMultiLayer sparkNetwork = new SparkDl4jMultiLayer(sc, network, master);
            sparkNetwork.setListeners(new ArrayList<>(listeners));
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                long start = System.nanoTime();
                sparkNetwork.fit(train);
                double seconds = (System.nanoTime() - start) / 1e9;
                test.reset();
                MultiLayerNetwork trained = sparkNetwork.getNetwork();
                epochDone.accept(new EpochResult(epoch, sparkNetwork.getScore(), trained.evaluate(test).accuracy(),
                        TrainingOptions.lastRate(trained), seconds));
            }
            return sparkNetwork.getNetwork();
        }
    }
}
