package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.Scaled;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each command does to the adjustment of the configured schedule. */
class RateAdjustmentTest {

    private final CounterSchedule base = Schedules.parse("exponential(lr=0.1, rate=0.5, unit=iteration)");

    @Test
    void noneIsThePlainSchedule() {
        assertThat(RateAdjustment.NONE.factor()).isEqualTo(1.0);
        assertThat(RateAdjustment.NONE.fixed()).isFalse();
        assertThat(RateAdjustment.NONE.applyTo(base)).isSameAs(base);
        assertThat(RateAdjustment.NONE).hasToString("plain schedule");
    }

    @Test
    void factorScalesTheSchedule() {
        RateAdjustment half = RateAdjustment.NONE.after(new RateCommand.Multiply(0.5), 123, 0, 0);
        assertThat(half).isEqualTo(new RateAdjustment(0.5, Double.NaN));
        assertThat(half.after(new RateCommand.Multiply(0.5), 123, 0, 0)).isEqualTo(new RateAdjustment(0.25, Double.NaN));
        assertThat(half.applyTo(base)).isEqualTo(new Scaled(0.5, base));
        assertThat(half.applyTo(base).valueAt(3, 0)).isEqualTo(0.5 * 0.1 * 0.125);
        assertThat(half).hasToString("schedule x0.5");
    }

    @Test
    void factorWhileFixedScalesTheFixedRateAndKeepsTheFactor() {
        RateAdjustment fixed = new RateAdjustment(0.3, 0.02);
        RateAdjustment cut = fixed.after(new RateCommand.Multiply(0.5), 123, 0, 0);
        assertThat(cut.factor()).isEqualTo(0.3);
        assertThat(cut.fixedRate()).isEqualTo(0.01);
        assertThat(cut.applyTo(base)).isEqualTo(new ConstantRate(0.01));
        assertThat(cut).hasToString("fixed rate 0.01");
    }

    @Test
    void setPicksTheFactorForTheBaseRateGiven() {
        assertThat(RateAdjustment.NONE.after(new RateCommand.Set(0.02), 0.08, 0, 0)).isEqualTo(new RateAdjustment(0.25, Double.NaN));
        assertThat(new RateAdjustment(0.5, Double.NaN).after(new RateCommand.Set(0.02), 0.08, 0, 0))
                .as("the old factor does not matter").isEqualTo(new RateAdjustment(0.25, Double.NaN));
        assertThat(new RateAdjustment(0.5, 0.3).after(new RateCommand.Set(0.02), 0.08, 0, 0))
                .as("leaves a fixed rate for the scaled schedule").isEqualTo(new RateAdjustment(0.25, Double.NaN));
        assertThat(RateAdjustment.NONE.after(new RateCommand.Set(0), 0.08, 0, 0)).isEqualTo(new RateAdjustment(0, Double.NaN));
    }

    @Test
    void setWhenTheScheduleIsZeroIsRejected() {
        assertThatThrownBy(() -> RateAdjustment.NONE.after(new RateCommand.Set(0.01), 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the schedule's rate is 0 now").hasMessageContaining("use 'fixed'");
    }

    @Test
    void fixedAndScheduleCommands() {
        RateAdjustment fixed = new RateAdjustment(0.5, Double.NaN).after(new RateCommand.Fix(0.004), 123, 0, 0);
        assertThat(fixed).isEqualTo(new RateAdjustment(0.5, 0.004));
        assertThat(fixed.fixed()).isTrue();
        assertThat(fixed.applyTo(base)).isEqualTo(new ConstantRate(0.004));
        assertThat(fixed.after(new RateCommand.Resume(), 123, 0, 0)).isEqualTo(RateAdjustment.NONE);
        assertThat(new RateAdjustment(0.5, Double.NaN).after(new RateCommand.Resume(), 123, 0, 0)).isEqualTo(RateAdjustment.NONE);
    }

    @Test
    void theFactorIsChecked() {
        assertThatThrownBy(() -> new RateAdjustment(-0.5, Double.NaN)).hasMessageContaining("factor must be finite and >= 0");
        assertThatThrownBy(() -> new RateAdjustment(Double.NaN, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateAdjustment(Double.POSITIVE_INFINITY, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Through the controller: {@code set} while the schedule is at 0 warns, and nothing changes. */
    @Test
    void controllerRejectsSetWhenTheScheduleIsZero() {
        CounterSchedule warmup = Schedules.parse("linear(from=0.0, to=0.1, steps=10, unit=iteration)");
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(warmup)));
        RateController controller = RateController.attach(network);
        List<String> warnings = new ArrayList<>();
        controller.onWarning(warnings::add);

        assertThat(controller.apply(new RateCommand.Set(0.01), "test")).isNull();

        assertThat(warnings).singleElement().asString().startsWith("test: ").contains("the schedule's rate is 0 now")
                .endsWith("nothing changed");
        assertThat(controller.adjustment()).isEqualTo(RateAdjustment.NONE);
        assertThat(controller.history()).isEmpty();
        assertThat(layerSchedule(network, 0)).isEqualTo(warmup);
        assertThat(layerSchedule(network, 1)).isEqualTo(warmup);

        // 'fixed' works there, and 'factor' while fixed scales the fixed rate
        controller.apply(new RateCommand.Fix(0.02), "test");
        controller.apply(new RateCommand.Multiply(0.5), "test");
        assertThat(controller.currentRate()).isEqualTo(0.01);
        assertThat(layerSchedule(network, 1)).isEqualTo(new ConstantRate(0.01));
        controller.apply(new RateCommand.Resume(), "test");
        assertThat(controller.currentRate()).isZero();
        assertThat(layerSchedule(network, 0)).isEqualTo(warmup);
        assertThat(controller.history()).hasSize(3);
    }

    private static ISchedule layerSchedule(MultiLayerNetwork network, int layer) {
        return ((Sgd) ((BaseLayer) network.getLayer(layer).conf().getLayer()).getIUpdater()).getLearningRateSchedule();
    }
}
