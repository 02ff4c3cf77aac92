package io.github.dl4jschedules.interchange;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link Interchange#toKeras} and {@link Interchange#toPyTorch}: for every case of
 * {@code golden/interchange-writers.tsv} the writer produces the configuration written by hand in
 * {@code tools/golden/generate_interchange.py}, and the framework's rate for that configuration
 * (PyTorch run for real, Keras' closed forms) is the schedule's at every step; reading the written
 * form back gives the same rates; schedules without an exact equivalent are refused, naming why.
 */
class InterchangeWritersTest {

    private static final double RELATIVE = 1e-12;
    private static final double ABSOLUTE = 1e-15;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Case(String framework, String spec, String json, List<double[]> values) {
        @Override
        public String toString() {
            return framework + " " + spec;
        }
    }

    static Stream<Case> cases() {
        return readTable().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesTheConfigurationWhoseFrameworkRatesAreTheSchedules(Case c) throws IOException {
        CounterSchedule schedule = Schedules.parse(c.spec());
        String written = write(c.framework(), schedule);
        assertThat(plain(MAPPER.readTree(written))).as("written form").isEqualTo(plain(MAPPER.readTree(c.json())));
        for (double[] row : c.values()) {
            int n = (int) row[0];
            assertThat(schedule.valueAt(n, 0)).as("%s at n=%d", c, n)
                    .isCloseTo(row[1], within(RELATIVE * Math.abs(row[1]) + ABSOLUTE));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readingTheWrittenFormBackGivesTheSameRates(Case c) {
        CounterSchedule schedule = Schedules.parse(c.spec());
        ISchedule back = InterchangeGoldenTest.read(c.framework(), write(c.framework(), schedule));
        for (int n = 0; n <= 200; n++) {
            double expected = schedule.valueAt(n, 0);
            if (c.framework().equals("pytorch") && c.spec().startsWith("one-cycle") && n >= 20) {
                break;                                  // OneCycleLR ends at total_steps
            }
            assertThat(back.valueAt(n, 0)).as("%s at n=%d", c, n)
                    .isCloseTo(expected, within(1e-15 * Math.abs(expected) + 1e-18));
        }
    }

    @Test
    void exactMappingsComeBackAsTheSameSchedule() {
        for (String spec : List.of("exponential(lr=0.1, rate=0.96, unit=iteration, period=3)",
                "polynomial(lr=0.1, end=0.001, steps=5, power=2, cycle=true, unit=iteration)",
                "piecewise(values=[0.1, 0.05, 0.01], at=[5, 12], unit=iteration)")) {
            assertThat(Interchange.fromKeras(Interchange.toKeras(Schedules.parse(spec)))).isEqualTo(Schedules.parse(spec));
        }
        for (String spec : List.of("step(lr=0.1, factor=0.5, every=3, unit=iteration)",
                "cyclic(min=0.01, max=0.1, half=2, mode=exp-range, gamma=0.9, unit=iteration)",
                "one-cycle(max=0.1, total=20, unit=iteration)",
                "sequence(cosine(lr=0.1, steps=5), multistep(lr=0.1, factor=0.5, at=[2]), at=[5], unit=iteration)")) {
            assertThat(Interchange.fromPyTorch(Interchange.toPyTorch(Schedules.parse(spec))))
                    .isEqualTo(Schedules.parse(spec));
        }
    }

    @Test
    void schedulesWithoutAnExactEquivalentAreRefused() {
        refusedByKeras("inverse-sqrt(lr=0.1)", "Keras has no schedule class with these values");
        refusedByKeras("exponential(lr=0.1, rate=0.5, unit=epoch)", "unit=epoch (Keras schedules count optimizer steps;"
                + " use unit=iteration)");
        refusedByKeras("exponential(lr=0.1, rate=0.5, unit=iteration, min=0.01)",
                "min=0.01 (ExponentialDecay has no floor)");
        refusedByKeras("inverse-time(lr=0.1, decay=1, unit=iteration, first=1)", "first=1 (Keras starts at step 0)");
        refusedByKeras("cosine-restarts(lr=0.1, period=3, decay=0.5, min=0.01, unit=iteration)",
                "min=0.01 with decay=0.5 (Keras decays the height above the floor, not the peak)");
        refusedByKeras("warmup(steps=3, then=exponential(lr=0.1, rate=0.5), unit=iteration)",
                "Keras has no schedule class with these values");

        refusedByPyTorch("inverse-time(lr=0.1, decay=1, unit=iteration)", "PyTorch has no scheduler class");
        refusedByPyTorch("wsd(lr=0.1, cooldown=5, stable=10)", "PyTorch has no scheduler class");
        refusedByPyTorch("step(lr=0.1, every=3, unit=epoch)", "unit=epoch (the form is for a scheduler stepped once"
                + " per update; use unit=iteration)");
        refusedByPyTorch("warmup(steps=3, then=cosine(lr=0.1, steps=10), unit=iteration)",
                "LinearLR's start factor must be in (0, 1] of the base rate 0.1 (a ramp from 0 has no LinearLR)");
        refusedByPyTorch("sequence(step(lr=0.1, every=2), step(lr=0.05, every=2), at=[4], unit=iteration)",
                "its rate 0.05 differs from the base rate 0.1 that the pieces of a PyTorch SequentialLR share");
        refusedByPyTorch("sequence(cosine(lr=0.1, steps=4), constant(lr=0.01), at=[4], unit=iteration)",
                "a constant below the base rate 0.1 needs ConstantLR's total_iters, so it must come before the"
                        + " last piece of a sequence");
        refusedByPyTorch("sequence(one-cycle(max=0.1, total=10), constant(lr=0.001), at=[10], unit=iteration)",
                "PyTorch has no scheduler class");
        refusedByPyTorch("exponential(lr=0.1, rate=0.5, unit=iteration, period=2)",
                "ExponentialLR has period 1, starts at 0 and has no floor");
        refusedByPyTorch("cosine-restarts(lr=0.1, period=3, mult=1.5, unit=iteration)",
                "CosineAnnealingWarmRestarts has a whole T_mult and no decay of the peak");
        refusedByPyTorch("scaled(factor=2, of=step(lr=0.1, every=2, unit=iteration))", "PyTorch has no scheduler class");

        ISchedule nd4j = new ExponentialSchedule(ScheduleType.ITERATION, 0.1, 0.9);
        assertThatThrownBy(() -> Interchange.toKeras(nd4j)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot write org.nd4j.linalg.schedule.ExponentialSchedule for Keras: only the"
                        + " catalogue's schedules (Schedules.parse) have a known formula");
    }

    @ParameterizedTest
    @ValueSource(strings = {"keras", "pytorch"})
    void everyClassTheReadersNameIsWrittenInAGoldenTable(String framework) {
        List<String> classes = new ArrayList<>();
        for (Case c : readTable()) {
            if (c.framework().equals(framework)) {
                collectClasses(readTreeUnchecked(c.json()), classes);
            }
        }
        if (framework.equals("keras")) {
            assertThat(classes).contains("number", "InverseTimeDecay", "ExponentialDecay", "PiecewiseConstantDecay",
                    "PolynomialDecay", "CosineDecay", "CosineDecayRestarts");
        } else {
            assertThat(classes).contains("ConstantLR", "StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR",
                    "CosineAnnealingWarmRestarts", "LinearLR", "PolynomialLR", "CyclicLR", "OneCycleLR", "SequentialLR");
        }
    }

    private static void refusedByKeras(String spec, String reason) {
        CounterSchedule schedule = Schedules.parse(spec);
        assertThatThrownBy(() -> Interchange.toKeras(schedule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no exact Keras form for " + schedule + ": " + reason);
    }

    private static void refusedByPyTorch(String spec, String reason) {
        CounterSchedule schedule = Schedules.parse(spec);
        assertThatThrownBy(() -> Interchange.toPyTorch(schedule)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(": " + reason).hasMessageStartingWith("no exact PyTorch form for ");
    }

    private static String write(String framework, ISchedule schedule) {
        return framework.equals("keras") ? Interchange.toKeras(schedule) : Interchange.toPyTorch(schedule);
    }

    /** The JSON as maps, lists, strings, booleans and doubles (1 and 1.0 alike), keys in any order. */
    private static Object plain(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), plain(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        return node.isNull() ? "null" : node.isBoolean() ? node.booleanValue() : node.asText();
    }

    private static void collectClasses(JsonNode node, List<String> classes) {
        if (node.isNumber()) {
            classes.add("number");
            return;
        }
        for (String key : List.of("class_name", "scheduler")) {
            if (node.has(key)) {
                classes.add(node.get(key).asText());
            }
        }
        JsonNode children = node.path("kwargs").path("schedulers");
        children.forEach(child -> collectClasses(child, classes));
    }

    private static JsonNode readTreeUnchecked(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Case> readTable() {
        Map<String, Case> cases = new LinkedHashMap<>();
        for (GoldenTsv.Line line : GoldenTsv.read("/golden/interchange-writers.tsv")) {
            String[] f = line.cells();
            Case c = cases.computeIfAbsent(f[0] + "\t" + f[1], k -> new Case(f[0], f[1], f[2], new ArrayList<>()));
            c.values().add(new double[] {Integer.parseInt(f[3]), Double.parseDouble(f[4])});
        }
        return new ArrayList<>(cases.values());
    }
}
