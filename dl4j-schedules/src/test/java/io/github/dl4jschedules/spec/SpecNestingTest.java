package io.github.dl4jschedules.spec;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.Scaled;
import io.github.dl4jschedules.schedules.SequenceSchedule;
import io.github.dl4jschedules.schedules.Warmup;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The nesting limit (issue 10, point 3): no spec, however deep, exhausts the stack. */
class SpecNestingTest {

    /** {@code levels - 1} warm-ups around a constant: {@code levels} schedules deep. */
    private static String warmups(int levels) {
        return "warmup(steps=1, then=".repeat(levels - 1) + "constant(lr=0.1)" + ")".repeat(levels - 1);
    }

    @Test
    void aDeepSyntaxErrorIsASpecErrorNamingTheLimit() {
        assertThatThrownBy(() -> Schedules.parse("x(".repeat(3000)))
                .isInstanceOf(SpecException.class)
                .hasMessage("schedules nest deeper than the nesting limit of 32, found 'x(' at depth 33 at 64")
                .satisfies(e -> assertThat(((SpecException) e).position()).isEqualTo(64));
    }

    @Test
    void tenThousandNestedWarmupsAreASpecErrorNamingTheLimit() {
        assertThatThrownBy(() -> Schedules.parse(warmups(10_000)))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("schedules nest deeper than the nesting limit of 32, found 'warmup(' at depth 33 at ");
    }

    @Test
    void theLimitItselfParsesAndEveryWalkOverItWorks() {
        CounterSchedule deepest = Schedules.parse(warmups(32));
        assertThat(deepest.nesting()).isEqualTo(32);
        assertThat(deepest.toString()).isEqualTo(Schedules.parse(deepest.toString()).toString());
        CounterSchedule again = Schedules.parse(warmups(32));
        assertThat(again).isEqualTo(deepest).hasSameHashCodeAs(deepest);
        assertThat(deepest.valueAt(40, 0)).isEqualTo(0.1);

        MultiLayerConfiguration configuration = TinyNetworks.mlp(new Sgd(deepest));
        assertThat(MultiLayerConfiguration.fromJson(configuration.toJson())).isEqualTo(configuration);
        assertThatThrownBy(() -> Schedules.parse(warmups(33))).isInstanceOf(SpecException.class)
                .hasMessageContaining("nesting limit of 32");
    }

    @Test
    void constructorsKeepTheSameLimitForSchedulesBuiltInJava() {
        CounterSchedule deepest = Schedules.parse(warmups(32));
        assertThatThrownBy(() -> new Warmup(1, deepest, ScheduleType.ITERATION))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warmup: then must nest at most 31 schedules (the nesting limit is 32), got 32");
        assertThatThrownBy(() -> new Scaled(0.5, deepest))
                .hasMessage("scaled: of must nest at most 31 schedules (the nesting limit is 32), got 32");
        assertThatThrownBy(() -> new SequenceSchedule(List.of(new ConstantRate(0.1), deepest), new int[]{3},
                ScheduleType.ITERATION))
                .hasMessage("sequence: pieces must nest at most 31 schedules (the nesting limit is 32), got 32");
        assertThat(new Scaled(0.5, Schedules.parse(warmups(31))).nesting()).isEqualTo(32);
    }
}
