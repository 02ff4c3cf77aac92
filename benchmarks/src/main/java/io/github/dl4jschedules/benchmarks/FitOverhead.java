package io.github.dl4jschedules.benchmarks;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.data.MnistData;
import io.github.dl4jschedules.examples.run.FastPath;
import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.TrainingData;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The training overhead of a composite schedule against a constant one in a real {@code fit}: two
 * copies of the examples' network (same seed, Adam, bundled data, fast path with one native thread),
 * one with {@value #CONSTANT}, one with {@value #COMPOSITE}, trained in one JVM on the same batches,
 * alternating batch by batch ({@code a.fit(batch)}, {@code b.fit(batch)}, the order swapped every
 * batch), so that a change of load on the machine hits both alike. Each {@code fit(DataSet)} is one
 * DL4J iteration (forward, backward, updater with the schedule's {@code valueAt}, parameter step).
 *
 * <p>It sums, per network, the calling thread's CPU time ({@code ThreadMXBean}) and the wall time of
 * those calls. With one native thread the network's work runs on the calling thread, so the CPU time
 * does not count the time the thread waited for a core: on a shared machine it is the figure to
 * compare; the wall time is printed too. After one warm-up epoch each, it prints the sums of each
 * round (one epoch of each network) and their ratios, then the totals.
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
        TrainingData data = TrainingData.load(TrainingData.BUNDLED, batch, seed, Integer.MAX_VALUE, Integer.MAX_VALUE);
        MultiLayerNetwork constant = network(model, CONSTANT, data, seed);
        MultiLayerNetwork composite = network(model, COMPOSITE, data, seed);
        FastPath.singleThreaded();
        FastPath.attachHelpers(constant);
        FastPath.attachHelpers(composite);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "fit overhead: model %s, adam, batch %d, %,d train examples, %d rounds after 1 warm-up epoch%n",
                model.name().toLowerCase(Locale.ROOT), batch, data.trainSize(), rounds);
        System.out.println("  A = " + Schedules.parse(CONSTANT));
        System.out.println("  B = " + Schedules.parse(COMPOSITE));

        long[] total = new long[4];
        for (int round = 0; round <= rounds; round++) {
            long[] sums = epoch(constant, composite, data.train(), threads);
            if (round == 0) {
                continue; // warm-up
            }
            for (int i = 0; i < 4; i++) {
                total[i] += sums[i];
            }
            System.out.printf(Locale.ROOT, "round %d: cpu A %.3f s  B %.3f s  B/A %.4f;  wall A %.3f s  B %.3f s  B/A %.4f%n", round,
                    sums[0] / 1e9, sums[1] / 1e9, (double) sums[1] / sums[0], sums[2] / 1e9, sums[3] / 1e9, (double) sums[3] / sums[2]);
        }
        System.out.printf(Locale.ROOT, "total: cpu A %.3f s  B %.3f s  B/A %.4f (%+.2f%%);  wall A %.3f s  B %.3f s  B/A %.4f (%+.2f%%)%n",
                total[0] / 1e9, total[1] / 1e9, (double) total[1] / total[0], 100 * ((double) total[1] / total[0] - 1),
                total[2] / 1e9, total[3] / 1e9, (double) total[3] / total[2], 100 * ((double) total[3] / total[2] - 1));
    }

    private static MultiLayerNetwork network(ModelKind model, String spec, TrainingData data, long seed) {
        CounterSchedule schedule = Schedules.parse(spec);
        MultiLayerNetwork network = new MultiLayerNetwork(model.configuration(UpdaterKind.ADAM.withRate(schedule), seed,
                data.height(), data.width(), MnistData.NUM_CLASSES));
        network.init();
        return network;
    }

    /**
     * One epoch of both networks, batch by batch: {cpu A, cpu B, wall A, wall B} in nanoseconds.
     */
    private static long[] epoch(MultiLayerNetwork a, MultiLayerNetwork b, DataSetIterator batches, ThreadMXBean threads) {
        long[] sums = new long[4];
        batches.reset();
        boolean aFirst = true;
        while (batches.hasNext()) {
            DataSet batch = batches.next();
            if (aFirst) {
                fit(a, batch, threads, sums, 0);
                fit(b, batch, threads, sums, 1);
            } else {
                fit(b, batch, threads, sums, 1);
                fit(a, batch, threads, sums, 0);
            }
            aFirst = !aFirst;
        }
        return sums;
    }

    private static void fit(MultiLayerNetwork network, DataSet batch, ThreadMXBean threads, long[] sums, int which) {
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        network.fit(batch);
        sums[2 + which] += System.nanoTime() - wall;
        sums[which] += threads.getCurrentThreadCpuTime() - cpu;
    }
}
