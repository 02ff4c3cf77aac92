package io.github.dl4jschedules.examples.preview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad arguments end with exit code 2, a message naming the option or spec and value, and the usage. */
class PreviewArgumentsTest {

    @Test
    void aBadSpecShowsWhereItBreaks() {
        PreviewRun run = PreviewRun.of("cosine(lr=0.1, steps=0)");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("steps must be > 0, got steps=0", "  ^", "Usage: examples/run preview");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aBadSpecAfterAGoodOneIsReportedTheSameWay() {
        PreviewRun run = PreviewRun.of("cosine(lr=0.1, steps=10)", "cosin(lr=0.1)");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown schedule 'cosin' at 0", "cosin(lr=0.1)\n  ^", "presets: constant");
    }

    @Test
    void aScheduleIsRequired() {
        PreviewRun run = PreviewRun.of("--steps", "10");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter", "SPEC|PRESET");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "--steps; 0; --steps must be >= 1, got 0",
        "--steps; -5; --steps must be >= 1, got -5",
        "--steps; 1000001; --steps must be <= 1000000, got 1000001",
        "--iterations-per-epoch; 0; --iterations-per-epoch must be >= 1, got 0",
        "--at; 0,-3; --at steps must be >= 0, got -3",
        "--at; 1,x; --at",
        "--width; 50; --width must be >= 100, got 50",
        "--height; 99; --height must be >= 100, got 99"})
    void aBadOptionIsNamedWithItsValue(String option, String value, String message) {
        PreviewRun run = PreviewRun.of("constant(lr=0.1)", option, value);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message, "Usage: examples/run preview");
    }

    @Test
    void helpListsTheOptions() {
        PreviewRun run = PreviewRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--at", "--steps", "--iterations-per-epoch", "--chart", "--log-y", "--csv");
        assertThat(run.out().replaceAll("\\s+", "")).contains("orpresets:constant,inverse-time,exponential,"
                + "inverse-sqrt-epoch,inverse-sqrt-iteration,staircase.");
    }
}
