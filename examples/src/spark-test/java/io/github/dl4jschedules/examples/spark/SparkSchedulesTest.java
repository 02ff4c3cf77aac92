package io.github.dl4jschedules.examples.spark;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library's schedules on Spark (DL4J 1.0.0-M2, embedded {@code local[2]}): they survive the ways a
 * configuration travels to executors, and the rate of every epoch, as the executors' networks apply
 * it, equals the single-machine run's. This module runs M2 while the library was compiled against
 * M2.1, so these tests also show that the library works on M2's {@code ISchedule}.
 */
class SparkSchedulesTest {

    private static final int EPOCHS = 3;
    private static final int BATCH = 32;
    private static final int WORKERS = 2;
    private static final long SEED = 42;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "step(lr=0.1, factor=0.5, every=1, unit=epoch)",
            "warmup(steps=1, start=0.02, then=sequence(constant(lr=0.1), exponential(lr=0.1, rate=0.5), at=[1]), unit=epoch)"})
    void schedulesSurviveSparksSerialisersAndJson(String spec) throws Exception {
        CounterSchedule schedule = Schedules.parse(spec);
        MultiLayerConfiguration configuration = configuration(schedule);
        SparkConf sparkConf = new SparkConf().set("spark.kryo.registrator", SparkTraining.KRYO_REGISTRATOR);

        List<MultiLayerConfiguration> arrived = List.of(
                roundTrip(new JavaSerializer(sparkConf).newInstance(), configuration),
                roundTrip(new KryoSerializer(sparkConf).newInstance(), configuration),
                MultiLayerConfiguration.fromJson(configuration.toJson()));

        for (MultiLayerConfiguration copy : arrived) {
            ISchedule travelled = ((Sgd) ((BaseLayer) copy.getConf(0).getLayer()).getIUpdater()).getLearningRateSchedule();
            assertThat(travelled).isNotSameAs(schedule).isEqualTo(schedule).hasToString(schedule.toString());
            for (int epoch = 0; epoch < 10; epoch++) {
                assertThat(travelled.valueAt(0, epoch)).isEqualTo(schedule.valueAt(0, epoch));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "step(lr=0.1, factor=0.5, every=1, unit=epoch)",
            "warmup(steps=1, start=0.02, then=sequence(constant(lr=0.1), exponential(lr=0.1, rate=0.5), at=[1]), unit=epoch)"})
    void everyEpochsRateOnTheExecutorsIsTheSingleMachineRunsAndTheContextStops(String spec) {
        CounterSchedule schedule = Schedules.parse(spec);
        TrainingData data = TrainingData.load(TrainingData.BUNDLED, BATCH, SEED, 256, 64);
        List<DataSet> batches = drain(data.train());
        Map<Integer, TreeSet<Double>> single = singleMachineRates(schedule, batches);

        ExecutorProbe.clear();
        Set<Thread> nonDaemonBefore = Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isDaemon())
                .collect(Collectors.toSet());
        List<EpochResult> results = new ArrayList<>();
        SparkTraining.Settings settings = new SparkTraining.Settings("local[2]", WORKERS, BATCH, 1, EPOCHS);
        MultiLayerNetwork trained = new SparkTraining(settings).run(configuration(schedule), batches, data.test(), List.of(new ExecutorProbe()), results::add);

        assertNoSparkContextLeft(nonDaemonBefore);
        Map<Integer, TreeSet<Double>> executors = new TreeMap<>();
        for (ExecutorProbe.Seen seen : ExecutorProbe.seen()) {
            executors.computeIfAbsent(seen.epoch(), e -> new TreeSet<>()).add(seen.rate());
            assertThat(seen.schedule()).isEqualTo(schedule + " at " + WORKERS + " mini-batches per iteration");
            assertThat(seen.thread()).as("trained on an executor").startsWith("Executor task launch worker");
        }
        assertThat(executors).isEqualTo(single);
        assertThat(results).extracting(EpochResult::rate)
                .containsExactlyElementsOf(single.values().stream().map(TreeSet::first).toList());
        assertThat(trained.getEpochCount()).isEqualTo(EPOCHS);
        assertThat(trained.getIterationCount()).as("one Spark iteration = one step of all workers")
                .isEqualTo(EPOCHS * settings.iterationsPerEpoch(batches.size())).isEqualTo(EPOCHS * batches.size() / WORKERS);
        assertThat(ExecutorProbe.seen()).hasSize(EPOCHS * batches.size());
    }

    /**
     * An iteration schedule follows the single-machine definition (one iteration = one mini-batch of one
     * worker) under parameter averaging: in DL4J's Spark iteration i the N workers train the mini-batches
     * a single machine trains at steps N*i .. N*i + N-1, and each gets the rate of step N*i. With
     * boundaries on multiples of N that is, mini-batch for mini-batch, the single machine's rate.
     */
    @ParameterizedTest(name = "averaging every {0}")
    @ValueSource(ints = {1, 2})
    void anIterationScheduleGivesEveryMiniBatchTheSingleMachineRunsRateUnderParameterAveraging(int averaging) {
        CounterSchedule schedule = Schedules.parse("step(lr=0.1, factor=0.5, every=4)");
        TrainingData data = TrainingData.load(TrainingData.BUNDLED, BATCH, SEED, 256, 64);
        List<DataSet> batches = drain(data.train());
        Map<Integer, Double> single = singleMachineRatesByStep(schedule, batches);

        ExecutorProbe.clear();
        SparkTraining.Settings settings = new SparkTraining.Settings("local[2]", WORKERS, BATCH, averaging, EPOCHS);
        MultiLayerNetwork trained = new SparkTraining(settings).run(configuration(schedule), batches, data.test(),
                List.of(new ExecutorProbe()), result -> { });

        Map<Integer, List<Double>> byIteration = new TreeMap<>();
        for (ExecutorProbe.Seen seen : ExecutorProbe.seen()) {
            byIteration.computeIfAbsent(seen.iteration(), i -> new ArrayList<>()).add(seen.rate());
            // the schedule's formula at step N*i: 0.1 * 0.5^floor(N*i / 4)
            assertThat(seen.rate()).isEqualTo(0.1 * Math.pow(0.5, Math.floorDiv(WORKERS * seen.iteration(), 4)));
            assertThat(seen.epoch()).isEqualTo(seen.iteration() / (batches.size() / WORKERS));
        }
        int sparkIterations = EPOCHS * batches.size() / WORKERS;
        assertThat(byIteration.keySet()).as("DL4J's Spark iterations, N mini-batches each")
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, sparkIterations).boxed().toList());
        byIteration.forEach((iteration, rates) -> assertThat(rates).as("Spark iteration %d", iteration)
                .containsExactlyInAnyOrder(single.get(WORKERS * iteration), single.get(WORKERS * iteration + 1)));
        assertThat(trained.getIterationCount()).isEqualTo(sparkIterations);
        assertThat(io.github.dl4jschedules.examples.parallel.TrainingOptions.lastRate(trained)).as("the driver's network reads the same rate")
                .isEqualTo(single.get(EPOCHS * batches.size() - 1));
    }

    /**
     * A schedule that changes at every step: the N mini-batches of a Spark iteration all get the rate of
     * the first of them, 0.1 * 0.9^(N*i), at most N-1 steps early.
     */
    @org.junit.jupiter.api.Test
    void aSmoothIterationScheduleGivesEachRoundTheRateOfItsFirstMiniBatch() {
        CounterSchedule schedule = Schedules.parse("exponential(lr=0.1, rate=0.9)");
        TrainingData data = TrainingData.load(TrainingData.BUNDLED, BATCH, SEED, 256, 64);
        List<DataSet> batches = drain(data.train());

        ExecutorProbe.clear();
        SparkTraining.Settings settings = new SparkTraining.Settings("local[2]", WORKERS, BATCH, 2, 2);
        new SparkTraining(settings).run(configuration(schedule), batches, data.test(), List.of(new ExecutorProbe()), result -> { });

        assertThat(ExecutorProbe.seen()).hasSize(2 * batches.size()).allSatisfy(seen -> assertThat(seen.rate())
                .isCloseTo(0.1 * Math.pow(0.9, WORKERS * seen.iteration()), org.assertj.core.api.Assertions.within(1e-15)));
    }

    /**
     * Spark allows one running context per JVM: a new one starts only if the run stopped its own. And
     * none of Spark's scheduler, RPC dispatcher or task threads may be left, nor any new non-daemon thread.
     */
    private static void assertNoSparkContextLeft(Set<Thread> nonDaemonBefore) {
        try (JavaSparkContext next = new JavaSparkContext(new SparkConf().setMaster("local[1]").setAppName("after"))) {
            assertThat(next.sc().isStopped()).isFalse();
        }
        Set<Thread> alive = Thread.getAllStackTraces().keySet();
        assertThat(alive).extracting(Thread::getName).noneMatch(name -> name.startsWith("dag-scheduler")
                || name.startsWith("dispatcher-event-loop") || name.startsWith("Executor task launch"));
        assertThat(nonDaemonThreadsLeft(nonDaemonBefore)).as("non-daemon threads still running 10 s after the run")
                .isEmpty();
    }

    /**
     * New non-daemon threads, waiting up to 10 s for them to end: some shut down by themselves after a
     * quiet second (Netty's {@code globalEventExecutor}); a leaked one stays.
     */
    private static Set<Thread> nonDaemonThreadsLeft(Set<Thread> before) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Set<Thread> left = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> !thread.isDaemon() && !before.contains(thread))
                    .collect(java.util.stream.Collectors.toSet());
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
        }
    }

    /** The rates a single network applies in each epoch of {@code network.fit(iterator)}. */
    private static Map<Integer, TreeSet<Double>> singleMachineRates(CounterSchedule schedule, List<DataSet> batches) {
        Map<Integer, TreeSet<Double>> rates = new TreeMap<>();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(schedule));
        network.init();
        network.setListeners(new BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                BaseLayer layer = (BaseLayer) ((MultiLayerNetwork) model).getLayer(0).conf().getLayer();
                rates.computeIfAbsent(epoch, e -> new TreeSet<>()).add(layer.getIUpdater().getLearningRate(iteration, epoch));
            }
        });
        network.fit(new org.deeplearning4j.datasets.iterator.ExistingDataSetIterator(batches), EPOCHS);
        assertThat(rates).hasSize(EPOCHS);
        return rates;
    }

    /** The rate a single network applies at each step of {@code network.fit(iterator, EPOCHS)}. */
    static Map<Integer, Double> singleMachineRatesByStep(CounterSchedule schedule, List<DataSet> batches) {
        Map<Integer, Double> rates = new TreeMap<>();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(schedule));
        network.init();
        network.setListeners(new BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                BaseLayer layer = (BaseLayer) ((MultiLayerNetwork) model).getLayer(0).conf().getLayer();
                rates.put(iteration, layer.getIUpdater().getLearningRate(iteration, epoch));
            }
        });
        network.fit(new org.deeplearning4j.datasets.iterator.ExistingDataSetIterator(batches), EPOCHS);
        assertThat(rates).hasSize(EPOCHS * batches.size());
        return rates;
    }

    static MultiLayerConfiguration configuration(CounterSchedule schedule) {
        return ModelKind.MLP.configuration(new Sgd(schedule), SEED, 28, 28, 10);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(SerializerInstance serializer, T value) {
        ClassTag<T> tag = (ClassTag<T>) ClassTag$.MODULE$.apply(value.getClass());
        return serializer.deserialize(serializer.serialize(value, tag), tag);
    }

    static List<DataSet> drain(DataSetIterator iterator) {
        List<DataSet> batches = new ArrayList<>();
        iterator.reset();
        while (iterator.hasNext()) {
            batches.add(iterator.next());
        }
        return batches;
    }
}
