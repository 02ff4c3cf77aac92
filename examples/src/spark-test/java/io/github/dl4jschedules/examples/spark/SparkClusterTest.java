package io.github.dl4jschedules.examples.spark;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.github.dl4jschedules.examples.spark.SparkSchedulesTest.configuration;
import static io.github.dl4jschedules.examples.spark.SparkSchedulesTest.drain;
import static io.github.dl4jschedules.examples.spark.SparkSchedulesTest.singleMachineRatesByStep;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedules across a real process boundary: a Spark standalone cluster on this machine (a master
 * and two worker JVMs on 127.0.0.1, {@link StandaloneCluster}), whose executors are JVMs of their own.
 * The configuration reaches them the way it reaches a cluster anywhere (serialised by the driver in
 * the test's JVM), and every mini-batch's rate, as the executors' networks apply it, is the
 * single-machine run's, and every epoch counts one pass.
 */
class SparkClusterTest {

    private static final int WORKERS = 2;
    private static final int BATCH = 32;
    private static final int EPOCHS = 2;

    @Test
    void everyMiniBatchOnTheClustersExecutorsGetsTheSingleMachineRunsRate(@TempDir Path folder) throws Exception {
        // halved every 6 mini-batches of one worker: 0.1 for steps 0-5, 0.05 for 6-11, ...
        CounterSchedule schedule = Schedules.parse("step(lr=0.1, factor=0.5, every=6)");
        TrainingData data = TrainingData.load(TrainingData.BUNDLED, BATCH, 42, 256, 64);
        List<DataSet> batches = drain(data.train());
        Map<Integer, Double> single = singleMachineRatesByStep(schedule, batches);
        Path probes = Files.createDirectories(folder.resolve("probes"));

        MultiLayerNetwork trained;
        List<ProcessHandle> started;
        long start = System.nanoTime();
        long trainedAt;
        try (StandaloneCluster cluster = StandaloneCluster.start(folder, WORKERS, 1536)) {
            long up = System.nanoTime();
            Map<String, String> conf = cluster.applicationConf(1024);
            conf.forEach(System::setProperty);
            try {
                SparkTraining.Settings settings = new SparkTraining.Settings(cluster.url(), WORKERS, BATCH, 2, EPOCHS);
                trained = new SparkTraining(settings).run(configuration(schedule), batches, data.test(),
                        List.of(new FileProbe(probes)), result -> { });
            } finally {
                conf.keySet().forEach(System::clearProperty);
            }
            started = cluster.alive();
            trainedAt = System.nanoTime();
            System.out.printf(java.util.Locale.ROOT, "standalone cluster: started in %.1f s, trained in %.1f s%n",
                    (up - start) / 1e9, (trainedAt - up) / 1e9);
        }
        System.out.printf(java.util.Locale.ROOT, "standalone cluster: stopped in %.1f s%n", (System.nanoTime() - trainedAt) / 1e9);

        List<FileProbe.Seen> seen = FileProbe.read(probes);
        long driver = ProcessHandle.current().pid();
        assertThat(seen).extracting(FileProbe.Seen::pid).as("executor processes").doesNotContain(driver);
        assertThat(seen.stream().map(FileProbe.Seen::pid).distinct().count()).as("two executor JVMs").isEqualTo(WORKERS);
        assertThat(seen).hasSize(EPOCHS * batches.size()).allSatisfy(step -> {
            assertThat(step.schedule()).isEqualTo(schedule + " at " + WORKERS + " mini-batches per iteration");
            assertThat(step.epoch()).as("one epoch per pass").isEqualTo(step.iteration() / (batches.size() / WORKERS));
        });
        Map<Integer, List<Double>> byIteration = new TreeMap<>();
        seen.forEach(step -> byIteration.computeIfAbsent(step.iteration(), i -> new ArrayList<>()).add(step.rate()));
        assertThat(byIteration.keySet()).containsExactlyElementsOf(
                IntStream.range(0, EPOCHS * batches.size() / WORKERS).boxed().toList());
        byIteration.forEach((iteration, rates) -> assertThat(rates).as("Spark iteration %d", iteration)
                .containsExactlyInAnyOrder(single.get(WORKERS * iteration), single.get(WORKERS * iteration + 1)));
        assertThat(trained.getEpochCount()).isEqualTo(EPOCHS);

        assertThat(started.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).collect(Collectors.toList()))
                .as("cluster processes left running").isEmpty();
    }

    /**
     * Gradient sharing across the cluster's two executor JVMs (Aeron UDP on 127.0.0.1, one port per JVM
     * from {@link ExecutorPorts}): it runs, and every step's rate is the schedule's at that executor's
     * own counters; it prints the counters, which DL4J M2 leaves at iteration 0 and epoch 0 there (README).
     * About four minutes, so not in {@code .ci/run}: {@code -Ddl4jschedules.spark.cluster.shared=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "dl4jschedules.spark.cluster.shared", matches = "true")
    void gradientSharingRunsAcrossTheClustersExecutorJvms(@TempDir Path folder) throws Exception {
        CounterSchedule schedule = Schedules.parse("step(lr=0.1, factor=0.5, every=1, unit=epoch)");
        TrainingData data = TrainingData.load(TrainingData.BUNDLED, BATCH, 42, 256, 64);
        List<DataSet> batches = drain(data.train());
        Path probes = Files.createDirectories(folder.resolve("probes"));

        try (StandaloneCluster cluster = StandaloneCluster.start(folder, WORKERS, 1536)) {
            Map<String, String> conf = cluster.applicationConf(1024);
            conf.forEach(System::setProperty);
            try {
                SparkTraining.Settings settings = new SparkTraining.Settings(cluster.url(), SparkTraining.Approach.SHARED,
                        WORKERS, BATCH, 1, EPOCHS);
                new SparkTraining(settings).run(configuration(schedule), batches, data.test(), List.of(new FileProbe(probes)),
                        result -> System.out.println("gradient sharing on the cluster: " + result));
            } finally {
                conf.keySet().forEach(System::clearProperty);
            }
        }

        List<FileProbe.Seen> seen = FileProbe.read(probes);
        seen.forEach(step -> System.out.println("gradient sharing on the cluster: " + step));
        assertThat(seen.stream().map(FileProbe.Seen::pid).distinct().count()).as("two executor JVMs").isEqualTo(WORKERS);
        assertThat(seen).hasSize(EPOCHS * batches.size()).allSatisfy(step ->
                assertThat(step.rate()).isEqualTo(0.1 * Math.pow(0.5, step.epoch())));
    }
}
