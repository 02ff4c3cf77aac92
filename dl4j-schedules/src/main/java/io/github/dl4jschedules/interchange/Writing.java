package io.github.dl4jschedules.interchange;

import io.github.dl4jschedules.schedules.CounterSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** The checks the writers share, each refusal naming the schedule, the framework and the reason. */
final class Writing {

    private Writing() {
    }

    /** A schedule of this library; other {@link ISchedule}s have no known formula. */
    static CounterSchedule ours(ISchedule schedule, String framework) {
        if (schedule instanceof CounterSchedule ours) {
            return ours;
        }
        throw new IllegalArgumentException("cannot write " + (schedule == null ? "null" : schedule.getClass().getName())
                + " for " + framework + ": only the catalogue's schedules (Schedules.parse) have a known formula");
    }

    static void requireIterations(CounterSchedule schedule, String framework, String why) {
        require(schedule.unit() == null || schedule.unit() == ScheduleType.ITERATION, schedule, framework,
                "unit=epoch (" + why + "; use unit=iteration)");
    }

    static void require(boolean holds, CounterSchedule schedule, String framework, String reason) {
        if (!holds) {
            throw refuse(schedule, framework, reason);
        }
    }

    static IllegalArgumentException refuse(CounterSchedule schedule, String framework, String reason) {
        return new IllegalArgumentException("no exact " + framework + " form for " + schedule + ": " + reason);
    }
}
