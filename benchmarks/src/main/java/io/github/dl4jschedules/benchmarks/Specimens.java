package io.github.dl4jschedules.benchmarks;

import io.github.dl4jschedules.Schedules;
import org.nd4j.linalg.schedule.CycleSchedule;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schedules the benchmarks time: one of every catalogue schedule (key {@code catalogue:NAME}, built
 * from its spec) and ND4J's own schedules that do the same job (key {@code nd4j:CLASS}), with
 * comparable parameters where there is a counterpart (step, exponential, inverse-time, piecewise/map,
 * polynomial, one-cycle/cycle, constant/fixed). All count in iterations.
 */
public final class Specimens {

    /** Key to spec (catalogue) or description (ND4J), in the order of the benchmark's parameters. */
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();
    private static final Map<String, ISchedule> ALL = new LinkedHashMap<>();

    static {
        catalogue("constant(lr=0.1)");
        catalogue("step(lr=0.1, factor=0.5, every=1000)");
        catalogue("multistep(lr=0.1, factor=0.1, at=[1000, 2000, 3000])");
        catalogue("piecewise(values=[0.1, 0.01, 0.001], at=[1000, 2000])");
        catalogue("exponential(lr=0.1, rate=0.999)");
        catalogue("inverse-time(lr=0.1, decay=0.001)");
        catalogue("inverse-sqrt(lr=0.1, warmup=1000)");
        catalogue("polynomial(lr=0.1, steps=10000, power=2)");
        catalogue("cosine(lr=0.1, steps=10000)");
        catalogue("cosine-restarts(lr=0.1, period=1000, mult=2)");
        catalogue("linear(from=0.1, to=0.001, steps=10000)");
        catalogue("cyclic(min=0.001, max=0.1, half=500)");
        catalogue("one-cycle(max=0.1, total=10000)");
        catalogue("warmup(steps=1000, then=cosine(lr=0.1, steps=9000))");
        catalogue("sequence(linear(from=0, to=0.1, steps=1000), cosine(lr=0.1, steps=9000), at=[1000])");
        catalogue("scaled(factor=0.5, of=exponential(lr=0.1, rate=0.999))");
        nd4j("FixedSchedule", "FixedSchedule(0.1)", new FixedSchedule(0.1));
        nd4j("StepSchedule", "StepSchedule(ITERATION, 0.1, 0.5, 1000)", new StepSchedule(ScheduleType.ITERATION, 0.1, 0.5, 1000));
        nd4j("MapSchedule", "MapSchedule(ITERATION, {0: 0.1, 1000: 0.01, 2000: 0.001})",
                new MapSchedule(ScheduleType.ITERATION, Map.of(0, 0.1, 1000, 0.01, 2000, 0.001)));
        nd4j("ExponentialSchedule", "ExponentialSchedule(ITERATION, 0.1, 0.999)",
                new ExponentialSchedule(ScheduleType.ITERATION, 0.1, 0.999));
        nd4j("InverseSchedule", "InverseSchedule(ITERATION, 0.1, 0.001, 1)",
                new InverseSchedule(ScheduleType.ITERATION, 0.1, 0.001, 1));
        nd4j("PolySchedule", "PolySchedule(ITERATION, 0.1, 2, 10000)", new PolySchedule(ScheduleType.ITERATION, 0.1, 2, 10000));
        nd4j("CycleSchedule", "CycleSchedule(ITERATION, 0.004, 0.1, 10000, 1000, 0.1)",
                new CycleSchedule(ScheduleType.ITERATION, 0.004, 0.1, 10000, 1000, 0.1));

        Set<String> missing = new TreeSet<>(Schedules.names());
        missing.removeIf(name -> ALL.containsKey("catalogue:" + name));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no benchmark specimen for the catalogue schedule(s) " + missing
                    + ": add one to Specimens and to ValueAtBenchmark's @Param list");
        }
    }

    private Specimens() {
    }

    private static void catalogue(String spec) {
        String name = spec.substring(0, spec.indexOf('('));
        DESCRIPTIONS.put("catalogue:" + name, spec);
        ALL.put("catalogue:" + name, Schedules.parse(spec));
    }

    private static void nd4j(String name, String description, ISchedule schedule) {
        DESCRIPTIONS.put("nd4j:" + name, description);
        ALL.put("nd4j:" + name, schedule);
    }

    /**
     * The schedule of {@code key} ({@code catalogue:NAME} or {@code nd4j:CLASS}).
     *
     * @throws IllegalArgumentException for an unknown key, naming the known ones
     */
    public static ISchedule get(String key) {
        ISchedule schedule = ALL.get(key);
        if (schedule == null) {
            throw new IllegalArgumentException("no specimen '" + key + "'; known: " + String.join(", ", ALL.keySet()));
        }
        return schedule;
    }

    /** Every key with its spec or ND4J constructor call, in order. */
    public static Map<String, String> descriptions() {
        return Collections.unmodifiableMap(DESCRIPTIONS);
    }
}
