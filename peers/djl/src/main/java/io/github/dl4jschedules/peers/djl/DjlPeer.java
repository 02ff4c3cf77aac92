package io.github.dl4jschedules.peers.djl;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import io.github.dl4jschedules.examples.cli.DataLimits;
import io.github.dl4jschedules.examples.cli.Validation;
import io.github.dl4jschedules.examples.data.MnistData;
import io.github.dl4jschedules.examples.data.MnistSource;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.ResultsWriter;
import io.github.dl4jschedules.examples.run.ScheduleConverter;
import io.github.dl4jschedules.schedules.CounterSchedule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The DJL/libtorch peer of {@code examples/run speed}: the examples' training (same network, bundled
 * data, batches, Adam and schedule) written with DJL on the PyTorch engine, timed per epoch.
 *
 * <p>What it shares with the DL4J variants: the bundled MNIST subset read by the examples' own
 * {@link MnistSource}, pixels scaled to [0, 1]; the same training batches (members from
 * {@link MnistData#batchMembers}, order redrawn every epoch from {@link MnistData#batchOrderRandom},
 * as the examples' iterator does); the schedule parsed from the same spec and given to DJL's Adam
 * through {@link ScheduleTracker}; Adam's betas 0.9/0.999 and epsilon 1e-8 (DL4J's defaults); Xavier
 * normal weights with standard deviation {@code sqrt(2 / (fanIn + fanOut))} (DL4J's {@code XAVIER}),
 * zero biases. The weights are not the same numbers (another random generator), so accuracies agree
 * within noise, not exactly.
 *
 * <p>What is timed: the training loop of an epoch (forward, backward, Adam step for every batch), not
 * the evaluation after it; the batches are built once on the Java heap before the first epoch and
 * copied into each step's arrays (see {@code HostBatch}).
 *
 * <p>Threads: {@code --threads} sets libtorch's intra- and inter-op threads
 * ({@code ai.djl.pytorch.num_threads}, {@code ai.djl.pytorch.num_interop_threads}) unless they are
 * given as system properties; {@code ai.djl.offline} defaults to {@code true}, so that the engine takes
 * libtorch from the {@code pytorch-native-cpu} jar on the class path and never downloads.
 */
@Command(name = "djl-peer", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Trains the examples' LeNet or MLP with DJL on libtorch and prints the seconds and test accuracy of every epoch.")
public final class DjlPeer implements Callable<Integer> {

    /**
     * The start of the error when a run goes NaN. On the AMD EPYC machine of the README, 5 of 61 one-epoch
     * LeNet runs did (with the same seed and data as the good ones, also with {@code ONEDNN_MAX_CPU_ISA=AVX2}),
     * 0 of 15 MLP runs: something in libtorch 2.7.1's convolution or pooling on this CPU, not found. Such a
     * run stops with this error instead of being timed, and {@code speed} leaves it out of the means.
     */
    static final String VOID_RUN = "DJL/libtorch went numerically wrong, the run is void";

    /** Images per evaluation batch (evaluation is not timed). */
    private static final int TEST_BATCH = 1000;

    @CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "mlp|lenet", defaultValue = "lenet",
            description = "Network (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "64", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--schedule", paramLabel = "SPEC|PRESET", defaultValue = "constant(lr=0.001)",
            converter = ScheduleConverter.class, description = "Adam's rate schedule, a catalogue spec (default: ${DEFAULT-VALUE}).")
    CounterSchedule schedule;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "libtorch's intra- and inter-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    DataLimits limits;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write the per-epoch results here (as train --out does).")
    Path out;

    /** Runs the peer; the exit code is picocli's (0 done, 1 failed, 2 bad options). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new DjlPeer()).execute(args));
    }

    @Override
    public Integer call() {
        Networks network = network();
        Validation.requirePositive(spec, "--epochs", epochs);
        Validation.requirePositive(spec, "--batch", batch);
        Validation.requirePositive(spec, "--threads", threads);
        limits.validate(spec);
        Validation.require(spec, out == null || out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"),
                "--out must end in .json, got " + out);
        configureEngine();
        PrintWriter console = spec.commandLine().getOut();

        MnistSource source = MnistSource.bundled();
        MnistData train = source.train().limit(limits.train());
        MnistData test = source.test().limit(limits.test());
        int rows = train.images().rows();
        int cols = train.images().cols();
        List<int[]> members = MnistData.batchMembers(train.size(), batch, seed);

        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) seed);
        console.printf(Locale.ROOT, "djl %s, %s, %s thread(s), %s%n", Engine.getDjlVersion(), describe(engine),
                System.getProperty("ai.djl.pytorch.num_threads"), cpuModel());
        console.printf(Locale.ROOT, "djl peer: model %s, adam %s, batch %d, seed %d, %,d train, %,d test%n",
                network.cliName(), schedule, batch, seed, train.size(), test.size());
        console.flush();

        List<EpochResult> results = new ArrayList<>();
        try (Model djlModel = Model.newInstance(network.cliName(), "PyTorch")) {
            djlModel.setBlock(network.block());
            List<HostBatch> batches = new ArrayList<>(members.size());
            for (int[] indices : members) {
                batches.add(HostBatch.of(train, indices, network.inputShape(indices.length, rows, cols)));
            }
            List<HostBatch> testBatches = new ArrayList<>();
            for (int start = 0; start < test.size(); start += TEST_BATCH) {
                int[] indices = range(start, Math.min(test.size(), start + TEST_BATCH));
                testBatches.add(HostBatch.of(test, indices, network.inputShape(indices.length, rows, cols)));
            }

            Optimizer adam = Optimizer.adam().optLearningRateTracker(new ScheduleTracker(schedule, members.size()))
                    .optBeta1(0.9f).optBeta2(0.999f).optEpsilon(1e-8f).build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                            XavierInitializer.FactorType.AVG, 1f), Parameter.Type.WEIGHT)
                    .optOptimizer(adam);
            try (Trainer trainer = djlModel.newTrainer(config)) {
                trainer.initialize(network.inputShape(batch, rows, cols));
                Random batchOrder = MnistData.batchOrderRandom(seed);
                int iterations = 0;
                for (int epoch = 1; epoch <= epochs; epoch++) {
                    int[] order = MnistData.permutation(batches.size(), batchOrder);
                    double lossSum = 0;
                    long start = System.nanoTime();
                    for (int b : order) {
                        double loss = step(trainer, batches.get(b));
                        if (!Double.isFinite(loss)) {
                            throw new IllegalStateException(VOID_RUN + ": the loss " + loss + " at iteration "
                                    + iterations + " (epoch " + epoch + ")");
                        }
                        lossSum += loss;
                        iterations++;
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double accuracy = accuracy(trainer, testBatches, test.size());
                    double rate = schedule.valueAt(iterations - 1, epoch - 1);
                    EpochResult result = new EpochResult(epoch, lossSum / order.length, accuracy, rate, seconds);
                    results.add(result);
                    console.printf(Locale.ROOT, "epoch %d/%d  train loss %.4f  test accuracy %.2f%%  %.1f s%n", epoch,
                            epochs, result.trainLoss(), 100 * accuracy, seconds);
                    console.flush();
                }
            }
        }
        if (out != null) {
            ResultsWriter.write(out, provenance(network, engine, train.size(), test.size()), results);
            console.println("results written to " + out);
        }
        return 0;
    }

    /** One update: forward, loss, backward, Adam. Intermediate arrays live in a sub-manager closed at the end. */
    private static double step(Trainer trainer, HostBatch host) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDList batch = host.arrays(scope);
            double loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(batch.get(0)));
                NDArray value = trainer.getLoss().evaluate(new NDList(batch.get(1)), predictions);
                collector.backward(value);
                loss = value.getFloat();
            }
            trainer.step();
            return loss;
        }
    }

    private static double accuracy(Trainer trainer, List<HostBatch> testBatches, int testSize) {
        long correct = 0;
        for (HostBatch host : testBatches) {
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDList batch = host.arrays(scope);
                NDArray logits = trainer.evaluate(new NDList(batch.get(0))).singletonOrThrow();
                if (logits.isNaN().any().getBoolean() || logits.isInfinite().any().getBoolean()) {
                    throw new IllegalStateException(VOID_RUN + ": a NaN or an infinity in the test predictions");
                }
                NDArray predicted = logits.argMax(1);
                correct += predicted.toType(DataType.INT64, false)
                        .eq(batch.get(1).toType(DataType.INT64, false)).sum().getLong();
            }
        }
        return (double) correct / testSize;
    }

    /**
     * A batch prepared once on the Java heap: pixels in [0, 1] in the network's input shape, labels as
     * float32 class indices (what DJL's softmax cross-entropy takes). Each step copies it into arrays
     * of that step's manager (about 200 KB for 64 images, microseconds): batches kept as NDArrays
     * would make every step slower, since DJL's PyTorch gradient collector walks all live arrays when
     * it zeroes gradients. Measured on the MLP, bundled data, two alternating runs of each (AMD EPYC,
     * 2 cores, load average 12-14): mean of epochs 2-3 6.9 s with the batches as NDArrays, 2.8 s
     * copied per step, with identical losses and accuracies.
     */
    private record HostBatch(ByteBuffer features, ByteBuffer labels, Shape shape) {

        static HostBatch of(MnistData split, int[] indices, Shape shape) {
            int width = split.numFeatures();
            byte[] pixels = split.images().pixels();
            ByteBuffer features = ByteBuffer.allocateDirect(indices.length * width * Float.BYTES).order(ByteOrder.nativeOrder());
            ByteBuffer labels = ByteBuffer.allocateDirect(indices.length * Float.BYTES).order(ByteOrder.nativeOrder());
            for (int r = 0; r < indices.length; r++) {
                int from = indices[r] * width;
                for (int p = 0; p < width; p++) {
                    features.putFloat((r * width + p) * Float.BYTES, (pixels[from + p] & 0xff) / 255f);
                }
                labels.putFloat(r * Float.BYTES, split.label(indices[r]));
            }
            return new HostBatch(features, labels, shape);
        }

        NDList arrays(NDManager manager) {
            return new NDList(manager.create(features, shape, DataType.FLOAT32),
                    manager.create(labels, new Shape(shape.get(0)), DataType.FLOAT32));
        }
    }

    private static int[] range(int from, int to) {
        int[] indices = new int[to - from];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = from + i;
        }
        return indices;
    }

    private Networks network() {
        for (Networks candidate : Networks.values()) {
            if (candidate.cliName().equals(model)) {
                return candidate;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--model: '" + model + "' is not one of mlp, lenet");
    }

    /** Offline natives and the thread counts, before the engine loads; explicit system properties win. */
    private void configureEngine() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", Integer.toString(threads));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private Map<String, String> provenance(Networks network, Engine engine, int trainSize, int testSize) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("variant", "djl");
        values.put("djl_version", Engine.getDjlVersion());
        values.put("engine", describe(engine));
        values.put("libtorch_version", engine.getVersion());
        values.put("torch_threads", System.getProperty("ai.djl.pytorch.num_threads"));
        values.put("torch_interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads"));
        values.put("omp_num_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        values.put("device", cpuModel());
        values.put("cpu_cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        values.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        values.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        values.put("time", Instant.now().toString());
        values.put("model", network.cliName());
        values.put("updater", "adam");
        values.put("schedule", schedule.toString());
        values.put("epochs", Integer.toString(epochs));
        values.put("batch", Integer.toString(batch));
        values.put("seed", Long.toString(seed));
        values.put("data", MnistSource.bundled().description());
        values.put("train_examples", Integer.toString(trainSize));
        values.put("test_examples", Integer.toString(testSize));
        values.put("train_loss", "mean mini-batch loss of the epoch");
        return values;
    }

    /**
     * "PyTorch 2.7.1 (OPENMP, MKL, MKLDNN)": the engine's name, version and build capabilities, from its
     * multi-line {@code toString} ("PyTorch:2.7.1, capabilities: [ OPENMP, ... ] PyTorch Library: path").
     */
    static String describe(Engine engine) {
        String text = engine.toString();
        int open = text.indexOf('[');
        int close = text.indexOf(']', open + 1);
        String capabilities = open < 0 || close < 0 ? "capabilities unknown"
                : String.join(", ", Stream.of(text.substring(open + 1, close).split("[,\\s]+")).filter(s -> !s.isEmpty()).toList());
        return engine.getEngineName() + " " + engine.getVersion() + " (" + capabilities + ")";
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return System.getProperty("os.arch");
        }
    }
}
