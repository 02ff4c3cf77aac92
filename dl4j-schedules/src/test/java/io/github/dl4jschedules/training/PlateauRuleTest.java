package io.github.dl4jschedules.training;

import io.github.dl4jschedules.dl4j.TinyNetworks;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plateau rule's text form, its defaults (PyTorch's), its validation and its comparison. */
class PlateauRuleTest {

    private static final PlateauRule.Mode MIN = PlateauRule.Mode.MIN;
    private static final PlateauRule.Mode MAX = PlateauRule.Mode.MAX;

    @Test
    void defaultsArePyTorchs() {
        // torch.optim.lr_scheduler.ReduceLROnPlateau(mode='min', factor=0.1, patience=10, threshold=1e-4,
        //     threshold_mode='rel', cooldown=0, min_lr=0, eps=1e-8)
        PlateauRule torch = new PlateauRule(MIN, 0.1, 10, 1e-4, true, 0, 0, 1e-8);
        assertThat(PlateauRule.DEFAULTS).isEqualTo(torch);
        assertThat(PlateauRule.parse("")).isEqualTo(torch);
        assertThat(PlateauRule.parse(" , ")).isEqualTo(torch);
    }

    @Test
    void eachKeyOverridesItsDefault() {
        PlateauRule d = PlateauRule.DEFAULTS;
        assertThat(PlateauRule.parse("mode=max")).isEqualTo(new PlateauRule(MAX, d.factor(), d.patience(), d.threshold(),
                d.relative(), d.cooldown(), d.minRate(), d.eps()));
        assertThat(PlateauRule.parse("factor=0.5").factor()).isEqualTo(0.5);
        assertThat(PlateauRule.parse("patience=3").patience()).isEqualTo(3);
        assertThat(PlateauRule.parse("threshold=0.01").threshold()).isEqualTo(0.01);
        assertThat(PlateauRule.parse("threshold-mode=abs").relative()).isFalse();
        assertThat(PlateauRule.parse("threshold-mode=rel").relative()).isTrue();
        assertThat(PlateauRule.parse("cooldown=2").cooldown()).isEqualTo(2);
        assertThat(PlateauRule.parse("min=1e-4").minRate()).isEqualTo(1e-4);
        assertThat(PlateauRule.parse("eps=1e-6").eps()).isEqualTo(1e-6);
        assertThat(PlateauRule.parse("factor=0.5").mode()).isEqualTo(MIN);
        assertThat(PlateauRule.parse("patience=3")).isEqualTo(new PlateauRule(MIN, d.factor(), 3, d.threshold(),
                d.relative(), d.cooldown(), d.minRate(), d.eps()));
    }

    @Test
    void allKeysTogetherInAnyOrderAndCase() {
        PlateauRule expected = new PlateauRule(MAX, 0.5, 2, 0.01, false, 1, 1e-4, 1e-8);
        assertThat(PlateauRule.parse(
                "mode=max, factor=0.5, patience=2, threshold=0.01, threshold-mode=abs, cooldown=1, min=1e-4, eps=1e-8"))
                .isEqualTo(expected);
        assertThat(PlateauRule.parse(" EPS = 1e-8 ,Min=0.0001,cooldown=1,THRESHOLD-MODE=ABS,threshold=0.01,"
                + "patience=2,factor=.5,Mode=MAX")).isEqualTo(expected);
        assertThat(PlateauRule.parse(expected.toString())).isEqualTo(expected);
        assertThat(PlateauRule.parse(PlateauRule.DEFAULTS.toString())).isEqualTo(PlateauRule.DEFAULTS);
        assertThat(expected).hasToString(
                "mode=max, factor=0.5, patience=2, threshold=0.01, threshold-mode=abs, cooldown=1, min=1.0E-4, eps=1.0E-8, wsd-cooldown=0");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', value = {
            "factor=abc => plateau: factor must be a number, got factor=abc",
            "threshold= => plateau: threshold must be a number, got threshold=",
            "patience=1.5 => plateau: patience must be an integer, got patience=1.5",
            "cooldown=two => plateau: cooldown must be an integer, got cooldown=two",
            "mode=median => plateau: mode must be min or max, got mode=median",
            "threshold-mode=percent => plateau: threshold-mode must be rel or abs, got threshold-mode=percent",
            "factor=1 => plateau: factor must be in (0, 1), got factor=1.0",
            "factor=0 => plateau: factor must be in (0, 1), got factor=0.0",
            "factor=NaN => plateau: factor must be in (0, 1), got factor=NaN",
            "patience=-1 => plateau: patience must be >= 0, got patience=-1",
            "threshold=-0.1 => plateau: threshold must be finite and >= 0, got threshold=-0.1",
            "threshold=Infinity => plateau: threshold must be finite and >= 0, got threshold=Infinity",
            "cooldown=-2 => plateau: cooldown must be >= 0, got cooldown=-2",
            "min=-1e-4 => plateau: min must be finite and >= 0, got min=-1.0E-4",
            "eps=NaN => plateau: eps must be finite and >= 0, got eps=NaN",
            "factor=0.5, factor=0.2 => plateau: factor given twice",
            "factor=0.5, speed=3 => plateau: unknown key 'speed'; keys: "
                    + "mode=min|max, factor, patience, threshold, threshold-mode=rel|abs, cooldown, min, eps, wsd-cooldown",
            "factor 0.5 => plateau: expected key=value, got 'factor 0.5'; keys: "
                    + "mode=min|max, factor, patience, threshold, threshold-mode=rel|abs, cooldown, min, eps, wsd-cooldown"})
    void mistakesNameTheKey(String text, String message) {
        assertThatThrownBy(() -> PlateauRule.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void theConstructorValidatesToo() {
        assertThatThrownBy(() -> new PlateauRule(null, 0.1, 1, 0, true, 0, 0, 0))
                .hasMessage("plateau: mode must be min or max, got null");
        assertThatThrownBy(() -> new PlateauRule(MIN, 1.5, 1, 0, true, 0, 0, 0))
                .hasMessage("plateau: factor must be in (0, 1), got factor=1.5");
        assertThatThrownBy(() -> new PlateauRule(MIN, 0.1, 1, 0, true, 0, Double.POSITIVE_INFINITY, 0))
                .hasMessageStartingWith("plateau: min must be finite");
        assertThat(new PlateauRule(MIN, 0.1, 0, 0, false, 0, 0, 0).threshold()).isZero();
    }

    /** The four comparisons of the javadoc, on exactly representable numbers (threshold 0.5). */
    @Test
    void betterFollowsModeAndThresholdMode() {
        PlateauRule minRel = new PlateauRule(MIN, 0.1, 0, 0.5, true, 0, 0, 0);
        assertThat(minRel.isBetter(0.49, 1.0)).isTrue();            // < 1 * (1 - 0.5)
        assertThat(minRel.isBetter(0.5, 1.0)).isFalse();
        assertThat(minRel.isBetter(-1.9, -2.0)).isTrue();           // PyTorch's quirk: -2 * 0.5 = -1
        PlateauRule minAbs = new PlateauRule(MIN, 0.1, 0, 0.5, false, 0, 0, 0);
        assertThat(minAbs.isBetter(1.49, 2.0)).isTrue();            // < 2 - 0.5
        assertThat(minAbs.isBetter(1.5, 2.0)).isFalse();
        PlateauRule maxRel = new PlateauRule(MAX, 0.1, 0, 0.5, true, 0, 0, 0);
        assertThat(maxRel.isBetter(1.51, 1.0)).isTrue();            // > 1 * 1.5
        assertThat(maxRel.isBetter(1.5, 1.0)).isFalse();
        PlateauRule maxAbs = new PlateauRule(MAX, 0.1, 0, 0.5, false, 0, 0, 0);
        assertThat(maxAbs.isBetter(2.51, 2.0)).isTrue();            // > 2 + 0.5
        assertThat(maxAbs.isBetter(2.5, 2.0)).isFalse();
        assertThat(minRel.worst()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(maxAbs.worst()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(minRel.isBetter(1e300, minRel.worst())).isTrue();
        assertThat(maxRel.isBetter(-1e300, maxRel.worst())).isTrue();
    }

    @Test
    void aNaNMetricWarnsAndChangesNothing() {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(0.1)));
        RateController controller = RateController.attach(network);
        List<String> warnings = new ArrayList<>();
        controller.onWarning(warnings::add);
        ReduceOnPlateau plateau = new ReduceOnPlateau(controller, model -> Double.NaN, PlateauRule.parse("patience=0"));
        plateau.step(1.0);
        PlateauState before = plateau.state();

        assertThat(plateau.step(Double.NaN)).isFalse();
        plateau.onEpochEnd(network);

        assertThat(plateau.state()).isEqualTo(before).isEqualTo(new PlateauState(1.0, 0, 0, 0));
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w).contains("NaN").contains("nothing changed"));
        assertThat(controller.history()).isEmpty();
        assertThat(controller.currentRate()).isEqualTo(0.1);
    }
}
