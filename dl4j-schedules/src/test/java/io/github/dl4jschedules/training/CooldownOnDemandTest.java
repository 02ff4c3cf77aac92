package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import io.github.dl4jschedules.schedules.CooldownShape;
import io.github.dl4jschedules.schedules.Wsd;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.nd4j.linalg.schedule.ScheduleType.ITERATION;

/**
 * The cooldown on demand of a {@code wsd} schedule whose stable phase is open: a {@code cooldown N}
 * command (control file, JMX, Java), reduce-on-plateau with {@code wsd-cooldown} and a training budget
 * start it at the next update; the rates that follow are the formula's, written out here; it is saved
 * with the model and resumes exactly; bad arguments are refused and change nothing.
 */
class CooldownOnDemandTest {

    private static final double LR = 0.1;
    private static final double MIN = 0.001;
    private static final int WARMUP = 3;
    private static final String OPEN = "wsd(lr=0.1, cooldown=1000, warmup=3, shape=one-minus-sqrt, min=0.001)";
    private static final int BATCHES = 4;
    private static final int EPOCHS = 5;

    /**
     * The rate of update n when the cooldown of {@code steps} starts at update {@code start}, from the
     * formula: linear warm-up from min, lr, then min + (lr - min) * (1 - sqrt((n - start) / steps)), min.
     */
    private static double expected(int n, int start, int steps) {
        if (n < WARMUP) {
            return MIN + (LR - MIN) * n / WARMUP;
        }
        if (n < start) {
            return LR;
        }
        if (n < start + steps) {
            return MIN + (LR - MIN) * (1 - Math.sqrt((double) (n - start) / steps));
        }
        return MIN;
    }

    /** The rate each update used, read right after it, per layer. */
    private static final class Rates extends BaseTrainingListener {
        final List<Double> first = new ArrayList<>();
        final List<Double> second = new ArrayList<>();

        @Override
        public void iterationDone(Model model, int iteration, int epoch) {
            MultiLayerNetwork network = (MultiLayerNetwork) model;
            first.add(rate(network, 0).getLearningRate(iteration, epoch));
            second.add(rate(network, 1).getLearningRate(iteration, epoch));
        }
    }

    private static IUpdater rate(MultiLayerNetwork network, int layer) {
        return ((BaseLayer) network.getLayer(layer).conf().getLayer()).getIUpdater();
    }

    private static ISchedule schedule(MultiLayerNetwork network, int layer) {
        return ((Sgd) rate(network, layer)).getLearningRateSchedule();
    }

    private static void assertRates(List<Double> rates, int start, int steps) {
        for (int n = 0; n < rates.size(); n++) {
            assertThat(rates.get(n)).as("update %d", n).isCloseTo(expected(n, start, steps), within(1e-15));
        }
    }

    @Test
    void theCommandStartsTheCooldownAtTheNextUpdateWithTheFormulasRates() {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse(OPEN))));
        AtomicReference<RateController> controller = new AtomicReference<>();
        Rates rates = new Rates();
        network.setListeners(new Script().at(6, () -> controller.get().submit(new RateCommand.Cooldown(8), "test")),
                rates);
        controller.set(RateController.attach(network));
        network.fit(TinyNetworks.iterator(TinyNetworks.batches(BATCHES, 5)), EPOCHS);

        assertThat(controller.get().history()).extracting(RateChange::iteration).containsExactly(7);
        assertThat(rates.first).hasSize(BATCHES * EPOCHS);
        assertRates(rates.first, 7, 8);
        assertRates(rates.second, 7, 8);
        assertThat(rates.first.get(6)).isEqualTo(LR);
        assertThat(rates.first.get(7)).as("the first cooldown update still has lr").isEqualTo(LR);
        assertThat(rates.first.get(15)).isEqualTo(MIN);
        Wsd cooled = new Wsd(LR, 8, WARMUP, 7 - WARMUP, CooldownShape.ONE_MINUS_SQRT, MIN, ITERATION);
        assertThat(schedule(network, 0)).as("the network holds a plain wsd").isEqualTo(cooled);
        assertThat(controller.get().configuredSchedule("0")).isEqualTo(Schedules.parse(OPEN));
    }

    @Test
    void aControlFileLineAndJmxGiveTheSameCommand(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("rate.ctl");
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse(OPEN))));
        Rates rates = new Rates();
        network.setListeners(new Script().write(4, file, "cooldown 5"), rates);
        RateController controller = RateController.attach(network);
        controller.addSource(new ControlFile(file));
        network.fit(TinyNetworks.iterator(TinyNetworks.batches(BATCHES, 5)), 3);
        assertThat(controller.history()).extracting(RateChange::iteration, c -> c.command().toString())
                .containsExactly(tuple(5, "cooldown 5"));
        assertRates(rates.first, 5, 5);

        MultiLayerNetwork viaJmx = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse(OPEN))));
        RateController jmxController = RateController.attach(viaJmx);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try (JmxControl jmx = JmxControl.register(jmxController, "cooldown")) {
            ObjectName name = jmx.name();
            List<DataSet> data = TinyNetworks.batches(BATCHES, 5);
            for (int i = 0; i < 4; i++) {
                viaJmx.fit(data.get(i));
            }
            server.invoke(name, "coolDown", new Object[] {5}, new String[] {"int"});
            viaJmx.fit(data.get(0));                                    // update 4 is the first of the cooldown
            assertThat(jmxController.history()).extracting(RateChange::iteration).containsExactly(4);
            assertThat(jmxController.currentRate()).isCloseTo(expected(5, 4, 5), within(1e-15));
            RateAdjustment cooling = jmxController.adjustment();
            assertThatThrownBy(() -> jmx.coolDown(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rate command: steps must be > 0, got steps=0");
            viaJmx.fit(data.get(1));
            assertThat(jmxController.adjustment()).as("a refused JMX call changes nothing").isEqualTo(cooling);
            assertThat(jmxController.history()).hasSize(1);
        }
    }

    @Test
    void saveAndRestoreMidCooldownContinueExactly(@TempDir Path directory) throws IOException {
        List<DataSet> data = TinyNetworks.batches(BATCHES, 5);
        MultiLayerNetwork straight = TinyNetworks.network(TinyNetworks.mlp(new Adam(Schedules.parse(OPEN))));
        AtomicReference<RateController> straightController = new AtomicReference<>();
        Rates straightRates = new Rates();
        straight.setListeners(new Script().at(5, () -> straightController.get().submit(new RateCommand.Cooldown(9),
                "test")), straightRates);
        straightController.set(RateController.attach(straight));
        straight.fit(TinyNetworks.iterator(data), EPOCHS);

        MultiLayerNetwork first = TinyNetworks.network(TinyNetworks.mlp(new Adam(Schedules.parse(OPEN))));
        AtomicReference<RateController> controller = new AtomicReference<>();
        Rates rates = new Rates();
        first.setListeners(new Script().at(5, () -> controller.get().submit(new RateCommand.Cooldown(9), "test")),
                rates);
        controller.set(RateController.attach(first));
        first.fit(TinyNetworks.iterator(data), 2);                     // updates 0-7: the cooldown began at 6
        File file = directory.resolve("mid-cooldown.zip").toFile();
        ModelSerializer.writeModel(first, file, true);
        TrainingStateStore.save(file, controller.get(), null);
        ControllerState saved = TrainingStateStore.controller(file).orElseThrow();
        assertThat(saved.adjustment().cooldown()).isEqualTo(new RateAdjustment.CooldownStart(6, 1, 9));

        MultiLayerNetwork bare = ModelSerializer.restoreMultiLayerNetwork(file, true);
        assertThat(((Adam) rate(bare, 0)).getLearningRateSchedule()).as("without its controller too")
                .isEqualTo(new Wsd(LR, 9, WARMUP, 3, CooldownShape.ONE_MINUS_SQRT, MIN, ITERATION));

        MultiLayerNetwork resumed = ModelSerializer.restoreMultiLayerNetwork(file, true);
        resumed.setListeners(rates);
        controller.set(RateController.attach(resumed, saved));
        resumed.fit(TinyNetworks.iterator(data), EPOCHS - 2);

        assertThat(rates.first).hasSize(BATCHES * EPOCHS).containsExactlyElementsOf(straightRates.first);
        assertRates(rates.first, 6, 9);
        assertThat(controller.get().history()).as("nothing new after the resume").isEmpty();
        assertThat(resumed.params().data().asDouble()).containsExactly(straight.params().data().asDouble());
        assertThat(resumed.getUpdater().getStateViewArray().data().asDouble())
                .containsExactly(straight.getUpdater().getStateViewArray().data().asDouble());
    }

    @Test
    void badCooldownArgumentsAreRefusedAndChangeNothing() {
        assertThatThrownBy(() -> RateCommand.parse("cooldown")).hasMessage(
                "'cooldown' takes one whole number of steps, got 'cooldown'");
        assertThatThrownBy(() -> RateCommand.parse("cooldown 2.5")).hasMessage(
                "'cooldown' takes a whole number of steps, got '2.5'");
        assertThatThrownBy(() -> RateCommand.parse("cooldown 5 6")).hasMessage(
                "'cooldown' takes one whole number of steps, got 'cooldown 5 6'");
        assertThatThrownBy(() -> RateCommand.parse("cooldown 0")).hasMessage(
                "rate command: steps must be > 0, got steps=0");
        assertThatThrownBy(() -> new RateCommand.Cooldown(-3)).hasMessage(
                "rate command: steps must be > 0, got steps=-3");
        assertThat(RateCommand.parse("  COOLDOWN   500 ")).isEqualTo(new RateCommand.Cooldown(500));

        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse(OPEN))));
        RateController controller = RateController.attach(network);
        List<String> warnings = new ArrayList<>();
        controller.onWarning(warnings::add);
        List<DataSet> data = TinyNetworks.batches(BATCHES, 5);
        network.fit(data.get(0));                                      // update 0; the next is 1, in the warm-up

        assertThat(controller.apply(new RateCommand.Cooldown(5), "console")).isNull();
        assertThat(warnings).containsExactly("console: cooldown: the warm-up of " + Schedules.parse(OPEN)
                + " runs until iteration 3; a cooldown can start from there, not at iteration 1; nothing changed");
        assertThat(controller.adjustment()).isEqualTo(RateAdjustment.NONE);
        assertThat(schedule(network, 0)).isEqualTo(Schedules.parse(OPEN));

        for (int i = 1; i < 4; i++) {
            network.fit(data.get(i));
        }
        assertThat(controller.apply(new RateCommand.Cooldown(5), "console")).isNotNull();
        RateAdjustment cooling = controller.adjustment();
        assertThat(controller.apply(new RateCommand.Cooldown(7), "console")).isNull();
        assertThat(warnings).last().isEqualTo(
                "console: cooldown: already cooling down since iteration 4 over 5 steps; nothing changed");
        assertThat(controller.adjustment()).isEqualTo(cooling);
        assertThat(controller.apply(new RateCommand.Multiply(0.5), "console")).as("a cut keeps the cooldown")
                .isNotNull();
        assertThat(controller.currentRate()).isCloseTo(0.5 * expected(4, 4, 5), within(1e-15));

        MultiLayerNetwork cosine = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse(
                "cosine(lr=0.1, steps=10)"))));
        RateController other = RateController.attach(cosine);
        other.onWarning(warnings::add);
        assertThat(other.apply(new RateCommand.Cooldown(5), "JMX")).isNull();
        assertThat(warnings).last().isEqualTo("JMX: cooldown: works on a wsd schedule, the configured schedule is "
                + Schedules.parse("cosine(lr=0.1, steps=10)") + "; nothing changed");
        assertThat(other.adjustment()).isEqualTo(RateAdjustment.NONE);
    }

    @Test
    void reduceOnPlateauCanStartTheCooldownInsteadOfCutting() {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse(OPEN))));
        Rates rates = new Rates();
        network.setListeners(rates);
        RateController controller = RateController.attach(network);
        double[] metric = {1.0, 0.9, 0.95, 0.95, 0.95, 0.95};  // epochs 0-5: 2 and 3 bad, fires after 3, then after 5
        PlateauRule rule = PlateauRule.parse("patience=1, wsd-cooldown=6");
        assertThat(rule.wsdCooldown()).isEqualTo(6);
        assertThat(PlateauRule.parse(rule.toString())).isEqualTo(rule);
        ReduceOnPlateau plateau = new ReduceOnPlateau(controller,
                model -> metric[model.epoch()], rule);
        network.addListeners(plateau);
        network.fit(TinyNetworks.iterator(TinyNetworks.batches(BATCHES, 5)), 6);

        assertThat(plateau.state().cuts()).as("it fired twice").isEqualTo(2);
        assertThat(controller.history()).as("the first firing starts the cooldown, the second changes nothing")
                .extracting(RateChange::iteration, c -> c.command().toString())
                .containsExactly(tuple(4 * BATCHES, "cooldown 6"));
        assertRates(rates.first, 4 * BATCHES, 6);
        assertThatThrownBy(() -> PlateauRule.parse("wsd-cooldown=-1"))
                .hasMessage("plateau: wsd-cooldown must be >= 0, got wsd-cooldown=-1");
    }

    @Test
    void aBudgetOfIterationsEndsTheCooldownWithTheRun() {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse(OPEN))));
        Rates rates = new Rates();
        network.setListeners(rates);
        RateController controller = RateController.attach(network);
        controller.addSource(CooldownBudget.iterations(BATCHES * EPOCHS, 7));
        network.fit(TinyNetworks.iterator(TinyNetworks.batches(BATCHES, 5)), EPOCHS);

        assertThat(controller.history()).extracting(RateChange::iteration).containsExactly(BATCHES * EPOCHS - 7);
        assertRates(rates.first, BATCHES * EPOCHS - 7, 7);
        assertThatThrownBy(() -> CooldownBudget.iterations(5, 7))
                .hasMessage("cooldown budget: total must be >= steps (7), got total=5");
        assertThatThrownBy(() -> CooldownBudget.iterations(5, 0))
                .hasMessage("cooldown budget: steps must be > 0, got steps=0");
    }

    @Test
    void aTimeBudgetStartsTheCooldownWhenTheRemainingTimeFitsIt() {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(Schedules.parse(OPEN))));
        AtomicLong clock = new AtomicLong();
        Rates rates = new Rates();
        // each update takes 1 s on this clock: budget 16 s, cooldown 6 -> the first poll (before update 0)
        // starts the clock; before update n, n s have passed, and n + 6 * n / n >= 16 from n = 10
        network.setListeners(rates, new BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                clock.addAndGet(1_000_000_000L);
            }
        });
        RateController controller = RateController.attach(network);
        controller.addSource(CooldownBudget.time(Duration.ofSeconds(16), 6, clock::get));
        network.fit(TinyNetworks.iterator(TinyNetworks.batches(BATCHES, 5)), EPOCHS);

        assertThat(controller.history()).extracting(RateChange::iteration).containsExactly(10);
        assertThat(controller.history().get(0).source()).isEqualTo("time budget of PT16S (1.00 s per iteration)");
        assertRates(rates.first, 10, 6);
        assertThatThrownBy(() -> CooldownBudget.time(Duration.ZERO, 6))
                .hasMessage("cooldown budget: budget must be > 0, got budget=PT0S");
    }
}
