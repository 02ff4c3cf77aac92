package io.github.dl4jschedules.benchmarks;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.data.MnistData;
import io.github.dl4jschedules.examples.train.FastPath;
import io.github.dl4jschedules.examples.train.ModelKind;
import io.github.dl4jschedules.examples.train.TrainingData;
import io.github.dl4jschedules.examples.train.UpdaterKind;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training overhead of a composite schedule against a constant one in a real {@code fit}: two
 * copies of the examples' network (same seed, Adam, bundled data, fast path), one with
 * {@value #CONSTANT}, one with {@value #COMPOSITE}, trained in one JVM with their epochs alternating
 * (A B, then B A, ...), so that a change of load on the machine hits both alike. After one warm-up
 * epoch each, it prints the mean epoch time of each, the ratio, and the ratio of each pair of epochs.
 *
 * <p>Usage: {@code benchmarks/run fit-overhead [mlp|lenet] [ROUNDS]} (default {@code mlp 6}).
 */
public final class FitOverhead {

    /** The reference schedule. */
    static final String CONSTANT = "constant(lr=0.001)";
    /** A schedule with three levels of nesting: warm-up into a sequence of a scaled cosine and a constant. */
    static final String COMPOSITE = "warmup(steps=100, then=sequence(scaled(factor=1, of=cosine(lr=0.001, steps=2000)),"
            + " constant(lr=0.0001), at=[2000]))";

    private FitOverhead() {
    }

    /**
     * Runs the measurement.
     *
     * @param args {@code [mlp|lenet] [rounds]}
     */
    public static void main(String[] args) {
        ModelKind model = args.length > 0 ? ModelKind.valueOf(args[0].toUpperCase(Locale.ROOT)) : ModelKind.MLP;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
        }
        FastPath.selectNativeBuild();
        long seed = 42;
        int batch = 64;
        TrainingData constantData = TrainingData.load(TrainingData.BUNDLED, batch, seed, Integer.MAX_VALUE, Integer.MAX_VALUE);
        TrainingData compositeData = TrainingData.load(TrainingData.BUNDLED, batch, seed, Integer.MAX_VALUE, Integer.MAX_VALUE);
        MultiLayerNetwork constant = network(model, CONSTANT, constantData, seed);
        MultiLayerNetwork composite = network(model, COMPOSITE, compositeData, seed);
        FastPath.singleThreaded();
        FastPath.attachHelpers(constant);
        FastPath.attachHelpers(composite);
        System.out.printf(Locale.ROOT, "fit overhead: model %s, adam, batch %d, %,d train examples, %d rounds after 1 warm-up epoch each%n",
                model.name().toLowerCase(Locale.ROOT), batch, constantData.trainSize(), rounds);
        System.out.println("  A = " + Schedules.parse(CONSTANT));
        System.out.println("  B = " + Schedules.parse(COMPOSITE));

        epoch(constant, constantData);
        epoch(composite, compositeData);
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double ta;
            double tb;
            if (round % 2 == 1) {
                ta = epoch(constant, constantData);
                tb = epoch(composite, compositeData);
            } else {
                tb = epoch(composite, compositeData);
                ta = epoch(constant, constantData);
            }
            a.add(ta);
            b.add(tb);
            System.out.printf(Locale.ROOT, "round %d: A %.3f s  B %.3f s  B/A %.4f%n", round, ta, tb, tb / ta);
        }
        double meanA = a.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double meanB = b.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf(Locale.ROOT, "mean epoch: A %.3f s  B %.3f s  B/A %.4f (%+.2f%%)%n", meanA, meanB, meanB / meanA,
                100 * (meanB / meanA - 1));
    }

    private static MultiLayerNetwork network(ModelKind model, String spec, TrainingData data, long seed) {
        CounterSchedule schedule = Schedules.parse(spec);
        MultiLayerNetwork network = new MultiLayerNetwork(model.configuration(UpdaterKind.ADAM.withRate(schedule), seed,
                data.height(), data.width(), MnistData.NUM_CLASSES));
        network.init();
        return network;
    }

    /** One epoch of {@code network.fit}, in seconds. */
    private static double epoch(MultiLayerNetwork network, TrainingData data) {
        data.train().reset();
        long start = System.nanoTime();
        network.fit(data.train());
        return (System.nanoTime() - start) / 1e9;
    }
}
