package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.spec.ScheduleValidationException;
import io.github.dl4jschedules.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.nd4j.linalg.schedule.ScheduleType.EPOCH;
import static org.nd4j.linalg.schedule.ScheduleType.ITERATION;

/**
 * The modern schedules and the composites reject bad arguments with a message naming schedule,
 * parameter, rule and value, from Java and from a spec alike; composites insist that their children
 * count in their unit.
 */
class ModernSchedulesValidationTest {

    private static void rejects(Executable construction, String message) {
        assertThatThrownBy(construction::execute).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private static void rejectsSpec(String spec, String message) {
        assertThatThrownBy(() -> Schedules.parse(spec)).isInstanceOf(SpecException.class).hasMessage(message);
    }

    private static final CosineDecay EPOCH_COSINE = new CosineDecay(0.1, 10, EPOCH);
    private static final CosineDecay ITERATION_COSINE = new CosineDecay(0.1, 10, ITERATION);

    @Test
    void theRejectionCarriesScheduleParameterRuleAndValueAsData() {
        assertThatThrownBy(() -> new CosineDecay(0.1, 0, EPOCH))
                .isInstanceOfSatisfying(ScheduleValidationException.class, e -> {
                    assertThat(e.schedule()).isEqualTo("cosine");
                    assertThat(e.parameter()).isEqualTo("steps");
                    assertThat(e.rule()).isEqualTo("> 0");
                    assertThat(e.value()).isEqualTo(0);
                });
    }

    @Test
    void polynomial() {
        rejects(() -> new PolynomialDecay(-0.1, 10, EPOCH), "polynomial: lr must be finite and >= 0, got lr=-0.1");
        rejects(() -> new PolynomialDecay(0.1, 0.2, 10, 1, false, EPOCH),
                "polynomial: end must be <= lr (0.1), got end=0.2");
        rejects(() -> new PolynomialDecay(0.1, -0.01, 10, 1, false, EPOCH),
                "polynomial: end must be finite and >= 0, got end=-0.01");
        rejects(() -> new PolynomialDecay(0.1, 0, 10, 0, false, EPOCH),
                "polynomial: power must be finite and > 0, got power=0.0");
        rejects(() -> new PolynomialDecay(0.1, 0, 10, Double.NaN, false, EPOCH),
                "polynomial: power must be finite and > 0, got power=NaN");
        rejects(() -> new PolynomialDecay(0.1, 0, ITERATION), "polynomial: steps must be > 0, got steps=0");
        rejects(() -> new PolynomialDecay(0.1, 10, null), "polynomial: unit must be given, got null");
        rejectsSpec("polynomial(lr=0.1, end=0.5, steps=4)", "polynomial: end must be <= lr (0.1), got end=0.5 at 23");
    }

    @Test
    void cosine() {
        rejects(() -> new CosineDecay(Double.POSITIVE_INFINITY, 10, EPOCH),
                "cosine: lr must be finite and >= 0, got lr=Infinity");
        rejects(() -> new CosineDecay(0.1, 10, 0.2, EPOCH), "cosine: min must be <= lr (0.1), got min=0.2");
        rejects(() -> new CosineDecay(0.1, -5, EPOCH), "cosine: steps must be > 0, got steps=-5");
        rejectsSpec("cosine(lr=0.1, steps=0)", "cosine: steps must be > 0, got steps=0 at 21");
    }

    @Test
    void cosineRestarts() {
        rejects(() -> new CosineRestarts(0.1, 0, EPOCH), "cosine-restarts: period must be > 0, got period=0");
        rejects(() -> new CosineRestarts(0.1, 4, 0.5, 1, 0, EPOCH),
                "cosine-restarts: mult must be finite and >= 1, got mult=0.5");
        rejects(() -> new CosineRestarts(0.1, 4, Double.POSITIVE_INFINITY, 1, 0, EPOCH),
                "cosine-restarts: mult must be finite and >= 1, got mult=Infinity");
        rejects(() -> new CosineRestarts(0.1, 4, 2, 0, 0, EPOCH), "cosine-restarts: decay must be in (0, 1], got decay=0.0");
        rejects(() -> new CosineRestarts(0.1, 4, 2, 1.5, 0, EPOCH),
                "cosine-restarts: decay must be in (0, 1], got decay=1.5");
        rejects(() -> new CosineRestarts(0.1, 4, 2, 1, 0.3, EPOCH),
                "cosine-restarts: min must be <= lr (0.1), got min=0.3");
        rejects(() -> new CosineRestarts(-1, 4, EPOCH), "cosine-restarts: lr must be finite and >= 0, got lr=-1.0");
        rejectsSpec("cosine-restarts(lr=0.1, period=4, mult=0.9)",
                "cosine-restarts: mult must be finite and >= 1, got mult=0.9 at 39");
    }

    @Test
    void cosineRestartsNeverRisesAboveTheFloorOrFallsBelowIt() {
        CosineRestarts decayingPeaks = new CosineRestarts(0.1, 2, 1, 0.5, 0.03, ITERATION);
        for (long n = 0; n < 40; n++) {
            assertThat(decayingPeaks.valueAt(n)).as("n=%d", n).isBetween(0.03, 0.1);
        }
        assertThat(decayingPeaks.valueAt(10)).as("peak 0.1*0.5^5 is below min: the cycle stays at min")
                .isEqualTo(0.03);
    }

    @Test
    void linear() {
        rejects(() -> new LinearRamp(-0.1, 0.1, 5, EPOCH), "linear: from must be finite and >= 0, got from=-0.1");
        rejects(() -> new LinearRamp(0, Double.NaN, 5, EPOCH), "linear: to must be finite and >= 0, got to=NaN");
        rejects(() -> new LinearRamp(0, 0.1, 0, EPOCH), "linear: steps must be > 0, got steps=0");
        rejectsSpec("linear(from=0, to=-1, steps=3)", "linear: to must be finite and >= 0, got to=-1.0 at 18");
    }

    @Test
    void cyclic() {
        rejects(() -> new CyclicSchedule(0.2, 0.1, 4, EPOCH), "cyclic: min must be <= max (0.1), got min=0.2");
        rejects(() -> new CyclicSchedule(0.01, Double.POSITIVE_INFINITY, 4, EPOCH),
                "cyclic: max must be finite and >= 0, got max=Infinity");
        rejects(() -> new CyclicSchedule(-0.01, 0.1, 4, EPOCH), "cyclic: min must be finite and >= 0, got min=-0.01");
        rejects(() -> new CyclicSchedule(0.01, 0.1, 0, EPOCH), "cyclic: half must be > 0, got half=0");
        rejects(() -> new CyclicSchedule(0.01, 0.1, 4, CyclicMode.EXP_RANGE, 1.01, EPOCH),
                "cyclic: gamma must be in (0, 1], got gamma=1.01");
        rejects(() -> new CyclicSchedule(0.01, 0.1, 4, CyclicMode.EXP_RANGE, 0, EPOCH),
                "cyclic: gamma must be in (0, 1], got gamma=0.0");
        rejects(() -> new CyclicSchedule(0.01, 0.1, 4, null, 1, EPOCH), "cyclic: mode must be given, got null");
        rejectsSpec("cyclic(min=0.1, max=0.01, half=2)", "cyclic: min must be <= max (0.01), got min=0.1 at 11");
        rejectsSpec("cyclic(min=0.01, max=0.1, half=2, mode=exp_range)",
                "cyclic: mode must be triangular or triangular2 or exp-range, got 'exp_range' at 39");
    }

    @Test
    void wsd() {
        rejects(() -> new Wsd(-0.1, 5, 0, 3, CooldownShape.LINEAR, 0, ITERATION), "wsd: lr must be finite and >= 0, got lr=-0.1");
        rejects(() -> new Wsd(0.1, 0, 0, 3, CooldownShape.LINEAR, 0, ITERATION), "wsd: cooldown must be > 0, got cooldown=0");
        rejects(() -> new Wsd(0.1, 5, -1, 3, CooldownShape.LINEAR, 0, ITERATION), "wsd: warmup must be >= 0, got warmup=-1");
        rejects(() -> new Wsd(0.1, 5, 0, -3, CooldownShape.LINEAR, 0, ITERATION), "wsd: stable must be >= 0, got stable=-3");
        rejects(() -> new Wsd(0.1, 5, 0, 3, null, 0, ITERATION), "wsd: shape must be given, got null");
        rejects(() -> new Wsd(0.1, 5, 0, 3, CooldownShape.COSINE, 0.2, ITERATION), "wsd: min must be <= lr (0.1), got min=0.2");
        rejects(() -> new Wsd(0.1, 5, 0, 3, CooldownShape.COSINE, Double.NaN, ITERATION), "wsd: min must be finite and >= 0, got min=NaN");
        rejects(() -> new Wsd(0.1, 5, 0, 3, CooldownShape.COSINE, 0, null), "wsd: unit must be given, got null");
        rejectsSpec("wsd(lr=0.1, cooldown=0)", "wsd: cooldown must be > 0, got cooldown=0 at 21");
        rejectsSpec("wsd(lr=0.1, cooldown=5, shape=sqrt)",
                "wsd: shape must be linear or cosine or one-minus-sqrt, got 'sqrt' at 30");
        rejectsSpec("wsd(lr=0.1)", "wsd: missing parameter 'cooldown' at 0; required: lr, cooldown");
    }

    @Test
    void wsdCoolsDownOnlyAfterTheWarmupAndBeforeItsOwnCooldown() {
        Wsd open = new Wsd(0.1, 5, 10, Wsd.OPEN, CooldownShape.LINEAR, 0, ITERATION);
        assertThat(open.coolingDownAt(10, 4)).isEqualTo(new Wsd(0.1, 4, 10, 0, CooldownShape.LINEAR, 0, ITERATION));
        assertThat(open.coolingDownAt(250, 7).stable()).isEqualTo(240);
        rejects(() -> open.coolingDownAt(9, 4), "cooldown: the warm-up of " + open
                + " runs until iteration 10; a cooldown can start from there, not at iteration 9");
        rejects(() -> open.coolingDownAt(20, 0), "wsd: cooldown must be > 0, got cooldown=0");
        Wsd fixed = new Wsd(0.1, 5, 0, 30, CooldownShape.LINEAR, 0, EPOCH);
        rejects(() -> fixed.coolingDownAt(31, 4), "cooldown: " + fixed
                + " has been cooling down since epoch 30; it cannot start again at epoch 31");
    }

    @Test
    void oneCycleNeedsATotalLongEnoughForItsPhases() {
        rejects(() -> new OneCycle(0.1, 3, EPOCH),
                "one-cycle: total must be large enough for the phases (pct*total - 1 > 0 with pct=0.3), got total=3");
        rejects(() -> new OneCycle(0.1, 10, 0.1, 25, 1e4, Anneal.COS, true, ITERATION),
                "one-cycle: total must be large enough for the phases (pct*total - 1 > 0 with pct=0.1), got total=10");
        rejects(() -> new OneCycle(0.1, 0, EPOCH), "one-cycle: total must be > 0, got total=0");
        rejects(() -> new OneCycle(0.1, 100, 0.6, 25, 1e4, Anneal.COS, true, ITERATION),
                "one-cycle: pct must be small enough that the third phase has positive length "
                        + "(2*pct*total - 2 < total - 1 with total=100), got pct=0.6");
        rejectsSpec("one-cycle(max=0.1, total=2)",
                "one-cycle: total must be large enough for the phases (pct*total - 1 > 0 with pct=0.3), got total=2 at 25");
    }

    @Test
    void oneCycleAcceptsTheLimitsPyTorchAccepts() {
        assertThat(new OneCycle(0.1, 4, ITERATION).total()).isEqualTo(4);
        assertThat(new OneCycle(0.1, 101, 0.5, 25, 1e4, Anneal.LINEAR, true, ITERATION).total()).isEqualTo(101);
        assertThat(new OneCycle(0.1, 10, 0.3, 0.5, 1e4, Anneal.COS, false, ITERATION).div()).isEqualTo(0.5);
    }

    /**
     * Two phases have room for any pct below 1: the largest, 1 - 2^-53, with total 2 puts the peak at
     * step 2 * (1 - 2^-53) - 1 = 1 - 2^-52, just before the last step, 1, which ends at max/div/final-div.
     */
    @Test
    void twoPhasesAcceptEveryPctBelowOne() {
        OneCycle late = new OneCycle(0.1, 2, Math.nextDown(1.0), 25, 1e4, Anneal.LINEAR, false, ITERATION);
        assertThat(late.valueAt(0, 0)).isEqualTo(0.1 / 25);
        assertThat(late.valueAt(1, 0)).isCloseTo(0.1 / 25 / 1e4, within(1e-15));
        rejects(() -> new OneCycle(0.1, 2, 1.0, 25, 1e4, Anneal.LINEAR, false, ITERATION),
                "one-cycle: pct must be in (0, 1), got pct=1.0");
    }

    @Test
    void oneCycleRates() {
        rejects(() -> new OneCycle(-0.1, 100, EPOCH), "one-cycle: max must be finite and >= 0, got max=-0.1");
        rejects(() -> new OneCycle(Double.NaN, 100, EPOCH), "one-cycle: max must be finite and >= 0, got max=NaN");
        rejects(() -> new OneCycle(0.1, 100, 0, 25, 1e4, Anneal.COS, false, EPOCH),
                "one-cycle: pct must be in (0, 1), got pct=0.0");
        rejects(() -> new OneCycle(0.1, 100, 1, 25, 1e4, Anneal.COS, false, EPOCH),
                "one-cycle: pct must be in (0, 1), got pct=1.0");
        rejects(() -> new OneCycle(0.1, 100, 0.3, 0, 1e4, Anneal.COS, false, EPOCH),
                "one-cycle: div must be finite and > 0, got div=0.0");
        rejects(() -> new OneCycle(0.1, 100, 0.3, 25, -1, Anneal.COS, false, EPOCH),
                "one-cycle: final-div must be finite and > 0, got final-div=-1.0");
        rejects(() -> new OneCycle(1e300, 100, 0.3, 1e-10, 1e4, Anneal.COS, false, EPOCH),
                "one-cycle: div must be such that max/div is finite, got div=1.0E-10");
        rejects(() -> new OneCycle(1e300, 100, 0.3, 1, 1e-10, Anneal.COS, false, EPOCH),
                "one-cycle: final-div must be such that max/div/final-div is finite, got final-div=1.0E-10");
        rejects(() -> new OneCycle(0.1, 100, 0.3, 25, 1e4, null, false, EPOCH),
                "one-cycle: anneal must be given, got null");
        rejectsSpec("one-cycle(max=0.1, total=100, final-div=0)",
                "one-cycle: final-div must be finite and > 0, got final-div=0.0 at 40");
    }

    @Test
    void warmupChildMustCountInItsUnit() {
        rejects(() -> new Warmup(5, 0, EPOCH_COSINE, ITERATION),
                "warmup: then must count in iteration like its parent, "
                        + "got then=cosine(lr=0.1, steps=10, min=0.0, unit=epoch)");
        rejects(() -> new Warmup(5, ITERATION_COSINE, EPOCH),
                "warmup: then must count in epoch like its parent, "
                        + "got then=cosine(lr=0.1, steps=10, min=0.0, unit=iteration)");
        rejectsSpec("warmup(steps=5, then=cosine(lr=0.1, steps=10, unit=iteration), unit=epoch)",
                "warmup: then must count in epoch like its parent, "
                        + "got then=cosine(lr=0.1, steps=10, min=0.0, unit=iteration) at 21");
        rejectsSpec("sequence(constant(lr=0.1), warmup(steps=2, then=cosine(lr=0.1, steps=3, unit=epoch)), at=[4])",
                "warmup: then must count in iteration like its parent, "
                        + "got then=cosine(lr=0.1, steps=3, min=0.0, unit=epoch) at 48");
    }

    @Test
    void warmup() {
        rejects(() -> new Warmup(0, ITERATION_COSINE, ITERATION), "warmup: steps must be > 0, got steps=0");
        rejects(() -> new Warmup(5, -0.1, ITERATION_COSINE, ITERATION),
                "warmup: start must be finite and >= 0, got start=-0.1");
        rejects(() -> new Warmup(5, 0, null, ITERATION), "warmup: then must be given, got null");
        rejects(() -> new Warmup(5, 0, ITERATION_COSINE, null), "warmup: unit must be given, got null");
        rejectsSpec("warmup(steps=3)", "warmup: missing parameter 'then' at 0; required: steps, then");
    }

    @Test
    void childrenWithoutAUnitInheritTheParentsAndConstantsFitAnyUnit() {
        Warmup warmup = (Warmup) Schedules.parse("warmup(steps=2, then=cosine(lr=0.1, steps=3), unit=epoch)");
        assertThat(warmup.then()).isEqualTo(new CosineDecay(0.1, 3, EPOCH));
        SequenceSchedule sequence = (SequenceSchedule) Schedules.parse(
                "sequence(constant(lr=0.1), sequence(linear(from=0.1, to=0, steps=2), scaled(factor=2, "
                        + "of=cosine(lr=0.1, steps=3)), at=[2]), at=[4], unit=epoch)");
        SequenceSchedule inner = (SequenceSchedule) sequence.pieces().get(1);
        assertThat(inner.unit()).isEqualTo(EPOCH);
        assertThat(inner.pieces().get(0).unit()).isEqualTo(EPOCH);
        assertThat(inner.pieces().get(1).unit()).isEqualTo(EPOCH);
        assertThat(new Warmup(3, new ConstantRate(0.1), EPOCH).unit()).isEqualTo(EPOCH);
        assertThat(new Scaled(2, new ConstantRate(0.1)).unit()).isNull();
    }

    @Test
    void sequenceChildrenMustCountInItsUnit() {
        rejects(() -> new SequenceSchedule(List.of(ITERATION_COSINE, EPOCH_COSINE), new int[]{10}, ITERATION),
                "sequence: piece 2 must count in iteration like its parent, "
                        + "got piece 2=cosine(lr=0.1, steps=10, min=0.0, unit=epoch)");
        rejects(() -> new SequenceSchedule(List.of(new Scaled(2, ITERATION_COSINE)), new int[0], EPOCH),
                "sequence: piece 1 must count in epoch like its parent, "
                        + "got piece 1=scaled(factor=2.0, of=cosine(lr=0.1, steps=10, min=0.0, unit=iteration))");
        rejectsSpec("sequence(constant(lr=0.1), cosine(lr=0.1, steps=10, unit=epoch), at=[5])",
                "sequence: piece 2 must count in iteration like its parent, "
                        + "got piece 2=cosine(lr=0.1, steps=10, min=0.0, unit=epoch) at 0");
    }

    @Test
    void sequenceBoundaries() {
        rejects(() -> new SequenceSchedule(List.of(ITERATION_COSINE, ITERATION_COSINE, ITERATION_COSINE),
                        new int[]{8, 8}, ITERATION),
                "sequence: at must be strictly increasing integers >= 1, got at=[8, 8]");
        rejects(() -> new SequenceSchedule(List.of(ITERATION_COSINE, ITERATION_COSINE, ITERATION_COSINE),
                        new int[]{9, 3}, ITERATION),
                "sequence: at must be strictly increasing integers >= 1, got at=[9, 3]");
        rejects(() -> new SequenceSchedule(List.of(ITERATION_COSINE, ITERATION_COSINE), new int[]{0}, ITERATION),
                "sequence: at must be strictly increasing integers >= 1, got at=[0]");
        rejects(() -> new SequenceSchedule(List.of(ITERATION_COSINE, ITERATION_COSINE), new int[]{3, 6}, ITERATION),
                "sequence: at must be one shorter than the pieces (2 pieces), got at=[3, 6]");
        rejects(() -> new SequenceSchedule(List.of(ITERATION_COSINE), null, ITERATION),
                "sequence: at must be given, got null");
        rejects(() -> new SequenceSchedule(List.of(), new int[0], ITERATION),
                "sequence: pieces must be one or more schedules, got pieces=[]");
        rejectsSpec("sequence(constant(lr=0.1), constant(lr=0.01), at=[5, 3])",
                "sequence: at must be strictly increasing integers >= 1, got at=[5, 3] at 49");
        rejectsSpec("sequence(at=[], unit=epoch)", "sequence: pieces must be one or more schedules, got pieces=[] at 0");
    }

    @Test
    void sequenceCopiesItsLists() {
        List<CounterSchedule> pieces = new ArrayList<>(List.of(new ConstantRate(0.1), new ConstantRate(0.01)));
        int[] at = {5};
        SequenceSchedule sequence = new SequenceSchedule(pieces, at, ITERATION);
        pieces.set(0, new ConstantRate(0.5));
        at[0] = 1;
        sequence.at()[0] = 1;
        assertThat(sequence.pieces()).containsExactly(new ConstantRate(0.1), new ConstantRate(0.01));
        assertThat(sequence.at()).containsExactly(5);
        assertThatThrownBy(() -> sequence.pieces().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void scaled() {
        rejects(() -> new Scaled(-1, ITERATION_COSINE), "scaled: factor must be finite and >= 0, got factor=-1.0");
        rejects(() -> new Scaled(Double.NaN, ITERATION_COSINE), "scaled: factor must be finite and >= 0, got factor=NaN");
        rejects(() -> new Scaled(Double.POSITIVE_INFINITY, ITERATION_COSINE),
                "scaled: factor must be finite and >= 0, got factor=Infinity");
        rejects(() -> new Scaled(2, null), "scaled: of must be given, got null");
        rejectsSpec("scaled(factor=-0.5, of=constant(lr=0.1))", "scaled: factor must be finite and >= 0, got factor=-0.5 at 14");
        rejectsSpec("scaled(factor=2, of=warmup(steps=2, then=cosine(lr=0.1, steps=3, unit=epoch)))",
                "warmup: then must count in iteration like its parent, "
                        + "got then=cosine(lr=0.1, steps=3, min=0.0, unit=epoch) at 41");
    }

    @Test
    void scaledNeverReturnsInfinity() {
        Scaled huge = new Scaled(1e10, new ConstantRate(1e300));
        assertThat(huge.valueAt(0)).isFinite();
    }
}
