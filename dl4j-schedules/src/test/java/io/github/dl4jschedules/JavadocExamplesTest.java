package io.github.dl4jschedules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Example:} of every schedule's Javadoc states values that the golden table
 * ({@code tools/golden/generate_golden.py}, independent references) confirms: each example is listed
 * once below with the values its Javadoc states, the Javadoc must contain its spec and those values,
 * and the golden row of the same spec and counter must give each value (exactly where the Javadoc
 * writes one or two significant digits, rounded to the digits written where it writes three or more).
 */
class JavadocExamplesTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/dl4jschedules/schedules");

    /** A spec and the values the Javadoc states for counters n: {@code values[i]} at {@code first + i}. */
    record Stated(int first, List<String> values) {
    }

    /** One Javadoc example: its class, the spec as written there, and its stated values. */
    record Example(String className, String spec, List<Stated> stated) {
        @Override
        public String toString() {
            return className + ": " + spec;
        }
    }

    private static Stated at(int first, String... values) {
        return new Stated(first, List.of(values));
    }

    private static Example example(String className, String spec, Stated... stated) {
        return new Example(className, spec, List.of(stated));
    }

    static List<Example> examples() {
        return List.of(
                example("PiecewiseConstant", "piecewise(values=[0.1, 0.05, 0.01], at=[2, 5], unit=epoch)",
                        at(0, "0.1", "0.1", "0.05", "0.05", "0.05", "0.01")),
                example("Scaled", "scaled(factor=0.5, of=step(lr=0.1, every=2))",
                        at(0, "0.05", "0.05", "0.025", "0.025")),
                example("CosineDecay", "cosine(lr=0.1, steps=4, min=0.001)",
                        at(0, "0.1", "0.0855018", "0.0505", "0.0154982", "0.001", "0.001")),
                example("MultiStepDecay", "multistep(lr=0.1, factor=0.1, at=[3, 6], unit=epoch)",
                        at(0, "0.1", "0.1", "0.1", "0.01", "0.01", "0.01", "0.001")),
                example("ExponentialDecay", "exponential(lr=0.1, rate=0.95, unit=epoch)",
                        at(0, "0.1", "0.095", "0.09025")),
                example("SequenceSchedule", "sequence(constant(lr=0.01), linear(from=0.1, to=0, steps=2), at=[2])",
                        at(0, "0.01", "0.01", "0.1", "0.05", "0", "0")),
                example("PolynomialDecay", "polynomial(lr=0.1, end=0.01, steps=4, power=2)",
                        at(0, "0.1", "0.060625", "0.0325", "0.015625", "0.01", "0.01")),
                example("PolynomialDecay", "polynomial(lr=0.1, end=0.01, steps=4, power=2, cycle=true)",
                        at(5, "0.02265625")),
                example("OneCycle", "one-cycle(max=0.1, total=10)",
                        at(0, "0.004", "0.052", "0.1", "0.0950485", "0.0811746", "0.0611262", "0.0388742",
                                "0.0188258", "0.0049519", "4e-7", "4e-7")),
                example("LinearRamp", "linear(from=0.1, to=0.01, steps=3)",
                        at(0, "0.1", "0.07", "0.04", "0.01", "0.01")),
                example("Warmup", "warmup(steps=4, then=cosine(lr=0.1, steps=4))",
                        at(0, "0", "0.025", "0.05", "0.075", "0.1", "0.0853553", "0.05", "0.0146447", "0")),
                example("CosineRestarts", "cosine-restarts(lr=0.1, period=2, mult=2)",
                        at(0, "0.1", "0.05", "0.1", "0.0853553", "0.05", "0.0146447", "0.1")),
                example("StepDecay", "step(lr=0.1, factor=0.5, every=2, unit=epoch)",
                        at(0, "0.1", "0.1", "0.05", "0.05", "0.025")),
                example("InverseSqrtDecay", "inverse-sqrt(lr=0.1, unit=epoch)",
                        at(0, "0.1", "0.0707", "0.0577", "0.05")),
                example("CyclicSchedule", "cyclic(min=0.01, max=0.1, half=2)",
                        at(0, "0.01", "0.055", "0.1", "0.055", "0.01")),
                example("CyclicSchedule", "cyclic(min=0.01, max=0.1, half=2, mode=triangular2)",
                        at(4, "0.01", "0.0325", "0.055", "0.0325", "0.01")),
                example("Wsd", "wsd(lr=0.1, cooldown=4, warmup=2, stable=3, min=0.01)",
                        at(0, "0.01", "0.055", "0.1", "0.1", "0.1", "0.1", "0.0775", "0.055", "0.0325", "0.01", "0.01")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theJavadocStatesTheListedSpecAndValues(Example example) throws IOException {
        String paragraph = examplesParagraph(example.className());
        String spec = example.spec().replace(", cycle=true", "").replace(", mode=triangular2", "");
        assertThat(paragraph).contains("Example: {@code " + spec + "}");
        if (!spec.equals(example.spec())) {
            String variant = example.spec().substring(spec.length() - 1, example.spec().length() - 1).substring(2);
            assertThat(paragraph).contains("with {@code " + variant + "}");
        }
        for (Stated stated : example.stated()) {
            for (String value : stated.values()) {
                assertThat(paragraph).contains(value);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theGoldenTableGivesTheStatedValues(Example example) {
        List<GoldenValuesTest.Row> rows = GoldenValuesTest.readTable().stream()
                .filter(row -> row.spec().equals(example.spec())).toList();
        assertThat(rows).as("golden rows of " + example.spec()).isNotEmpty();
        for (Stated stated : example.stated()) {
            for (int i = 0; i < stated.values().size(); i++) {
                long n = stated.first() + i;
                BigDecimal written = new BigDecimal(stated.values().get(i));
                List<Double> golden = rows.stream().filter(row -> row.n() == n).map(GoldenValuesTest.Row::expected)
                        .toList();
                assertThat(golden).as(example + " n=" + n).isNotEmpty();
                for (double value : golden) {
                    assertThat(agrees(written, value)).as(example + " n=" + n + ": written " + written
                            + ", golden " + value).isTrue();
                }
            }
        }
    }

    /** Every schedule class whose Javadoc has an {@code Example:} is listed above. */
    @Test
    void everyJavadocExampleIsListed() throws IOException {
        Set<String> withExample = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (Files.readString(file, StandardCharsets.UTF_8).contains("Example: {@code")) {
                    withExample.add(file.getFileName().toString().replace(".java", ""));
                }
            }
        }
        Set<String> listed = examples().stream().map(Example::className).collect(Collectors.toCollection(TreeSet::new));
        assertThat(withExample).hasSize(15).isEqualTo(listed);
    }

    /**
     * One or two significant digits written: the value itself (within the golden table's rounding);
     * three or more: the value rounded to the digits written.
     */
    private static boolean agrees(BigDecimal written, double golden) {
        if (written.signum() == 0 || written.precision() <= 2) {
            return Math.abs(golden - written.doubleValue()) <= 1e-12 * Math.abs(golden) + 1e-15;
        }
        BigDecimal rounded = new BigDecimal(golden).round(new MathContext(written.precision(), RoundingMode.HALF_EVEN));
        return rounded.compareTo(written) == 0;
    }

    /** The class Javadoc's {@code <p>Example: ...} paragraph, up to the end of the comment. */
    private static String examplesParagraph(String className) throws IOException {
        String source = Files.readString(SOURCES.resolve(className + ".java"), StandardCharsets.UTF_8);
        int start = source.indexOf("Example:");
        assertThat(start).as(className + " has an Example:").isNotNegative();
        int end = source.indexOf("*/", start);
        List<String> lines = new ArrayList<>();
        for (String line : source.substring(start, end).split("\n")) {
            lines.add(line.replaceFirst("^\\s*\\*\\s?", ""));
        }
        return String.join(" ", lines).replaceAll("\\s+", " ");
    }
}
