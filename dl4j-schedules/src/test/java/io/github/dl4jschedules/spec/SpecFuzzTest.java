package io.github.dl4jschedules.spec;

import io.github.dl4jschedules.ScheduleExamples;
import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded, bounded fuzzing of the spec language (issue 10, point 3): mutated catalogue examples and
 * random deep nestings either fail with a {@link SpecException} pointing into the text, or give a
 * schedule that round-trips through its canonical form and stays within the nesting limit. Any
 * other throwable (StackOverflowError, NumberFormatException, ...) fails the test with its input.
 * The seed is fixed; the run stops after {@link #CASES} inputs or {@link #TIME_LIMIT_NANOS}, whichever
 * comes first (the time bound only caps the work on a slow machine; no assertion depends on it).
 */
class SpecFuzzTest {

    private static final long SEED = 20_261_202L;
    private static final int CASES = 30_000;
    private static final long TIME_LIMIT_NANOS = 20_000_000_000L;
    private static final String[] PIECES = {"(", ")", "[", "]", ",", "=", " ", "-", ".", "e", "1e308", "-0",
            "NaN", "Infinity", "2147483648", "0", "1.5", "warmup(steps=1, then=", "scaled(factor=2, of=",
            "sequence(", "unit=epoch", "lr=", "steps=", "at=[", "x(", "\u00e9", "\t", "9".repeat(400)};

    @Test
    void everyInputIsASpecErrorOrARoundTrippingSchedule() {
        Random random = new Random(SEED);
        List<String> examples = ScheduleExamples.all().map(ScheduleExamples.Example::spec).toList();
        long deadline = System.nanoTime() + TIME_LIMIT_NANOS;
        int accepted = 0;
        int cases = 0;
        for (; cases < CASES && System.nanoTime() < deadline; cases++) {
            String input = cases % 50 == 0 ? deepNesting(random) : mutate(examples.get(random.nextInt(examples.size())), random);
            if (check(input)) {
                accepted++;
            }
        }
        assertThat(cases).as("cases run").isGreaterThan(100);
        assertThat(accepted).as("some mutants are still valid specs").isPositive();
    }

    private static boolean check(String input) {
        CounterSchedule schedule;
        try {
            schedule = Schedules.parse(input);
        } catch (SpecException e) {
            assertThat(e.getMessage()).as(input).isNotBlank();
            assertThat(e.position()).as(input).isBetween(0, input.length());
            return false;
        } catch (Throwable e) {
            fail("not a SpecException for input: " + shorten(input), e);
            return false;
        }
        CounterSchedule again = Schedules.parse(schedule.toString());
        assertThat(again).as(input).isEqualTo(schedule);
        assertThat(again.hashCode()).as(input).isEqualTo(schedule.hashCode());
        assertThat(schedule.nesting()).as(input).isLessThanOrEqualTo(SpecParser.MAX_NESTING);
        return true;
    }

    private static String mutate(String spec, Random random) {
        StringBuilder text = new StringBuilder(spec);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> text.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(6)));
                case 2 -> {
                    int end = Math.min(text.length(), at + random.nextInt(30));
                    text.insert(at, text.substring(at, end).repeat(1 + random.nextInt(40)));
                }
                default -> {
                    if (at < text.length()) {
                        text.setCharAt(at, (char) (32 + random.nextInt(95)));
                    }
                }
            }
        }
        return text.toString();
    }

    private static String deepNesting(Random random) {
        int depth = 1 + random.nextInt(5000);
        String opening = random.nextBoolean() ? "warmup(steps=1, then=" : "scaled(factor=1, of=";
        String closing = random.nextBoolean() ? ")".repeat(depth) : "";
        return opening.repeat(depth) + "constant(lr=0.1)" + closing;
    }

    private static String shorten(String input) {
        return input.length() <= 300 ? input : input.substring(0, 300) + "... (" + input.length() + " characters)";
    }
}
