package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import io.github.dl4jschedules.spec.ValueType;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Objects;

/**
 * The 1cycle policy: warm up from {@code max/div} to {@code max}, then anneal far below the start.
 * <pre>
 * initial = max / div,   final = initial / final-div,   k = min(n, total - 1)
 * e1 = pct * total - 1,   e2 = 2 * pct * total - 2,   e_last = total - 1      (phase end steps)
 *
 * three-phase = false:
 *   k &lt;= e1:   anneal(initial, max,   k / e1)
 *   k &gt;  e1:   anneal(max,     final, (k - e1) / (e_last - e1))
 * three-phase = true:
 *   k &lt;= e1:        anneal(initial, max,     k / e1)
 *   e1 &lt; k &lt;= e2:   anneal(max,     initial, (k - e1) / (e2 - e1))
 *   k &gt;  e2:        anneal(initial, final,   (k - e2) / (e_last - e2))
 *
 * anneal(a, b, p) = b + (a - b) / 2 * (cos(pi * p) + 1)      anneal = cos
 *                 = (b - a) * p + a                         anneal = linear
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code total} the length of the run;
 * {@code pct} in (0, 1) the share of the rising phase; {@code div}, {@code final-div} positive
 * divisors. The phase ends are PyTorch's, real numbers, so a phase may end between two steps. From
 * {@code n = total - 1} on the rate holds {@code final} (PyTorch raises an error after {@code total}
 * steps instead).
 *
 * <p>Validation follows what PyTorch needs for a well-defined rate at every step: {@code e1 > 0}
 * (else the first phase divides by zero or is skipped), and each later phase ends after the one
 * before it (three phases need {@code 2 * pct * total - 2 < total - 1}, about {@code pct <= 0.5}).
 * PyTorch does not check {@code div} and {@code final-div}; here both must be finite and {@code > 0} so
 * that no rate is negative, infinite or NaN ({@code div < 1} is allowed: the first phase then falls).
 *
 * <p>Smith &amp; Topin 2018, "Super-Convergence: Very Fast Training of Neural Networks Using Large
 * Learning Rates". Matches PyTorch's {@code OneCycleLR(max_lr=max, total_steps=total, pct_start=pct,
 * anneal_strategy=anneal, div_factor=div, final_div_factor=final-div, three_phase)}, learning rate only
 * (no momentum cycling).
 *
 * <p>Example: {@code one-cycle(max=0.1, total=10)} gives 0.004, 0.052, 0.1, 0.0950485, 0.0811746,
 * 0.0611262, 0.0388742, 0.0188258, 0.0049519, 4e-7 on steps 0-9 and 4e-7 from then on.
 */
public final class OneCycle extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code one-cycle(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<OneCycle> SPEC = ScheduleDefinition
            .of("one-cycle", OneCycle.class, "max/div up to max over pct*total steps, then down to max/div/final-div")
            .number("max", OneCycle::max)
            .integer("total", OneCycle::total)
            .number("pct", 0.3, OneCycle::pct)
            .number("div", 25.0, OneCycle::div)
            .number("final-div", 10000.0, OneCycle::finalDiv)
            .parameter("anneal", ValueType.word(Anneal.class), Anneal.COS, OneCycle::anneal)
            .bool("three-phase", false, OneCycle::threePhase)
            .unit(OneCycle::unit)
            .build(a -> new OneCycle(a.number("max"), a.integer("total"), a.number("pct"), a.number("div"),
                    a.number("final-div"), a.word("anneal", Anneal.class), a.bool("three-phase"), a.unit()));

    /** The {@code max} parameter: the peak, finite and {@code >= 0}. */
    private final double max;
    /** The {@code total} parameter: steps in the run, {@code > 0} and large enough for the phases. */
    private final int total;
    /** The {@code pct} parameter: share of the rising phase, in (0, 1). */
    private final double pct;
    /** The {@code div} parameter: {@code initial = max / div}, finite and {@code > 0}. */
    private final double div;
    /** The {@code finalDiv} parameter: {@code final = initial / finalDiv}, finite and {@code > 0}. */
    @JsonProperty("final-div")
    private final double finalDiv;
    /** The {@code anneal} parameter: shape of each phase. */
    private final Anneal anneal;
    /** The {@code threePhase} parameter: fall back to {@code initial} symmetrically before the final phase. */
    @JsonProperty("three-phase")
    private final boolean threePhase;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;

    /**
     * @param max        the peak, finite and {@code >= 0}
     * @param total      steps in the run, {@code > 0} and large enough for the phases
     * @param pct        share of the rising phase, in (0, 1)
     * @param div        {@code initial = max / div}, finite and {@code > 0}
     * @param finalDiv   {@code final = initial / finalDiv}, finite and {@code > 0}
     * @param anneal     shape of each phase
     * @param threePhase fall back to {@code initial} symmetrically before the final phase
     * @param unit       the counter
     */
    @JsonCreator
    public OneCycle(@JsonProperty("max") @JsonDeserialize(using = StrictJson.Real.class) double max,
                    @JsonProperty("total") @JsonDeserialize(using = StrictJson.Whole.class) int total,
                    @JsonProperty("pct") @JsonDeserialize(using = StrictJson.Real.class) double pct,
                    @JsonProperty("div") @JsonDeserialize(using = StrictJson.Real.class) double div,
                    @JsonProperty("final-div") @JsonDeserialize(using = StrictJson.Real.class) double finalDiv,
                    @JsonProperty("anneal") Anneal anneal,
                    @JsonProperty("three-phase") boolean threePhase,
                    @JsonProperty("unit") ScheduleType unit) {
        Check check = Check.of("one-cycle");
        this.max = check.rate("max", max);
        this.total = check.positive("total", total);
        check.require(pct > 0 && pct < 1, "pct", "in (0, 1)", pct);
        this.pct = pct;
        this.div = check.positive("div", div);
        check.require(Double.isFinite(max / div), "div", "such that max/div is finite", div);
        this.finalDiv = check.positive("final-div", finalDiv);
        check.require(Double.isFinite(max / div / finalDiv), "final-div", "such that max/div/final-div is finite",
                finalDiv);
        this.anneal = check.notNull("anneal", anneal);
        this.threePhase = threePhase;
        this.unit = check.notNull("unit", unit);
        check.require(firstEnd() > 0, "total",
                "large enough for the phases (pct*total - 1 > 0 with pct=" + pct + ")", total);
        // Two phases: the second, from firstEnd() to total - 1, is never empty, as pct < 1 gives
        // pct*total < total, also in doubles (and subtracting 1 from a number > 1 below 2^31 is exact).
        // Three: the middle phase is secondEnd() - firstEnd() = firstEnd() > 0 long; the last may be empty.
        if (threePhase) {
            check.require(total - 1 > secondEnd(), "pct",
                    "small enough that the third phase has positive length (2*pct*total - 2 < total - 1 with total="
                            + total + ")", pct);
        }
    }

    /**
     * Two phases, cosine annealing, PyTorch's defaults: {@code pct=0.3, div=25, final-div=10000}.
     *
     * @param max the peak, finite and {@code >= 0}
     * @param total steps in the run, {@code > 0} and large enough for the phases
     * @param unit the counter
     */
    public OneCycle(double max, int total, ScheduleType unit) {
        this(max, total, 0.3, 25, 10000, Anneal.COS, false, unit);
    }

    /** @return the {@code max} parameter: the peak, finite and {@code >= 0} */
    public double max() {
        return max;
    }

    /** @return the {@code total} parameter: steps in the run, {@code > 0} and large enough for the phases */
    public int total() {
        return total;
    }

    /** @return the {@code pct} parameter: share of the rising phase, in (0, 1) */
    public double pct() {
        return pct;
    }

    /** @return the {@code div} parameter: {@code initial = max / div}, finite and {@code > 0} */
    public double div() {
        return div;
    }

    /** @return the {@code finalDiv} parameter: {@code final = initial / finalDiv}, finite and {@code > 0} */
    public double finalDiv() {
        return finalDiv;
    }

    /** @return the {@code anneal} parameter: shape of each phase */
    public Anneal anneal() {
        return anneal;
    }

    /** @return the {@code threePhase} parameter: fall back to {@code initial} symmetrically before the final phase */
    public boolean threePhase() {
        return threePhase;
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    @Override
    public double valueAt(long n) {
        double initial = max / div;
        double last = initial / finalDiv;
        double step = Math.min(n, total - 1L);
        double firstEnd = firstEnd();
        if (step <= firstEnd) {
            return anneal.between(initial, max, step / firstEnd);
        }
        double lastStep = total - 1;
        if (!threePhase) {
            return anneal.between(max, last, (step - firstEnd) / (lastStep - firstEnd));
        }
        double secondEnd = secondEnd();
        if (step <= secondEnd) {
            return anneal.between(max, initial, (step - firstEnd) / (secondEnd - firstEnd));
        }
        return anneal.between(initial, last, (step - secondEnd) / (lastStep - secondEnd));
    }

    /** PyTorch's {@code float(pct_start * total_steps) - 1}. */
    private double firstEnd() {
        return pct * total - 1;
    }

    /** PyTorch's {@code float(2 * pct_start * total_steps) - 2}. */
    private double secondEnd() {
        return 2 * pct * total - 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OneCycle other && Double.compare(max, other.max) == 0 && total == other.total
                && Double.compare(pct, other.pct) == 0 && Double.compare(div, other.div) == 0
                && Double.compare(finalDiv, other.finalDiv) == 0 && anneal == other.anneal
                && threePhase == other.threePhase && unit == other.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(max, total, pct, div, finalDiv, anneal, threePhase, unit);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
