package io.github.dl4jschedules.benchmarks;

import org.nd4j.linalg.schedule.ISchedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The cost of one {@code valueAt(iteration, epoch)} call, for every schedule of {@link Specimens}.
 * The counters move on at every call (iterations 0 to 16,383, 469 iterations per epoch, as for 30,000
 * examples in batches of 64), so that no branch or value can be hoisted out of the loop; the result is
 * returned to JMH, which consumes it. Run with {@code -prof gc} for the allocation per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ValueAtBenchmark {

    private static final int COUNTER_MASK = (1 << 14) - 1;
    private static final int ITERATIONS_PER_EPOCH = 469;

    /** The key of the schedule in {@link Specimens}. */
    @Param({"catalogue:constant", "catalogue:step", "catalogue:multistep", "catalogue:piecewise", "catalogue:exponential",
            "catalogue:inverse-time", "catalogue:inverse-sqrt", "catalogue:polynomial", "catalogue:cosine",
            "catalogue:cosine-restarts", "catalogue:linear", "catalogue:cyclic", "catalogue:one-cycle", "catalogue:warmup",
            "catalogue:sequence", "catalogue:scaled",
            "nd4j:FixedSchedule", "nd4j:StepSchedule", "nd4j:MapSchedule", "nd4j:ExponentialSchedule", "nd4j:InverseSchedule",
            "nd4j:PolySchedule", "nd4j:CycleSchedule"})
    public String schedule;

    private ISchedule target;
    private int iteration;

    /** Looks the schedule up once per trial. */
    @Setup
    public void setUp() {
        target = Specimens.get(schedule);
        iteration = 0;
    }

    /** One call at the next iteration. */
    @Benchmark
    public double valueAt() {
        int i = (iteration + 1) & COUNTER_MASK;
        iteration = i;
        return target.valueAt(i, i / ITERATIONS_PER_EPOCH);
    }
}
