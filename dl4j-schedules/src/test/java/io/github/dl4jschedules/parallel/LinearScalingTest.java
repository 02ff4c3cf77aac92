package io.github.dl4jschedules.parallel;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The linear scaling rule with gradual warm-up, against the formulas of Goyal et al. 2017, section 2. */
class LinearScalingTest {

    @Test
    void anIterationScheduleWarmsUpAtEveryStepFromEtaToKEtaThenRunsScaled() {
        CounterSchedule base = Schedules.parse("cosine(lr=0.1, steps=100)");
        CounterSchedule recipe = LinearScaling.goyal(base, 4, 5, 10);

        assertThat(recipe).hasToString(
                "warmup(steps=50, start=0.1, then=scaled(factor=4.0, of=cosine(lr=0.1, steps=100, min=0.0, unit=iteration)), unit=iteration)");
        assertThat(recipe.valueAt(0)).isEqualTo(0.1);
        assertThat(recipe.valueAt(25)).isCloseTo(0.25, within(1e-15));    // 0.1 + (0.4 - 0.1) * 25 / 50
        assertThat(recipe.valueAt(49)).isCloseTo(0.394, within(1e-15));
        assertThat(recipe.valueAt(50)).isCloseTo(0.4, within(1e-15));      // k * eta
        assertThat(recipe.valueAt(100)).isCloseTo(0.2, within(1e-15));     // 4 * cosine(50) = 4 * 0.05
        assertThat(recipe.valueAt(150)).isZero();
    }

    @Test
    void anEpochScheduleWarmsUpOncePerEpoch() {
        CounterSchedule base = Schedules.parse("multistep(lr=0.1, at=[25, 55, 75], unit=epoch)");
        CounterSchedule recipe = LinearScaling.goyal(base, 8, 5, 100);

        assertThat(recipe.unit()).hasToString("EPOCH");
        assertThat(recipe.valueAt(0, 0)).isEqualTo(0.1);
        assertThat(recipe.valueAt(0, 1)).isCloseTo(0.24, within(1e-15));   // 0.1 + 0.7 * 1 / 5
        assertThat(recipe.valueAt(0, 5)).isCloseTo(0.8, within(1e-15));
        assertThat(recipe.valueAt(0, 29)).isCloseTo(0.8, within(1e-15));
        assertThat(recipe.valueAt(0, 30)).as("the paper's first decay, at epoch 30").isCloseTo(0.08, within(1e-15));
        assertThat(recipe.valueAt(0, 80)).as("and its third, at 80").isCloseTo(0.0008, within(1e-15));
    }

    @Test
    void oneWorkerKeepsTheBaseAndNoWarmupOnlyScales() {
        CounterSchedule base = Schedules.parse("exponential(lr=0.1, rate=0.9)");

        assertThat(LinearScaling.goyal(base, 1, 5, 10)).isSameAs(base);
        assertThat(LinearScaling.goyal(base, 2, 0, 10)).isEqualTo(Schedules.parse("scaled(factor=2, of=exponential(lr=0.1, rate=0.9))"));
        assertThat(LinearScaling.goyal(Schedules.parse("constant(lr=0.1)"), 2, 1, 3).unit()).hasToString("ITERATION");
    }

    @Test
    void badArgumentsAreNamed() {
        CounterSchedule base = Schedules.parse("constant(lr=0.1)");

        assertThatThrownBy(() -> LinearScaling.goyal(base, 0, 5, 10)).hasMessage("linear scaling: k must be finite and > 0, got k=0.0");
        assertThatThrownBy(() -> LinearScaling.goyal(base, 2, -1, 10))
                .hasMessage("linear scaling: warmupEpochs must be >= 0, got warmupEpochs=-1");
        assertThatThrownBy(() -> LinearScaling.goyal(base, 2, 5, 0))
                .hasMessage("linear scaling: stepsPerEpoch must be > 0, got stepsPerEpoch=0");
        assertThatThrownBy(() -> LinearScaling.goyal(null, 2, 5, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
