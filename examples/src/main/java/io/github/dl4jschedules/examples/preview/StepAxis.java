package io.github.dl4jschedules.examples.preview;

import io.github.dl4jschedules.schedules.CounterSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.List;
import java.util.Locale;

/**
 * What one step of a preview is, and the counters a schedule is given at that step.
 *
 * <p>At step {@code s} every schedule is asked for {@code valueAt(s, s / K)}, the call DL4J makes at
 * iteration {@code s} of a training with {@code K} iterations per epoch. The x axis counts epochs
 * only when no schedule counts iterations and {@code K} is not given; then {@code K = 1} and a step
 * is an epoch. Otherwise it counts iterations, and an epoch schedule changes every {@code K} steps.
 *
 * @param unit               what a step is: {@link ScheduleType#ITERATION} or {@link ScheduleType#EPOCH}
 * @param iterationsPerEpoch {@code K}, at least 1
 * @param note               one line for the reader saying what the x axis is
 */
record StepAxis(ScheduleType unit, int iterationsPerEpoch, String note) {

    /**
     * The axis for these schedules.
     *
     * @param iterationsPerEpoch {@code --iterations-per-epoch}, or {@code null} when not given (then 1)
     */
    static StepAxis of(List<CounterSchedule> schedules, Integer iterationsPerEpoch) {
        boolean countsIterations = schedules.stream().anyMatch(s -> s.unit() == ScheduleType.ITERATION);
        boolean countsEpochs = schedules.stream().anyMatch(s -> s.unit() == ScheduleType.EPOCH);
        if (iterationsPerEpoch == null && !countsIterations && countsEpochs) {
            return new StepAxis(ScheduleType.EPOCH, 1, "x axis: epoch (every schedule counts epochs)");
        }
        int k = iterationsPerEpoch == null ? 1 : iterationsPerEpoch;
        if (!countsEpochs) {
            return new StepAxis(ScheduleType.ITERATION, k, "x axis: iteration");
        }
        String source = iterationsPerEpoch == null
                ? "the default; set --iterations-per-epoch to your training's"
                : "--iterations-per-epoch";
        return new StepAxis(ScheduleType.ITERATION, k, String.format(Locale.ROOT,
                "x axis: iteration; epoch schedules see epoch = iteration / %d (%d iteration%s per epoch, %s)",
                k, k, k == 1 ? "" : "s", source));
    }

    /** The value DL4J would use at this step: {@code schedule.valueAt(step, step / K)}. */
    double valueAt(CounterSchedule schedule, int step) {
        return schedule.valueAt(step, step / iterationsPerEpoch);
    }

    /** The name of a step: {@code iteration} or {@code epoch}. */
    String stepName() {
        return unit == ScheduleType.EPOCH ? "epoch" : "iteration";
    }
}
