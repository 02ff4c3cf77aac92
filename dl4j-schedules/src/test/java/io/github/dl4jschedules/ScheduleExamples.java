package io.github.dl4jschedules;

import io.github.dl4jschedules.schedules.CounterSchedule;

import java.util.List;
import java.util.stream.Stream;

/**
 * The registry of example schedules that the shared tests run over (properties, spec round trip,
 * DL4J JSON, ModelSerializer, updaters): every schedule of the catalogue, in both units where it has
 * one, with non-default parameters, and nested composites. A new schedule is added here once and
 * all those tests cover it.
 */
public final class ScheduleExamples {

    /**
     * An example spec.
     *
     * @param spec           the spec, not necessarily canonical
     * @param nonIncreasing  whether the formula never rises (decays and constants)
     */
    public record Example(String spec, boolean nonIncreasing) {
        public CounterSchedule schedule() {
            return Schedules.parse(spec);
        }

        @Override
        public String toString() {
            return spec;
        }
    }

    private static Example decaying(String spec) {
        return new Example(spec, true);
    }

    private static Example shaped(String spec) {
        return new Example(spec, false);
    }

    private static final List<Example> ALL = List.of(
            // the lecture's schedules
            decaying("constant(lr=0.1)"),
            decaying("inverse-time(lr=0.2, decay=1, unit=epoch, first=1)"),
            decaying("inverse-time(lr=0.1, decay=0.5, unit=iteration, period=10, staircase=true)"),
            decaying("exponential(lr=0.1, rate=0.95, unit=epoch)"),
            decaying("exponential(lr=0.1, rate=0.5, unit=iteration, period=3, staircase=true, first=2, min=0.001)"),
            decaying("inverse-sqrt(lr=0.1, unit=epoch)"),
            decaying("inverse-sqrt(lr=0.05, k=2, unit=iteration, period=4)"),
            shaped("inverse-sqrt(lr=0.1, unit=iteration, first=0, warmup=5)"),
            decaying("step(lr=0.1, factor=0.5, every=2, unit=epoch)"),
            decaying("step(lr=0.1, factor=0.1, every=3, unit=iteration, first=1)"),
            decaying("multistep(lr=0.1, factor=0.1, at=[2, 4], unit=epoch)"),
            decaying("multistep(lr=0.3, at=[1, 5, 9], unit=iteration)"),
            decaying("piecewise(values=[0.1, 0.05, 0.01], at=[2, 5], unit=iteration)"),
            shaped("piecewise(values=[0.01, 0.1, 0.02], at=[1, 3], unit=epoch)")
            // modern schedules and composites: add them here
    );

    private ScheduleExamples() {
    }

    /** Every example, for {@code @MethodSource("io.github.dl4jschedules.ScheduleExamples#all")}. */
    public static Stream<Example> all() {
        return ALL.stream();
    }
}
