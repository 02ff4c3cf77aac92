package io.github.dl4jschedules.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text form of the commands: what is read, and what each mistake is told. */
class RateCommandTest {

    @Test
    void readsEachCommand() {
        assertThat(RateCommand.parse("factor 0.5")).isEqualTo(new RateCommand.Multiply(0.5));
        assertThat(RateCommand.parse("  SET \t 1e-3  ")).isEqualTo(new RateCommand.Set(0.001));
        assertThat(RateCommand.parse("fixed 0")).isEqualTo(new RateCommand.Fix(0.0));
        assertThat(RateCommand.parse("Fixed 2.5E-4")).isEqualTo(new RateCommand.Fix(2.5e-4));
        assertThat(RateCommand.parse("schedule")).isEqualTo(new RateCommand.Resume());
        assertThat(RateCommand.parse("SCHEDULE ")).isEqualTo(new RateCommand.Resume());
    }

    @Test
    void toStringReadsBack() {
        for (RateCommand command : new RateCommand[]{new RateCommand.Multiply(0.25), new RateCommand.Set(0.003),
                new RateCommand.Fix(1e-5), new RateCommand.Resume()}) {
            assertThat(RateCommand.parse(command.toString())).isEqualTo(command);
        }
        assertThat(new RateCommand.Multiply(0.5)).hasToString("factor 0.5");
        assertThat(new RateCommand.Resume()).hasToString("schedule");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
            "\"\" => unknown command ''; expected factor F | set R | fixed R | schedule | cooldown N",
            "faster => unknown command 'faster'; expected factor F | set R | fixed R | schedule | cooldown N",
            "factor=0.5 => unknown command 'factor=0.5'; expected factor F | set R | fixed R | schedule | cooldown N",
            "factor => 'factor' takes one number, got 'factor'",
            "set 1 2 => 'set' takes one number, got 'set 1 2'",
            "fixed abc => 'fixed' takes a number, got 'abc'",
            "factor 50% => 'factor' takes a number, got '50%'",
            "schedule now => 'schedule' takes no value, got 'schedule now'",
            "factor 0 => rate command: factor must be finite and > 0, got factor=0.0",
            "factor -2 => rate command: factor must be finite and > 0, got factor=-2.0",
            "factor NaN => rate command: factor must be finite and > 0, got factor=NaN",
            "factor Infinity => rate command: factor must be finite and > 0, got factor=Infinity",
            "set -0.1 => rate command: rate must be finite and >= 0, got rate=-0.1",
            "set NaN => rate command: rate must be finite and >= 0, got rate=NaN",
            "fixed Infinity => rate command: rate must be finite and >= 0, got rate=Infinity"})
    void mistakesAreExplained(String line, String message) {
        assertThatThrownBy(() -> RateCommand.parse(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void theRecordsCheckTheirValues() {
        assertThatThrownBy(() -> new RateCommand.Multiply(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateCommand.Set(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateCommand.Fix(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RateCommand.Set(0).rate()).isZero();
    }
}
