package io.github.dl4jschedules.parallel;

import io.github.dl4jschedules.schedules.Check;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.Scaled;
import io.github.dl4jschedules.schedules.Warmup;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The large-batch recipe of Goyal et al. 2017 ("Accurate, Large Minibatch SGD: Training ImageNet in
 * 1 Hour", sections 2.1 and 2.2): when the mini-batch grows k times, multiply the rate by k (the
 * linear scaling rule), and reach that rate by a linear ramp from the small-batch rate over the first
 * few epochs (gradual warm-up; the paper uses 5).
 *
 * <p>For a {@code base} schedule tuned for mini-batches of b examples, training with k*b examples
 * per step (N data-parallel workers of b each: k = N) uses
 * <pre>
 * alpha(n) = eta + (k*eta - eta) * n / W     for n &lt; W     (eta = base(0))
 * alpha(n) = k * base(n - W)                 for n &gt;= W
 * </pre>
 * which is the catalogue's {@code warmup(steps=W, start=eta, then=scaled(factor=k, of=base), unit=u)},
 * printed by the result's {@code toString()}. Legend: {@code n} the counter of {@code u}; with a base
 * that counts epochs, {@code u} is epoch and {@code W} the warm-up epochs, so the rate rises once per
 * epoch; otherwise {@code u} is iteration and {@code W = epochs * stepsPerEpoch}, so it rises at every
 * step, as in the paper. The ramp reaches {@code k*eta = then(0)} at {@code n = W}, without a jump.
 *
 * <p>Where this differs from the paper, on purpose: the base schedule starts after the warm-up
 * ({@code base(n - W)}, Optax's {@code join_schedules} convention, the catalogue's {@code warmup}), so it
 * runs whole whatever W is. The paper keeps its decay epochs absolute (divide by 10 at epochs 30, 60,
 * 80 with a 5-epoch warm-up); to get those, give the base its boundaries minus W
 * ({@code multistep(lr=0.1, at=[25, 55, 75], unit=epoch)}). With k = 1 nothing is scaled and the base
 * comes back unchanged; with W = 0 the result is {@code scaled(factor=k, of=base)}.
 *
 * <p>What a step is depends on the engine: with {@link ScheduledParallelTraining}, one mini-batch of
 * one worker, so {@code stepsPerEpoch} is the number of mini-batches in the data, whatever the
 * workers; on Spark's parameter averaging, DL4J's iteration is one step of all workers at once, and
 * the schedule counts one worker's mini-batches when it runs as {@link WorkerSteps} (as the Spark
 * example runs it), so there too {@code stepsPerEpoch} is the number of mini-batches in the data.
 */
public final class LinearScaling {

    private LinearScaling() {
    }

    /**
     * The base schedule for k times the batch, with a gradual warm-up.
     *
     * @param base          the schedule tuned for the small batch
     * @param k             how many times larger the batch is, finite and {@code > 0}
     * @param warmupEpochs  warm-up length in epochs, {@code >= 0}
     * @param stepsPerEpoch iterations per epoch, {@code > 0}; used when {@code base} does not count epochs
     * @return {@code base} when {@code k} is 1; else {@code scaled(k, base)}, warmed up from {@code base}'s first rate over {@code warmupEpochs} when that is {@code > 0}
     * @throws IllegalArgumentException naming the parameter, the rule and the value
     */
    public static CounterSchedule goyal(CounterSchedule base, double k, int warmupEpochs, int stepsPerEpoch) {
        if (base == null) {
            throw new IllegalArgumentException("linear scaling: base must be given, got null");
        }
        require(Double.isFinite(k) && k > 0, "k", "finite and > 0", k);
        require(warmupEpochs >= 0, "warmupEpochs", ">= 0", warmupEpochs);
        require(stepsPerEpoch > 0, "stepsPerEpoch", "> 0", stepsPerEpoch);
        if (k == 1) {
            return base;
        }
        Scaled scaled = new Scaled(k, base);
        if (warmupEpochs == 0) {
            return scaled;
        }
        if (base.unit() == ScheduleType.EPOCH) {
            return new Warmup(warmupEpochs, base.valueAt(0), scaled, ScheduleType.EPOCH);
        }
        return new Warmup(Math.multiplyExact(warmupEpochs, stepsPerEpoch), base.valueAt(0), scaled,
                ScheduleType.ITERATION);
    }

    private static void require(boolean condition, String parameter, String rule, Object value) {
        if (!condition) {
            throw new IllegalArgumentException(Check.message("linear scaling", parameter, rule, value));
        }
    }
}
