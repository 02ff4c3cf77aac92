package io.github.dl4jschedules.schedules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nd4j.linalg.schedule.ScheduleType.EPOCH;
import static org.nd4j.linalg.schedule.ScheduleType.ITERATION;

/** Every constructor argument is validated, with a message naming schedule, parameter, rule and value. */
class LectureSchedulesValidationTest {

    private static void rejects(Executable construction, String message) {
        assertThatThrownBy(construction::execute).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void constant() {
        rejects(() -> new ConstantRate(-0.1), "constant: lr must be finite and >= 0, got lr=-0.1");
        rejects(() -> new ConstantRate(Double.POSITIVE_INFINITY), "constant: lr must be finite and >= 0, got lr=Infinity");
    }

    @Test
    void inverseTime() {
        rejects(() -> new InverseTimeDecay(Double.NaN, 1, EPOCH), "inverse-time: lr must be finite and >= 0, got lr=NaN");
        rejects(() -> new InverseTimeDecay(0.1, -1, EPOCH), "inverse-time: decay must be finite and >= 0, got decay=-1.0");
        rejects(() -> new InverseTimeDecay(0.1, 1, null), "inverse-time: unit must be given, got null");
        rejects(() -> new InverseTimeDecay(0.1, 1, EPOCH, 0, false, 0), "inverse-time: period must be > 0, got period=0");
        rejects(() -> new InverseTimeDecay(0.1, 1, EPOCH).withFirst(-1), "inverse-time: first must be >= 0, got first=-1");
    }

    @Test
    void exponential() {
        rejects(() -> new ExponentialDecay(0.1, 0, ITERATION), "exponential: rate must be in (0, 1], got rate=0.0");
        rejects(() -> new ExponentialDecay(0.1, 1.01, ITERATION), "exponential: rate must be in (0, 1], got rate=1.01");
        rejects(() -> new ExponentialDecay(0.1, 0.9, ITERATION).withMin(0.2), "exponential: min must be <= lr (0.1), got min=0.2");
        rejects(() -> new ExponentialDecay(0.1, 0.9, ITERATION).withMin(-0.01), "exponential: min must be finite and >= 0, got min=-0.01");
        rejects(() -> new ExponentialDecay(0.1, 0.9, ITERATION).withPeriod(-3, true), "exponential: period must be > 0, got period=-3");
    }

    @Test
    void inverseSqrt() {
        rejects(() -> new InverseSqrtDecay(0.1, 0, EPOCH), "inverse-sqrt: k must be finite and > 0, got k=0.0");
        rejects(() -> new InverseSqrtDecay(1e300, 1e10, EPOCH), "inverse-sqrt: k must be such that lr*k is finite, got k=1.0E10");
        rejects(() -> new InverseSqrtDecay(0.1, 1, EPOCH, 1, 0, 0), "inverse-sqrt: first must be > 0, got first=0");
        rejects(() -> new InverseSqrtDecay(0.1, 1, EPOCH, 1, -1, 4), "inverse-sqrt: first must be >= 0, got first=-1");
        rejects(() -> InverseSqrtDecay.withWarmup(0.1, -4, ITERATION), "inverse-sqrt: warmup must be >= 0, got warmup=-4");
    }

    @Test
    void step() {
        rejects(() -> new StepDecay(0.1, 0.5, 0, EPOCH), "step: every must be > 0, got every=0");
        rejects(() -> new StepDecay(0.1, 2, 3, EPOCH), "step: factor must be in (0, 1], got factor=2.0");
    }

    @Test
    void multistep() {
        rejects(() -> new MultiStepDecay(0.1, 0.1, new int[]{5, 5}, EPOCH),
                "multistep: at must be strictly increasing integers >= 0, got at=[5, 5]");
        rejects(() -> new MultiStepDecay(0.1, 0.1, new int[]{-1, 5}, EPOCH),
                "multistep: at must be strictly increasing integers >= 0, got at=[-1, 5]");
        rejects(() -> new MultiStepDecay(0.1, 0.1, null, EPOCH), "multistep: at must be given, got null");
    }

    @Test
    void piecewise() {
        rejects(() -> new PiecewiseConstant(new double[]{0.1}, new int[]{3}, EPOCH),
                "piecewise: values must be one longer than at (1 boundaries), got values=[0.1]");
        rejects(() -> new PiecewiseConstant(new double[]{0.1, -0.1}, new int[]{3}, EPOCH),
                "piecewise: values must be finite and >= 0, got values=-0.1");
        rejects(() -> new PiecewiseConstant(new double[]{0.1, 0.2}, new int[]{3}, null),
                "piecewise: unit must be given, got null");
    }

    @Test
    void listsAreCopiedSoTheScheduleStaysImmutable() {
        int[] at = {2, 4};
        double[] values = {0.3, 0.2, 0.1};
        PiecewiseConstant schedule = new PiecewiseConstant(values, at, EPOCH);
        at[0] = 100;
        values[0] = 9;
        schedule.at()[1] = 100;
        schedule.values()[1] = 9;
        org.assertj.core.api.Assertions.assertThat(schedule.valueAt(0)).isEqualTo(0.3);
        org.assertj.core.api.Assertions.assertThat(schedule.valueAt(2)).isEqualTo(0.2);
        org.assertj.core.api.Assertions.assertThat(schedule.valueAt(4)).isEqualTo(0.1);
    }
}
