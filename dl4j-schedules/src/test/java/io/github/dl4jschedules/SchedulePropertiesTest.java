package io.github.dl4jschedules;

import io.github.dl4jschedules.ScheduleExamples.Example;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties every schedule of the catalogue must have, checked over {@link ScheduleExamples}. */
class SchedulePropertiesTest {

    private static final long[] FAR_COUNTERS = {
            1_000, 65_535, 1L << 20, Integer.MAX_VALUE / 2, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};

    /** Dense at the start (where warm-ups and the first boundaries are), then far out. */
    private static LongStream counters() {
        return LongStream.concat(LongStream.rangeClosed(0, 300), LongStream.of(FAR_COUNTERS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.dl4jschedules.ScheduleExamples#all")
    void finiteAndNonNegativeUpToIntegerMaxValue(Example example) {
        CounterSchedule schedule = example.schedule();
        counters().forEach(n -> assertThat(schedule.valueAt(n)).as("n=%d", n).isFinite().isGreaterThanOrEqualTo(0));
        assertThat(schedule.valueAt(Integer.MAX_VALUE, Integer.MAX_VALUE)).isFinite().isGreaterThanOrEqualTo(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.dl4jschedules.ScheduleExamples#all")
    void decaysNeverRise(Example example) {
        if (!example.nonIncreasing()) {
            return;
        }
        CounterSchedule schedule = example.schedule();
        long[] n = counters().toArray();
        for (int i = 1; i < n.length; i++) {
            assertThat(schedule.valueAt(n[i])).as("n=%d after n=%d", n[i], n[i - 1])
                    .isLessThanOrEqualTo(schedule.valueAt(n[i - 1]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.dl4jschedules.ScheduleExamples#all")
    void followsOnlyItsOwnCounter(Example example) {
        CounterSchedule schedule = example.schedule();
        for (int own = 0; own < 40; own++) {
            double expected = schedule.valueAt(own);
            for (int other : new int[]{0, 1, 13, 1000, Integer.MAX_VALUE}) {
                double actual = schedule.unit() == ScheduleType.EPOCH
                        ? schedule.valueAt(other, own)
                        : schedule.valueAt(own, other);
                assertThat(actual).as("own counter %d, other counter %d", own, other).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.dl4jschedules.ScheduleExamples#all")
    void isAPureFunctionOfTheCounter(Example example) {
        CounterSchedule schedule = example.schedule();
        double late = schedule.valueAt(200);
        counters().limit(200).forEach(schedule::valueAt);
        assertThat(schedule.valueAt(200)).isEqualTo(late);
        assertThat(example.schedule().valueAt(200)).isEqualTo(late);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.dl4jschedules.ScheduleExamples#all")
    void cloneIsEqualAndGivesTheSameValues(Example example) {
        CounterSchedule schedule = example.schedule();
        assertThat(schedule.clone()).isEqualTo(schedule).hasSameHashCodeAs(schedule);
        counters().limit(50).forEach(n -> assertThat(schedule.clone().valueAt(n)).isEqualTo(schedule.valueAt(n)));
    }
}
