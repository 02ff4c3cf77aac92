package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.Scaled;
import io.github.dl4jschedules.training.RateAdjustment.CooldownStart;
import io.github.dl4jschedules.training.RateAdjustment.FixedRate;
import io.github.dl4jschedules.training.RateAdjustment.FollowSchedule;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each command does to the adjustment of the configured schedule. */
class RateAdjustmentTest {

    private final CounterSchedule base = Schedules.parse("exponential(lr=0.1, rate=0.5, unit=iteration)");

    @Test
    void noneIsThePlainSchedule() {
        assertThat(RateAdjustment.NONE).isEqualTo(new FollowSchedule(1, null));
        assertThat(RateAdjustment.NONE.applyTo(base)).isSameAs(base);
        assertThat(RateAdjustment.NONE).hasToString("plain schedule");
    }

    @Test
    void factorScalesTheSchedule() {
        RateAdjustment half = RateAdjustment.NONE.after(new RateCommand.Multiply(0.5), 123, 0, 0);
        assertThat(half).isEqualTo(new FollowSchedule(0.5, null));
        assertThat(half.after(new RateCommand.Multiply(0.5), 123, 0, 0)).isEqualTo(new FollowSchedule(0.25, null));
        assertThat(half.applyTo(base)).isEqualTo(new Scaled(0.5, base));
        assertThat(half.applyTo(base).valueAt(3, 0)).isEqualTo(0.5 * 0.1 * 0.125);
        assertThat(half).hasToString("schedule x0.5");
    }

    @Test
    void factorWhileFixedScalesTheFixedRate() {
        RateAdjustment cut = new FixedRate(0.02, null).after(new RateCommand.Multiply(0.5), 123, 0, 0);
        assertThat(cut).isEqualTo(new FixedRate(0.01, null));
        assertThat(cut.applyTo(base)).isEqualTo(new ConstantRate(0.01));
        assertThat(cut).hasToString("fixed rate 0.01");
    }

    @Test
    void setPicksTheFactorForTheBaseRateGiven() {
        assertThat(RateAdjustment.NONE.after(new RateCommand.Set(0.02), 0.08, 0, 0)).isEqualTo(new FollowSchedule(0.25, null));
        assertThat(new FollowSchedule(0.5, null).after(new RateCommand.Set(0.02), 0.08, 0, 0))
                .as("the old factor does not matter").isEqualTo(new FollowSchedule(0.25, null));
        assertThat(new FixedRate(0.3, null).after(new RateCommand.Set(0.02), 0.08, 0, 0))
                .as("leaves a fixed rate for the scaled schedule").isEqualTo(new FollowSchedule(0.25, null));
        assertThat(RateAdjustment.NONE.after(new RateCommand.Set(0), 0.08, 0, 0)).isEqualTo(new FollowSchedule(0, null));
    }

    @Test
    void setWhenTheScheduleIsZeroIsRejected() {
        assertThatThrownBy(() -> RateAdjustment.NONE.after(new RateCommand.Set(0.01), 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the schedule's rate is 0 now").hasMessageContaining("use 'fixed'");
    }

    @Test
    void fixedAndScheduleCommands() {
        RateAdjustment fixed = new FollowSchedule(0.5, null).after(new RateCommand.Fix(0.004), 123, 0, 0);
        assertThat(fixed).isEqualTo(new FixedRate(0.004, null));
        assertThat(fixed.applyTo(base)).isEqualTo(new ConstantRate(0.004));
        assertThat(fixed.after(new RateCommand.Resume(), 123, 0, 0)).isEqualTo(RateAdjustment.NONE);
        assertThat(new FollowSchedule(0.5, null).after(new RateCommand.Resume(), 123, 0, 0)).isEqualTo(RateAdjustment.NONE);
    }

    /** A cooldown stays through {@code factor}, {@code set} and {@code fixed}; {@code schedule} ends it. */
    @Test
    void aCooldownIsKeptByEveryCommandButSchedule() {
        CounterSchedule wsd = Schedules.parse("wsd(lr=0.1, cooldown=1000, warmup=3, shape=one-minus-sqrt, min=0.001)");
        CooldownStart start = new CooldownStart(40, 2, 10);
        RateAdjustment cooling = RateAdjustment.NONE.after(new RateCommand.Cooldown(10), 0.1, 40, 2);
        assertThat(cooling).isEqualTo(new FollowSchedule(1, start));
        assertThat(cooling).hasToString("plain schedule, cooling down from iteration 40 over 10 steps");

        RateAdjustment fixed = cooling.after(new RateCommand.Fix(0.004), 0.1, 45, 2);
        assertThat(fixed).isEqualTo(new FixedRate(0.004, start));
        assertThat(fixed).hasToString("fixed rate 0.004, cooling down from iteration 40 over 10 steps");
        assertThat(fixed.after(new RateCommand.Multiply(0.5), 0.1, 46, 2)).isEqualTo(new FixedRate(0.002, start));
        assertThat(fixed.after(new RateCommand.Set(0.02), 0.08, 46, 2)).isEqualTo(new FollowSchedule(0.25, start));
        assertThat(fixed.after(new RateCommand.Resume(), 0.1, 46, 2)).isEqualTo(RateAdjustment.NONE);
        assertThat(fixed.shape(wsd)).as("the schedule a later 'schedule' or 'set' returns to").isNotEqualTo(wsd)
                .isEqualTo(start.applyTo(wsd));

        assertThatThrownBy(() -> fixed.after(new RateCommand.Cooldown(5), 0.1, 46, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cooldown: already cooling down since iteration 40 over 10 steps");
    }

    @Test
    void theFactorIsChecked() {
        assertThatThrownBy(() -> new FollowSchedule(-0.5, null)).hasMessage("factor must be finite and >= 0, got -0.5");
        assertThatThrownBy(() -> new FollowSchedule(Double.NaN, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FollowSchedule(Double.POSITIVE_INFINITY, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FollowSchedule(1e308, null).after(new RateCommand.Multiply(10), 0.1, 0, 0))
                .hasMessage("factor must be finite and >= 0, got Infinity");
    }

    @Test
    void theFixedRateIsChecked() {
        assertThatThrownBy(() -> new FixedRate(-0.1, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the fixed rate must be finite and >= 0, got -0.1");
        assertThatThrownBy(() -> new FixedRate(Double.NaN, null)).hasMessage("the fixed rate must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> new FixedRate(1e308, null).after(new RateCommand.Multiply(10), 0.1, 0, 0))
                .hasMessage("the fixed rate must be finite and >= 0, got Infinity");
    }

    /** Saved with the model ({@link TrainingStateStore}) by Java serialization: each kind reads back equal. */
    @Test
    void bothKindsReadBackFromTheirSerializedForm() throws Exception {
        for (RateAdjustment adjustment : List.of(RateAdjustment.NONE, new FollowSchedule(0.25, new CooldownStart(6, 1, 9)),
                new FixedRate(0.004, null))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(adjustment);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                assertThat(in.readObject()).isEqualTo(adjustment);
            }
        }
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
