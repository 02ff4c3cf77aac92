package io.github.dl4jschedules;

import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CosineDecay;
import io.github.dl4jschedules.schedules.CosineRestarts;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.CyclicSchedule;
import io.github.dl4jschedules.schedules.ExponentialDecay;
import io.github.dl4jschedules.schedules.InverseSqrtDecay;
import io.github.dl4jschedules.schedules.InverseTimeDecay;
import io.github.dl4jschedules.schedules.LinearRamp;
import io.github.dl4jschedules.schedules.MultiStepDecay;
import io.github.dl4jschedules.schedules.OneCycle;
import io.github.dl4jschedules.schedules.PiecewiseConstant;
import io.github.dl4jschedules.schedules.PolynomialDecay;
import io.github.dl4jschedules.schedules.Scaled;
import io.github.dl4jschedules.schedules.SequenceSchedule;
import io.github.dl4jschedules.schedules.StepDecay;
import io.github.dl4jschedules.schedules.Warmup;
import io.github.dl4jschedules.schedules.Wsd;
import io.github.dl4jschedules.spec.ScheduleDefinition;
import io.github.dl4jschedules.spec.ScheduleRegistry;
import io.github.dl4jschedules.spec.SpecException;

import java.util.Collection;
import java.util.List;

/**
 * The entry point: every schedule of the catalogue by its spec name.
 *
 * <pre>{@code
 * ISchedule lr = Schedules.parse("inverse-time(lr=0.2, decay=1, unit=epoch, first=1)");
 * new Adam(lr);
 * }</pre>
 *
 * Every schedule's {@code toString()} prints its canonical spec, and
 * {@code Schedules.parse(s.toString()).equals(s)} holds.
 */
public final class Schedules {

    private static final ScheduleRegistry REGISTRY = new ScheduleRegistry(List.of(
            ConstantRate.SPEC,
            InverseTimeDecay.SPEC,
            ExponentialDecay.SPEC,
            InverseSqrtDecay.SPEC,
            StepDecay.SPEC,
            MultiStepDecay.SPEC,
            PiecewiseConstant.SPEC,
            PolynomialDecay.SPEC,
            CosineDecay.SPEC,
            CosineRestarts.SPEC,
            LinearRamp.SPEC,
            CyclicSchedule.SPEC,
            OneCycle.SPEC,
            Wsd.SPEC,
            Warmup.SPEC,
            SequenceSchedule.SPEC,
            Scaled.SPEC));

    private Schedules() {
    }

    /**
     * Builds the schedule a spec describes, e.g. {@code exponential(lr=0.1, rate=0.95, unit=epoch)}.
     *
     * @param spec one line of the spec language; parameters left out take their defaults
     * @return the schedule, immutable
     * @throws SpecException naming what is wrong and its position in the text
     */
    public static CounterSchedule parse(String spec) {
        return (CounterSchedule) REGISTRY.parse(spec);
    }

    /** {@return the spec names, in catalogue order} */
    public static Collection<String> names() {
        return REGISTRY.names();
    }

    /** {@return every schedule's definition: name, formula, parameters with defaults} */
    public static Collection<ScheduleDefinition<?>> definitions() {
        return REGISTRY.definitions();
    }
}
