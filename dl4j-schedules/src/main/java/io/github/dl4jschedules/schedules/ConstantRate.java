package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

/**
 * A fixed rate: {@code alpha(n) = lr} for every iteration and epoch.
 *
 * <p>Spec: {@code constant(lr=0.01)}. Follows no counter ({@link #unit()} is {@code null}), so it may
 * sit inside a composite of either unit.
 */
public final class ConstantRate extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code constant(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<ConstantRate> SPEC = ScheduleDefinition
            .of("constant", ConstantRate.class, "lr")
            .number("lr", ConstantRate::lr)
            .build(a -> new ConstantRate(a.number("lr")));

    /** The {@code lr} parameter: the rate, finite and {@code >= 0}. */
    private final double lr;

    /** @param lr the rate, finite and {@code >= 0} */
    @JsonCreator
    public ConstantRate(@JsonProperty("lr") @JsonDeserialize(using = StrictJson.Real.class) double lr) {
        this.lr = Check.of("constant").rate("lr", lr);
    }

    /** @return the {@code lr} parameter: the rate, finite and {@code >= 0} */
    public double lr() {
        return lr;
    }

    @Override
    public ScheduleType unit() {
        return null;
    }

    @Override
    public double valueAt(long n) {
        return lr;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConstantRate other && Double.compare(lr, other.lr) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lr);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
