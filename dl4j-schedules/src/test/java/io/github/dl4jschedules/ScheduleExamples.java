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
            shaped("piecewise(values=[0.01, 0.1, 0.02], at=[1, 3], unit=epoch)"),
            // modern schedules and composites: add them here
            decaying("polynomial(lr=0.1, steps=10)"),
            decaying("polynomial(lr=0.1, end=0.001, steps=7, power=2.5, unit=epoch)"),
            shaped("polynomial(lr=0.2, end=0.01, steps=5, power=0.5, cycle=true, unit=iteration)"),
            decaying("cosine(lr=0.1, steps=20)"),
            decaying("cosine(lr=0.05, steps=6, min=0.005, unit=epoch)"),
            shaped("cosine-restarts(lr=0.1, period=4)"),
            shaped("cosine-restarts(lr=0.1, period=3, mult=2, decay=0.7, min=0.001, unit=epoch)"),
            shaped("cosine-restarts(lr=0.05, period=5, mult=1.5, decay=0.5, min=0.01, unit=iteration)"),
            shaped("cosine-restarts(lr=1, period=1, mult=10, unit=iteration)"),
            decaying("linear(from=0.1, to=0.001, steps=8, unit=epoch)"),
            shaped("linear(from=0, to=0.1, steps=5)"),
            shaped("cyclic(min=0.001, max=0.01, half=4)"),
            shaped("cyclic(min=0.01, max=0.1, half=2, mode=triangular2, unit=epoch)"),
            shaped("cyclic(min=0, max=0.1, half=3, mode=exp-range, gamma=0.99, unit=iteration)"),
            shaped("one-cycle(max=0.1, total=100)"),
            shaped("one-cycle(max=0.05, total=12, pct=0.25, div=10, final-div=100, anneal=linear, unit=epoch)"),
            shaped("one-cycle(max=1, total=50, pct=0.4, div=0.5, final-div=1e6, three-phase=true)"),
            shaped("wsd(lr=0.1, cooldown=4, warmup=2, stable=3, min=0.01)"),
            shaped("wsd(lr=0.05, cooldown=6, warmup=3, stable=4, shape=cosine, unit=epoch)"),
            decaying("wsd(lr=0.2, cooldown=5, stable=2, shape=one-minus-sqrt, min=0.002, unit=iteration)"),
            shaped("wsd(lr=0.1, cooldown=100, warmup=10)"),
            shaped("warmup(steps=5, then=cosine(lr=0.1, steps=20))"),
            shaped("warmup(steps=3, start=0.01, then=exponential(lr=0.1, rate=0.9), unit=epoch)"),
            shaped("warmup(steps=4, then=one-cycle(max=0.1, total=30, three-phase=true))"),
            shaped("warmup(steps=2, start=0.2, then=constant(lr=0.05), unit=epoch)"),
            shaped("sequence(linear(from=0, to=0.1, steps=3), constant(lr=0.1), cosine(lr=0.1, steps=10), at=[3, 8])"),
            decaying("sequence(constant(lr=0.1), step(lr=0.05, every=2), cosine(lr=0.005, steps=5), at=[2, 9], unit=epoch)"),
            shaped("sequence(warmup(steps=3, then=cosine(lr=0.1, steps=10, min=0.001)), "
                    + "cyclic(min=0.001, max=0.01, half=2), at=[13])"),
            shaped("sequence(cosine-restarts(lr=0.1, period=2, mult=2), "
                    + "sequence(constant(lr=0.01), polynomial(lr=0.01, steps=4), at=[2]), at=[14], unit=epoch)"),
            decaying("scaled(factor=0.5, of=exponential(lr=0.2, rate=0.9, unit=epoch))"),
            decaying("scaled(factor=4, of=constant(lr=0.025))"),
            shaped("scaled(factor=2, of=sequence(warmup(steps=2, then=constant(lr=0.05)), "
                    + "cosine(lr=0.05, steps=6), at=[4], unit=epoch))"),
            shaped("warmup(steps=3, then=scaled(factor=0.1, of=one-cycle(max=1, total=20)), unit=iteration)")
    );

    private ScheduleExamples() {
    }

    /** Every example, for {@code @MethodSource("io.github.dl4jschedules.ScheduleExamples#all")}. */
    public static Stream<Example> all() {
        return ALL.stream();
    }
}
