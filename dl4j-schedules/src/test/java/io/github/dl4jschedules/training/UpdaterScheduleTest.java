package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ModelAdapter#learningRateSchedule}: the schedule of any ND4J updater configuration, which IUpdater does not declare. */
class UpdaterScheduleTest {

    private final CounterSchedule schedule = Schedules.parse("exponential(lr=0.1, rate=0.5, unit=iteration)");

    @Test
    void theScheduleOfEveryUpdaterWithALearningRate() {
        assertThat(ModelAdapter.learningRateSchedule(new Sgd(schedule))).containsSame(schedule);
        assertThat(ModelAdapter.learningRateSchedule(new Adam(schedule))).containsSame(schedule);
        assertThat(ModelAdapter.learningRateSchedule(new Nesterovs(schedule, 0.9))).containsSame(schedule);
    }

    @Test
    void noScheduleForAFixedRate() {
        assertThat(ModelAdapter.learningRateSchedule(new Sgd(0.1))).isEmpty();
        assertThat(ModelAdapter.learningRateSchedule(new Adam(0.001))).isEmpty();
    }

    @Test
    void noScheduleForUpdatersWithoutALearningRate() {
        assertThat(ModelAdapter.learningRateSchedule(new AdaDelta())).isEmpty();
        assertThat(ModelAdapter.learningRateSchedule(new NoOp())).isEmpty();
    }
}
