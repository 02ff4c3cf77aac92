package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.spec.SpecParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The README's promise at the edges of what is accepted (issue 10, point 8): huge values are either
 * refused with an error naming the parameter, or give finite, non-negative rates at every counter up
 * to {@code Integer.MAX_VALUE}.
 */
class ExtremeValuesTest {

    private static final long[] COUNTERS = LongStream.concat(LongStream.rangeClosed(0, 40),
            LongStream.of(1_000, 1L << 20, Integer.MAX_VALUE / 2, Integer.MAX_VALUE - 2, Integer.MAX_VALUE - 1,
                    Integer.MAX_VALUE)).toArray();

    @ParameterizedTest
    @ValueSource(strings = {
            "cosine(lr=1e308, steps=10)",
            "warmup(steps=1, then=cosine(lr=1e308, steps=9))",
            "inverse-sqrt(lr=1e300, first=0, warmup=2147483646)",
            "scaled(factor=1e300, of=constant(lr=1e300))",
            "inverse-sqrt(lr=1e300, k=1e300)",
            "one-cycle(max=1e300, total=10, div=1e-300)",
            "polynomial(lr=1e308, end=1e308, steps=3)",
            "linear(from=0, to=1.7e308, steps=3)",
            "cyclic(min=1e308, max=1.7e308, half=2)"})
    void hugeValuesAreRefusedNamingTheParameterOrStayFinite(String spec) {
        CounterSchedule schedule;
        try {
            schedule = Schedules.parse(spec);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).matches("[a-z-]+: [a-z-]+ must be .*, got .*");
            return;
        }
        assertFiniteAndNonNegative(schedule);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "cosine(lr=1e6, steps=10)", "cosine(lr=1.7e308, min=1.6e308, steps=10)",
            "warmup(steps=1, then=cosine(lr=1e6, steps=9))",
            "inverse-sqrt(lr=1e6, k=1e6, first=0, warmup=2147483646)",
            "inverse-sqrt(lr=1e6, k=1e6, first=1, warmup=2147483647)",
            "one-cycle(max=1e6, total=10, div=1e-6, final-div=1e-6)",
            "one-cycle(max=1e6, total=2147483647, div=1e6, final-div=1e6, three-phase=true)",
            "cyclic(min=0, max=1e6, half=1, mode=exp-range, gamma=1)",
            "cosine-restarts(lr=1e6, period=1, mult=1e300)",
            "polynomial(lr=1e6, end=1e6, steps=1, power=1e300, cycle=true)",
            "inverse-time(lr=1e6, decay=1e6, unit=iteration)",
            "linear(from=0, to=1e6, steps=1)"})
    void largestAcceptedValuesStayFiniteAndNonNegative(String spec) {
        assertFiniteAndNonNegative(Schedules.parse(spec));
    }

    @Test
    void deepestScaledCompositionOfLargestFactorsStaysFinite() {
        String spec = "constant(lr=1e6)";
        for (int depth = 1; depth < SpecParser.MAX_NESTING; depth++) {
            spec = "scaled(factor=1e6, of=" + spec + ")";
        }
        CounterSchedule deepest = Schedules.parse(spec);
        assertFiniteAndNonNegative(deepest);
        assertThat(deepest.valueAt(0)).isCloseTo(Math.pow(1e6, SpecParser.MAX_NESTING), withinPercentage(1e-9));
    }

    private static void assertFiniteAndNonNegative(CounterSchedule schedule) {
        for (long n : COUNTERS) {
            assertThat(schedule.valueAt(n)).as("%s at n=%d", schedule, n).isFinite().isGreaterThanOrEqualTo(0);
        }
    }
}
