package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.SgdSteps;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * A training run steered by a control file: a script appends commands at chosen iterations, the
 * controller (polling in {@code iterationDone}) applies each from the next iteration, and the rate
 * the real {@code Sgd} updater applies (seen in the parameter change) follows the documented
 * semantics: {@code factor F} scales the rate, {@code set R} picks the factor {@code R / base(next)},
 * {@code fixed R} replaces the schedule, {@code schedule} restores it. A line that is no command
 * changes nothing and gets a warning naming the file and line.
 */
class ControlFileRunTest {

    private static final int BATCHES = 3;
    private static final int BATCH = 5;
    private static final int EPOCHS = 4;
    private static final int ITERATIONS = BATCHES * EPOCHS;

    private static final class Run {
        final SgdSteps steps = new SgdSteps();
        final List<String> warnings = new ArrayList<>();
        final List<RateChange> changes = new ArrayList<>();
        RateController controller;

        /** Script first, then the controller (which attach adds at the end of the listeners). */
        void attach(MultiLayerNetwork network, Script script, Path file) {
            network.setListeners(script, steps);
            controller = RateController.attach(network);
            wire(file);
        }

        void attach(ComputationGraph graph, Script script, Path file) {
            graph.setListeners(script, steps);
            controller = RateController.attach(graph);
            wire(file);
        }

        private void wire(Path file) {
            controller.addSource(new ControlFile(file));
            controller.onWarning(warnings::add);
            controller.onChange(changes::add);
        }
    }

    private static List<DataSet> data() {
        return TinyNetworks.batches(BATCHES, BATCH);
    }

    private static String line(Path file, int line) {
        return "control file " + file + " line " + line;
    }

    @Test
    void iterationUnitScheduleAcrossEpochs(@TempDir Path directory) {
        CounterSchedule base = Schedules.parse("exponential(lr=0.5, rate=0.9, unit=iteration)");
        Path file = directory.resolve("rate.ctl");
        Script script = new Script()
                .write(1, file, "factor 0.5")          // line 1 -> from iteration 2
                .write(3, file, "set 0.2")             // line 2 -> from 4 (epoch 1)
                .write(4, file, "speed up please")     // line 3: no command
                .write(6, file, "fixed 0.05")          // line 4 -> from 7 (epoch 2)
                .write(7, file, "FACTOR 0.5")          // line 5 -> from 8, halves the fixed rate
                .write(9, file, "schedule");           // line 6 -> from 10 (epoch 3)
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(base)));
        Run run = new Run();
        run.attach(network, script, file);

        network.fit(TinyNetworks.iterator(data()), EPOCHS);

        IntToDoubleFunction b = n -> base.valueAt(n, 0);
        IntToDoubleFunction expected = n -> {
            if (n < 2) {
                return b.applyAsDouble(n);
            }
            if (n < 4) {
                return 0.5 * b.applyAsDouble(n);
            }
            if (n < 7) {
                return 0.2 / b.applyAsDouble(4) * b.applyAsDouble(n);
            }
            if (n < 8) {
                return 0.05;
            }
            if (n < 10) {
                return 0.025;
            }
            return b.applyAsDouble(n);
        };
        run.steps.assertRates(expected, BATCH, BATCHES, ITERATIONS);
        assertThat(expected.applyAsDouble(4)).isCloseTo(0.2, within(1e-15));

        assertThat(run.controller.history())
                .extracting(RateChange::iteration, RateChange::epoch, RateChange::command, RateChange::source)
                .containsExactly(
                        tuple(2, 0, new RateCommand.Multiply(0.5), line(file, 1)),
                        tuple(4, 1, new RateCommand.Set(0.2), line(file, 2)),
                        tuple(7, 2, new RateCommand.Fix(0.05), line(file, 4)),
                        tuple(8, 2, new RateCommand.Multiply(0.5), line(file, 5)),
                        tuple(10, 3, new RateCommand.Resume(), line(file, 6)));
        assertThat(run.changes).containsExactlyElementsOf(run.controller.history());
        // the rate the next update would have had without the change, and the one it gets
        double[] before = {b.applyAsDouble(2), 0.5 * b.applyAsDouble(4), 0.2 / b.applyAsDouble(4) * b.applyAsDouble(7),
                0.05, 0.025};
        for (int i = 0; i < before.length; i++) {
            RateChange change = run.controller.history().get(i);
            double after = expected.applyAsDouble(change.iteration());
            assertThat(change.rateBefore()).as("%s", change).isCloseTo(before[i], within(1e-12 * before[i]));
            assertThat(change.rateAfter()).as("%s", change).isCloseTo(after, within(1e-12 * after));
        }
        assertThat(run.controller.history().get(2).after()).isEqualTo(new RateAdjustment.FixedRate(0.05, null));
        assertThat(run.controller.adjustment()).isEqualTo(RateAdjustment.NONE);

        assertThat(run.warnings).hasSize(1);
        assertThat(run.warnings.get(0)).contains(file.toString()).contains("line 3").contains("speed up please")
                .contains("nothing changed");
        assertThat(run.controller.nextIteration()).isEqualTo(ITERATIONS);
    }

    @Test
    void epochUnitScheduleAcrossEpochs(@TempDir Path directory) {
        CounterSchedule base = Schedules.parse("exponential(lr=0.4, rate=0.7, unit=epoch)");
        Path file = directory.resolve("rate.ctl");
        Script script = new Script()
                .write(1, file, "factor 0.5")      // line 1 -> from iteration 2 (epoch 0)
                .write(3, file, "# a comment, skipped")
                .write(4, file, "set 0.1")         // line 3 -> from 5 (epoch 1): factor 0.1 / base(epoch 1)
                .write(6, file, "factor")          // line 4: no number
                .write(6, file, "")                // line 5: blank, skipped
                .write(7, file, "fixed 0.03")      // line 6 -> from 8 (epoch 2)
                .write(9, file, "  schedule  ");   // line 7 -> from 10 (epoch 3)
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(base)));
        Run run = new Run();
        run.attach(network, script, file);

        network.fit(TinyNetworks.iterator(data()), EPOCHS);

        IntToDoubleFunction b = e -> base.valueAt(0, e);
        IntToDoubleFunction expected = n -> {
            int e = n / BATCHES;
            if (n < 2) {
                return b.applyAsDouble(e);
            }
            if (n < 5) {
                return 0.5 * b.applyAsDouble(e);
            }
            if (n < 8) {
                return 0.1 / b.applyAsDouble(1) * b.applyAsDouble(e);
            }
            if (n < 10) {
                return 0.03;
            }
            return b.applyAsDouble(e);
        };
        run.steps.assertRates(expected, BATCH, BATCHES, ITERATIONS);

        assertThat(run.controller.history())
                .extracting(RateChange::iteration, RateChange::epoch, RateChange::command, RateChange::source)
                .containsExactly(
                        tuple(2, 0, new RateCommand.Multiply(0.5), line(file, 1)),
                        tuple(5, 1, new RateCommand.Set(0.1), line(file, 3)),
                        tuple(8, 2, new RateCommand.Fix(0.03), line(file, 6)),
                        tuple(10, 3, new RateCommand.Resume(), line(file, 7)));
        assertThat(run.controller.history().get(1).rateAfter()).isCloseTo(0.1, within(1e-15));
        assertThat(run.warnings).singleElement().asString().contains(file.toString()).contains("line 4")
                .contains("'factor' takes one number").contains("nothing changed");
    }

    /**
     * {@code set R} written in the last iteration of an epoch: the next update is the first of the
     * next epoch, so with an epoch-unit schedule the factor must be {@code R / base(next epoch)}.
     */
    @Test
    void setInTheLastIterationOfAnEpochGivesThatRateToTheNextUpdate(@TempDir Path directory) {
        CounterSchedule base = Schedules.parse("exponential(lr=0.4, rate=0.5, unit=epoch)");
        Path file = directory.resolve("rate.ctl");
        Script script = new Script().write(BATCHES - 1, file, "set 0.1");
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(base)));
        Run run = new Run();
        run.attach(network, script, file);

        network.fit(TinyNetworks.iterator(data()), 3);

        IntToDoubleFunction expected = n -> n < BATCHES ? 0.4 : 0.1 * Math.pow(0.5, n / BATCHES - 1);
        run.steps.assertRates(expected, BATCH, BATCHES, 3 * BATCHES);
        assertThat(run.controller.history()).singleElement()
                .extracting(RateChange::iteration, RateChange::epoch).containsExactly(BATCHES, 1);
    }

    @Test
    void computationGraph(@TempDir Path directory) {
        CounterSchedule base = Schedules.parse("exponential(lr=0.3, rate=0.9, unit=iteration)");
        Path file = directory.resolve("graph.ctl");
        Script script = new Script()
                .write(1, file, "factor 0.5")    // -> from 2
                .write(3, file, "set 0.1")       // -> from 4
                .write(4, file, "fixed -1")      // rejected: negative rate
                .write(4, file, "fixed 0.05")    // -> from 5
                .write(7, file, "schedule");     // -> from 8
        ComputationGraph graph = new ComputationGraph(TinyNetworks.graph(new Sgd(base)));
        graph.init();
        Run run = new Run();
        run.attach(graph, script, file);

        graph.fit(TinyNetworks.iterator(data()), 3);

        IntToDoubleFunction b = n -> base.valueAt(n, 0);
        IntToDoubleFunction expected = n -> n < 2 ? b.applyAsDouble(n)
                : n < 4 ? 0.5 * b.applyAsDouble(n)
                : n < 5 ? 0.1 / b.applyAsDouble(4) * b.applyAsDouble(n)
                : n < 8 ? 0.05
                : b.applyAsDouble(n);
        run.steps.assertRates(expected, BATCH, BATCHES, 3 * BATCHES);
        assertThat(run.controller.history())
                .extracting(RateChange::iteration, RateChange::epoch, RateChange::source)
                .containsExactly(tuple(2, 0, line(file, 1)), tuple(4, 1, line(file, 2)), tuple(5, 1, line(file, 4)),
                        tuple(8, 2, line(file, 5)));
        assertThat(run.warnings).singleElement().asString().contains(file.toString()).contains("line 3")
                .contains("rate must be finite and >= 0").contains("nothing changed");
        assertThat(run.controller.configuredSchedule("hidden")).isEqualTo(base);
        assertThat(run.controller.configuredSchedule("out")).isEqualTo(base);
    }
}
