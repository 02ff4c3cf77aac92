package io.github.dl4jschedules.examples.tune;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.spec.SpecException;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.TreeMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SearchSpaceTest {

    private static final String LECTURE = "inverse-time(lr=1e-3..1, decay=0.01..10, unit=epoch, first=1)";

    @Test
    void findsTheRangesWithTheirDistribution() {
        SearchSpace space = SearchSpace.parse("step(lr = 1e-4 .. 0.1, factor=0.2..0.8, every=1..5, unit=epoch)");
        assertThat(space.ranges()).extracting(SearchSpace.Range::key).containsExactly("lr", "factor", "every");
        SearchSpace.Range lr = space.ranges().get(0);
        assertThat(lr.low()).isEqualTo(1e-4);
        assertThat(lr.high()).isEqualTo(0.1);
        assertThat(lr.integer()).isFalse();
        assertThat(lr.distribution()).isEqualTo(SearchSpace.Distribution.LOG_UNIFORM);
        assertThat(space.ranges().get(1).distribution()).isEqualTo(SearchSpace.Distribution.UNIFORM);
        assertThat(space.ranges().get(2).integer()).isTrue();
        assertThat(space.ranges().get(2).distribution()).isEqualTo(SearchSpace.Distribution.UNIFORM);
        assertThat(SearchSpace.parse("constant(lr=0..1)").ranges().get(0).distribution())
                .as("0 < low fails").isEqualTo(SearchSpace.Distribution.UNIFORM);
        assertThat(SearchSpace.parse("constant(lr=0.1..0.9)").ranges().get(0).distribution())
                .as("high/low < 10").isEqualTo(SearchSpace.Distribution.UNIFORM);
        assertThat(SearchSpace.parse("step(lr=0.1, every=1..10, unit=epoch)").ranges().get(0).distribution())
                .isEqualTo(SearchSpace.Distribution.LOG_UNIFORM);
    }

    @Test
    void samplesAreValidSpecsWithValuesInTheirRanges() {
        SearchSpace space = SearchSpace.parse(LECTURE);
        Random random = new Random(1);
        Pattern values = Pattern.compile("lr=([^,]+), decay=([^,]+), unit=epoch, first=1\\)");
        for (int i = 0; i < 200; i++) {
            String spec = space.sample(random);
            Matcher m = values.matcher(spec);
            assertThat(m.find()).as(spec).isTrue();
            assertThat(Double.parseDouble(m.group(1))).isBetween(1e-3, 1.0);
            assertThat(Double.parseDouble(m.group(2))).isBetween(0.01, 10.0);
            assertThat(m.group(1).replace("E", "e").replaceAll("e-?\\d+", "").replace(".", "").replaceFirst("^0+", ""))
                    .as("3 significant digits: %s", m.group(1)).hasSizeLessThanOrEqualTo(3);
            assertThat(Schedules.parse(spec).toString()).startsWith("inverse-time(");
        }
    }

    @Test
    void sameSeedSameSamples() {
        SearchSpace space = SearchSpace.parse(LECTURE);
        Random a = new Random(42);
        Random b = new Random(42);
        for (int i = 0; i < 20; i++) {
            assertThat(space.sample(a)).isEqualTo(space.sample(b));
        }
    }

    /** Log-uniform over 4 decades: each decade gets about a quarter of the draws. */
    @Test
    void logUniformGivesEveryDecadeTheSameShare() {
        SearchSpace space = SearchSpace.parse("constant(lr=1e-4..1)");
        Random random = new Random(7);
        int[] decades = new int[4];
        int n = 4000;
        for (int i = 0; i < n; i++) {
            double lr = Double.parseDouble(space.sample(random).replaceAll(".*lr=([^)]+)\\)", "$1"));
            decades[Math.min(3, (int) Math.floor(Math.log10(lr) + 4))]++;
        }
        for (int count : decades) {
            assertThat(count / (double) n).isCloseTo(0.25, within(0.03));
        }
    }

    @Test
    void integerRangesGiveEveryIntegerTheSameShare() {
        SearchSpace space = SearchSpace.parse("step(lr=0.1, every=1..3, unit=epoch)");
        Random random = new Random(3);
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < 3000; i++) {
            counts.merge(space.sample(random).replaceAll(".*every=(\\d+),.*", "$1"), 1, Integer::sum);
        }
        assertThat(counts).containsOnlyKeys("1", "2", "3");
        counts.values().forEach(c -> assertThat(c / 3000.0).isCloseTo(1 / 3.0, within(0.03)));
    }

    @Test
    void malformedRangesNameTheirPosition() {
        assertError("constant(lr=..1)", "malformed range at 12: expected key=low..high with two numbers", 12);
        assertError("constant(lr=1..)", "malformed range at 13: expected key=low..high with two numbers", 13);
        assertError("constant(lr=1..x)", "malformed range at 13", 13);
        assertError("step(lr=0.1..0.01, every=2)", "lr: a range needs low < high, got 0.1..0.01 at 8", 8);
        assertError("step(lr=0.1, every=2)", "no range to search: write a parameter as key=low..high", 0);
    }

    @Test
    void aSpecTheLibraryRejectsAtEitherEndIsAnError() {
        assertThatThrownBy(() -> SearchSpace.parse("exponential(lr=0.1, rate=0.5..2, unit=epoch)"))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("with every range at its high end, exponential(lr=0.1, rate=2.0, unit=epoch) is not valid: exponential: rate");
        assertThatThrownBy(() -> SearchSpace.parse("inverse-time(lrr=1e-3..1, decay=1)"))
                .hasMessageStartingWith("with every range at its low end, inverse-time(lrr=0.001, decay=1) is not valid:")
                .hasMessageContaining("unknown parameter 'lrr'");
    }

    private static void assertError(String text, String message, int position) {
        assertThatThrownBy(() -> SearchSpace.parse(text))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((SpecException) e).position()).isEqualTo(position));
    }
}
