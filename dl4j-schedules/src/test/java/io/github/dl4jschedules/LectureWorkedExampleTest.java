package io.github.dl4jschedules;

import io.github.dl4jschedules.schedules.InverseTimeDecay;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The worked example of the lecture (docs/learning-rate-decay.md), which every release must reproduce. */
class LectureWorkedExampleTest {

    /** The lecture's table: alpha0 = 0.2, decay_rate = 1, epochs counted from 1. */
    private static final double[] LECTURE_TABLE = {0.1, 0.2 / 3, 0.05, 0.04};

    @Test
    void specCountingEpochsFromOneReproducesTheTable() {
        ISchedule schedule = Schedules.parse("inverse-time(lr=0.2, decay=1, unit=epoch, first=1)");
        for (int epoch = 0; epoch < LECTURE_TABLE.length; epoch++) {
            assertThat(schedule.valueAt(0, epoch)).as("DL4J epoch %d = lecture epoch %d", epoch, epoch + 1)
                    .isCloseTo(LECTURE_TABLE[epoch], within(1e-15));
        }
    }

    @Test
    void javaApiCountingEpochsFromOneReproducesTheTable() {
        ISchedule schedule = new InverseTimeDecay(0.2, 1, ScheduleType.EPOCH).withFirst(1);
        for (int epoch = 0; epoch < LECTURE_TABLE.length; epoch++) {
            assertThat(schedule.valueAt(12345, epoch)).isCloseTo(LECTURE_TABLE[epoch], within(1e-15));
        }
    }

    @Test
    void tableRoundedAsPrintedInTheLecture() {
        ISchedule schedule = Schedules.parse("inverse-time(lr=0.2, decay=1, unit=epoch, first=1)");
        assertThat(String.format(java.util.Locale.ROOT, "%.4f", schedule.valueAt(0, 1))).isEqualTo("0.0667");
    }

    @Test
    void dl4jConventionGivesAlphaZeroOnTheFirstEpoch() {
        ISchedule schedule = Schedules.parse("inverse-time(lr=0.2, decay=1, unit=epoch)");
        assertThat(schedule.valueAt(0, 0)).isEqualTo(0.2);
        assertThat(schedule.valueAt(0, 1)).isCloseTo(LECTURE_TABLE[0], within(1e-15));
    }
}
