package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import io.github.dl4jschedules.spec.ValueType;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Arrays;
import java.util.Objects;

/**
 * Piecewise constant rates, given explicitly:
 * <pre>
 * alpha(n) = values[j],   j = number of at[i] &lt;= n
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code at} strictly increasing boundaries;
 * {@code values} one longer than {@code at}. A boundary belongs to the piece it starts, as in
 * PyTorch's {@code MultiStepLR} (Keras' {@code PiecewiseConstantDecay} lets it end the previous one).
 *
 * <p>Example: {@code piecewise(values=[0.1, 0.05, 0.01], at=[2, 5], unit=epoch)} gives 0.1 on epochs
 * 0-1, 0.05 on 2-4 and 0.01 from 5.
 */
public final class PiecewiseConstant extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code piecewise(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<PiecewiseConstant> SPEC = ScheduleDefinition
            .of("piecewise", PiecewiseConstant.class, "values[j], j = number of at[i] <= n")
            .parameter("values", ValueType.NUMBER_LIST, null, PiecewiseConstant::values)
            .parameter("at", ValueType.INTEGER_LIST, null, PiecewiseConstant::at)
            .unit(PiecewiseConstant::unit)
            .build(a -> new PiecewiseConstant(a.numbers("values"), a.integers("at"), a.unit()));

    /** The {@code values} parameter: the rates, each finite and {@code >= 0}, one more than boundaries (copied). */
    private final double[] values;
    /** The {@code at} parameter: boundaries, strictly increasing integers {@code >= 0} (copied). */
    private final int[] at;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;

    /**
     * @param values the rates, each finite and {@code >= 0}, one more than boundaries (copied)
     * @param at     boundaries, strictly increasing integers {@code >= 0} (copied)
     * @param unit   the counter
     */
    @JsonCreator
    public PiecewiseConstant(@JsonProperty("values") @JsonDeserialize(using = StrictJson.Reals.class) double[] values,
                             @JsonProperty("at") @JsonDeserialize(using = StrictJson.Wholes.class) int[] at,
                             @JsonProperty("unit") ScheduleType unit) {
        Check check = Check.of("piecewise");
        this.at = check.boundaries("at", at);
        this.values = check.notNull("values", values).clone();
        for (double value : this.values) {
            check.rate("values", value);
        }
        check.require(this.values.length == this.at.length + 1, "values",
                "one longer than at (" + this.at.length + " boundaries)", Arrays.toString(values));
        this.unit = check.notNull("unit", unit);
    }

    /** {@return the rates (a copy)} */
    public double[] values() {
        return values.clone();
    }

    /** {@return the boundaries (a copy)} */
    public int[] at() {
        return at.clone();
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    @Override
    public double valueAt(long n) {
        return values[Boundaries.passed(at, n)];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PiecewiseConstant other && Arrays.equals(values, other.values)
                && Arrays.equals(at, other.at) && unit == other.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(values), Arrays.hashCode(at), unit);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
