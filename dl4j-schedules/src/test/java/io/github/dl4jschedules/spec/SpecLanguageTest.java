package io.github.dl4jschedules.spec;

import io.github.dl4jschedules.ScheduleExamples.Example;
import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.ExponentialDecay;
import io.github.dl4jschedules.schedules.InverseTimeDecay;
import io.github.dl4jschedules.schedules.PiecewiseConstant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpecLanguageTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.dl4jschedules.ScheduleExamples#all")
    void canonicalFormRoundTripsExactly(Example example) {
        CounterSchedule schedule = example.schedule();
        String canonical = schedule.toString();
        CounterSchedule reparsed = Schedules.parse(canonical);
        assertThat(reparsed).isEqualTo(schedule).hasSameHashCodeAs(schedule);
        assertThat(reparsed.toString()).isEqualTo(canonical);
    }

    @Test
    void canonicalFormWritesEveryParameterInTheCatalogueOrder() {
        assertThat(Schedules.parse("exponential(rate=0.95, lr=0.1, unit=epoch)"))
                .hasToString("exponential(lr=0.1, rate=0.95, unit=epoch, period=1, staircase=false, first=0, min=0.0)");
        assertThat(Schedules.parse("inverse-time(lr=0.2, decay=1, first=1)"))
                .hasToString("inverse-time(lr=0.2, decay=1.0, unit=iteration, period=1, staircase=false, first=1)");
        assertThat(Schedules.parse("inverse-sqrt(lr=1e-3)"))
                .hasToString("inverse-sqrt(lr=0.001, k=1.0, unit=iteration, period=1, first=1, warmup=0)");
        assertThat(Schedules.parse("step(lr=0.1, every=30, unit=epoch)"))
                .hasToString("step(lr=0.1, factor=0.5, every=30, unit=epoch, first=0)");
        assertThat(Schedules.parse("multistep(lr=0.1, at=[30, 80])"))
                .hasToString("multistep(lr=0.1, factor=0.1, at=[30, 80], unit=iteration)");
        assertThat(Schedules.parse("piecewise(values=[1e-1, 1e-2], at=[5], unit=epoch)"))
                .hasToString("piecewise(values=[0.1, 0.01], at=[5], unit=epoch)");
        assertThat(Schedules.parse("constant(lr=1e-4)")).hasToString("constant(lr=1.0E-4)");
    }

    @Test
    void specAndJavaConstructorBuildEqualSchedules() {
        assertThat(Schedules.parse("inverse-time(lr=0.2, decay=1, unit=epoch, first=1)"))
                .isEqualTo(new InverseTimeDecay(0.2, 1, ScheduleType.EPOCH).withFirst(1));
        assertThat(Schedules.parse("exponential(lr=0.1, rate=0.5, period=10, staircase=true)"))
                .isEqualTo(new ExponentialDecay(0.1, 0.5, ScheduleType.ITERATION).withPeriod(10, true));
        assertThat(Schedules.parse("piecewise(values=[0.1, 0.01], at=[5])"))
                .isEqualTo(new PiecewiseConstant(new double[]{0.1, 0.01}, new int[]{5}, ScheduleType.ITERATION));
    }

    @Test
    void whitespaceBetweenTokensIsIgnored() {
        assertThat(Schedules.parse("  step ( lr = 0.1 ,\tfactor=0.5,every = 2 , unit =epoch )  "))
                .isEqualTo(Schedules.parse("step(lr=0.1,factor=0.5,every=2,unit=epoch)"));
    }

    @Test
    void numbersUseJavaSyntaxAndAreLocaleIndependent() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            CounterSchedule schedule = Schedules.parse("exponential(lr=1.5E-3, rate=.95, period=2)");
            assertThat(schedule.toString()).startsWith("exponential(lr=0.0015, rate=0.95,");
            assertThat(Schedules.parse(schedule.toString())).isEqualTo(schedule);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void integersAcceptAWholeNumberWrittenAsDouble() {
        assertThat(Schedules.parse("step(lr=0.1, every=2.0)")).isEqualTo(Schedules.parse("step(lr=0.1, every=2)"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "exponential(lr=0.1, rate=-0.5)| exponential: rate must be in (0, 1], got rate=-0.5 at 25|25",
            "exponential(lr=0.1, rat=0.5)| exponential: unknown parameter 'rat' at 20; known: lr, rate, unit, period, staircase, first, min|20",
            "exponential(lr=0.1)| exponential: missing parameter 'rate' at 0; required: lr, rate|0",
            "step(lr=0.1, every=2, lr=0.2)| step: parameter 'lr' given twice at 22|22",
            "step(lr=fast, every=2)| step: lr must be a number, got 'fast' at 8|8",
            "step(lr=0.1, every=2.5)| step: every must be an integer, got 2.5 at 19|19",
            "step(lr=0.1, every=2, unit=week)| step: unit must be iteration or epoch, got 'week' at 27|27",
            "inverse-time(lr=0.1, decay=1, staircase=yes)| inverse-time: staircase must be true or false, got 'yes' at 40|40",
            "multistep(lr=0.1, at=[3, 2])| multistep: at must be strictly increasing integers >= 0, got at=[3, 2] at 21|21",
            "multistep(lr=0.1, at=5)| multistep: at must be a list of integers like [10, 20], got 5 at 21|21",
            "step(lr=0.1, every=2, constant(lr=1))| step: expected key=value, found schedule 'constant' at 22|22",
            "step(lr=0.1 every=2)| expected ',' or ')', found 'every' at 12|12",
            "step(lr=0.1,)| expected 'key=value' or a schedule, found ')' at 12|12",
            "step(lr=0.1, every=2) extra| expected end of spec, found 'extra' at 22|22",
            "step(lr=0.1, every=2| expected ',' or ')', found end of spec at 20|20",
            "step(lr=0.1, every=#2)| unexpected character '#' at 19|19",
            "''| expected a schedule name, found end of spec at 0|0",
            "piecewise(values=[0.1, 0.01, 0.001], at=[5])| piecewise: values must be one longer than at (1 boundaries), got values=[0.1, 0.01, 0.001] at 17|17",
            "constant(lr=NaN)| constant: lr must be finite and >= 0, got lr=NaN at 12|12",
            "constant(lr=Infinity)| constant: lr must be finite and >= 0, got lr=Infinity at 12|12",
    })
    void malformedSpecsAreRejectedWithMessageAndPosition(String spec, String message, int position) {
        assertThatThrownBy(() -> Schedules.parse(spec))
                .isInstanceOf(SpecException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((SpecException) e).position()).isEqualTo(position));
    }

    @Test
    void unknownScheduleListsTheKnownOnes() {
        assertThatThrownBy(() -> Schedules.parse("cosin(lr=0.1)"))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("unknown schedule 'cosin' at 0; known: constant, inverse-time, exponential, "
                        + "inverse-sqrt, step, multistep, piecewise");
    }

    @Test
    void pointerDrawsACaretUnderThePosition() {
        SpecException e = (SpecException) org.assertj.core.api.Assertions.catchThrowable(
                () -> Schedules.parse("step(lr=0.1, every=#2)"));
        assertThat(e.pointer()).isEqualTo("step(lr=0.1, every=#2)" + System.lineSeparator() + " ".repeat(19) + "^");
    }

    @Test
    void nullSpecIsRejected() {
        assertThatThrownBy(() -> Schedules.parse(null)).isInstanceOf(SpecException.class)
                .hasMessage("spec must not be null");
    }

    @Test
    void everyDefinitionDescribesItsUsage() {
        assertThat(Schedules.definitions()).allSatisfy(definition -> {
            assertThat(definition.usage()).startsWith(definition.name() + "(");
            assertThat(definition.summary()).isNotBlank();
        });
        assertThat(ExponentialDecay.SPEC.usage())
                .isEqualTo("exponential(lr, rate, unit=iteration|epoch, period=1, staircase=false, first=0, min=0.0)");
    }
}
