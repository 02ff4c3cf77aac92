package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.samediff.TinySameDiff;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.learning.config.Sgd;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The training-time parts on a SameDiff model, through {@link ModelAdapter} and
 * {@link SameDiffListener}: every control channel, reduce-on-plateau, the rate recorder and the
 * state saved with the model. The applied rates are measured from the weights ({@link TinySameDiff})
 * and compared with rates computed here from the schedule's formula and the commands.
 */
class SameDiffTrainingPartsTest {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final int BATCHES = 4;
    private static final int BATCH = 5;
    private static final String BASE = "exponential(lr=0.1, rate=0.9, unit=iteration)";
    /** The base schedule's formula: 0.1 * 0.9^n. */
    private static final IntToDoubleFunction B = n -> 0.1 * Math.pow(0.9, n);

    /** Runs actions at SameDiff's {@code iterationStart}; added before the controller, so they come first. */
    private static final class Script extends BaseListener {
        private final Map<Integer, Runnable> actions = new TreeMap<>();

        Script at(int iteration, Runnable action) {
            actions.put(iteration, action);
            return this;
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void iterationStart(SameDiff sd, At at, MultiDataSet data, long etlTimeMs) {
            Runnable action = actions.get(at.iteration());
            if (action != null) {
                action.run();
            }
        }
    }

    private static List<DataSet> data() {
        return TinySameDiff.batches(BATCHES, BATCH);
    }

    private static void assertRates(List<Double> rates, IntToDoubleFunction expected) {
        for (int n = 0; n < rates.size(); n++) {
            assertThat(rates.get(n)).as("rate of iteration %d", n)
                    .isCloseTo(expected.applyAsDouble(n), within(1e-9 * expected.applyAsDouble(n)));
        }
    }

    @Test
    void theControlFileTheConsoleAndJmxSteerASameDiffTraining(@TempDir Path directory) throws Exception {
        SameDiff sd = TinySameDiff.model(new Sgd(Schedules.parse(BASE)));
        TinySameDiff.Steps steps = new TinySameDiff.Steps();
        Path controlFile = directory.resolve("rate.ctl");
        ObjectName name = new ObjectName(JmxControl.DOMAIN_AND_TYPE + ",name=\"samediff\"");
        RateController[] controller = new RateController[1];
        Script script = new Script()
                .at(0, () -> ConsoleControl.read(new ByteArrayInputStream("set 0.05\n".getBytes(StandardCharsets.UTF_8)),
                        controller[0]))
                .at(2, () -> org.assertj.core.api.Assertions.assertThatCode(
                        () -> java.nio.file.Files.writeString(controlFile, "factor 0.5\n")).doesNotThrowAnyException())
                .at(8, () -> invoke(name, "fixLearningRate", 0.01))
                .at(10, () -> invoke(name, "resumeSchedule"));
        sd.addListeners(steps, script);
        controller[0] = RateController.attach(sd);
        controller[0].addSource(new ControlFile(controlFile));

        try (JmxControl ignored = JmxControl.register(controller[0], "samediff")) {
            sd.fit(TinySameDiff.iterator(data()), 3);
        }

        // set 0.05 at n=0: factor 0.05 / B(0) = 0.5; factor 0.5 at n=2: 0.25; fixed 0.01 at 8; the schedule at 10
        assertRates(steps.rates(), n -> n < 2 ? 0.5 * B.applyAsDouble(n) : n < 8 ? 0.25 * B.applyAsDouble(n)
                : n < 10 ? 0.01 : B.applyAsDouble(n));
        assertThat(controller[0].history()).extracting(RateChange::iteration, RateChange::source)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "console"),
                        org.assertj.core.groups.Tuple.tuple(2, "control file " + controlFile + " line 1"),
                        org.assertj.core.groups.Tuple.tuple(8, "JMX"), org.assertj.core.groups.Tuple.tuple(10, "JMX"));
        assertThat(controller[0].configuredSchedule(SameDiffAdapter.UNIT)).isEqualTo(Schedules.parse(BASE));
        assertThat(controller[0].nextIteration()).isEqualTo(3 * BATCHES);
        assertThat(controller[0].nextEpoch()).isEqualTo(3);
    }

    private static void invoke(ObjectName name, String operation, Object... arguments) {
        String[] signature = new String[arguments.length];
        java.util.Arrays.fill(signature, "double");
        try {
            SERVER.invoke(name, operation, arguments, signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void reduceOnPlateauCutsASameDiffRateAfterThePatience() {
        SameDiff sd = TinySameDiff.model(new Sgd(Schedules.parse(BASE)));
        TinySameDiff.Steps steps = new TinySameDiff.Steps();
        sd.addListeners(steps);
        RateController controller = RateController.attach(sd);
        double[] metric = {1.0, 1.0, 1.0, 1.0};
        ReduceOnPlateau plateau = new ReduceOnPlateau(controller, model -> metric[model.epoch()],
                PlateauRule.parse("factor=0.5, patience=1"));
        sd.addListeners(SameDiffListener.of(plateau));

        sd.fit(TinySameDiff.iterator(data()), 4);

        // epoch 0 sets the best, epochs 1 and 2 do not improve: 2 bad epochs > patience 1, cut after epoch 2
        assertRates(steps.rates(), n -> n < 3 * BATCHES ? B.applyAsDouble(n) : 0.5 * B.applyAsDouble(n));
        assertThat(plateau.state().cuts()).isEqualTo(1);
    }

    @Test
    void theValidationLossOfASameDiffModelIsItsLossVariableOverTheData() {
        SameDiff sd = TinySameDiff.model(new Sgd(0.1));
        List<DataSet> data = data();
        double total = 0;
        long examples = 0;
        for (DataSet batch : data) {                    // w = (0.5, -0.25) untrained: mean of x.w - y per batch
            double[][] x = batch.getFeatures().toDoubleMatrix();
            double[] y = batch.getLabels().toDoubleVector();
            for (int i = 0; i < x.length; i++) {
                total += 0.5 * x[i][0] - 0.25 * x[i][1] - y[i];
                examples++;
            }
        }

        double measured = PlateauMetric.validationLoss(TinySameDiff.iterator(data)).measure(ModelAdapter.of(sd));

        assertThat(measured).isCloseTo(total / examples, within(1e-12));
        assertThatThrownBy(() -> PlateauMetric.accuracy(TinySameDiff.iterator(data)).measure(ModelAdapter.of(sd)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SameDiff.setOutputs(name)");
    }

    @Test
    void theRecorderWritesTheRateAndLossOfEverySameDiffUpdate() {
        SameDiff sd = TinySameDiff.model(new Sgd(Schedules.parse(BASE)));
        TinySameDiff.Steps steps = new TinySameDiff.Steps();
        StringWriter csv = new StringWriter();
        RateRecorder recorder = new RateRecorder(csv);
        sd.addListeners(steps, SameDiffListener.of(recorder));

        sd.fit(TinySameDiff.iterator(data()), 2);

        List<String> lines = csv.toString().lines().toList();
        assertThat(lines).hasSize(1 + 2 * BATCHES);
        assertThat(lines.get(0)).isEqualTo("iteration,epoch,loss,rate");
        for (int n = 0; n < 2 * BATCHES; n++) {
            String[] row = lines.get(1 + n).split(",");
            assertThat(Integer.parseInt(row[0])).isEqualTo(n);
            assertThat(Integer.parseInt(row[1])).isEqualTo(n / BATCHES);
            assertThat(Double.parseDouble(row[2])).as("loss of iteration %d, before its update", n)
                    .isCloseTo(steps.steps().get(n).loss(), within(1e-12));
            assertThat(Double.parseDouble(row[3])).isCloseTo(B.applyAsDouble(n), within(1e-15));
        }
    }

    @Test
    void theStateSavedWithASameDiffModelResumesExactly(@TempDir Path directory) {
        CounterSchedule base = Schedules.parse(BASE);
        PlateauRule rule = PlateauRule.parse("factor=0.5, patience=0");
        double[] metric = {1.0, 0.9, 0.95, 0.95};

        SameDiff straight = TinySameDiff.model(new Sgd(base));
        TinySameDiff.Steps straightSteps = new TinySameDiff.Steps();
        RateController[] straightController = new RateController[1];
        straight.addListeners(straightSteps, new Script()
                .at(1, () -> straightController[0].submit(new RateCommand.Multiply(0.5), "test"))
                .at(11, () -> straightController[0].submit(new RateCommand.Fix(0.002), "test")));
        straightController[0] = RateController.attach(straight);
        straight.addListeners(SameDiffListener.of(new ReduceOnPlateau(straightController[0], m -> metric[m.epoch()], rule)));
        straight.fit(TinySameDiff.iterator(data()), 4);

        SameDiff first = TinySameDiff.model(new Sgd(base));
        TinySameDiff.Steps firstSteps = new TinySameDiff.Steps();
        RateController[] firstController = new RateController[1];
        first.addListeners(firstSteps, new Script()
                .at(1, () -> firstController[0].submit(new RateCommand.Multiply(0.5), "test")));
        firstController[0] = RateController.attach(first);
        ReduceOnPlateau firstPlateau = new ReduceOnPlateau(firstController[0], m -> metric[m.epoch()], rule);
        first.addListeners(SameDiffListener.of(firstPlateau));
        first.fit(TinySameDiff.iterator(data()), 2);
        File file = directory.resolve("model.sd").toFile();
        first.save(file, true);
        TrainingStateStore.save(file, firstController[0], firstPlateau);

        SameDiff restored = SameDiff.load(file, true);
        TinySameDiff.Steps restoredSteps = new TinySameDiff.Steps();
        RateController[] restoredController = new RateController[1];
        restored.addListeners(restoredSteps, new Script()
                .at(11, () -> restoredController[0].submit(new RateCommand.Fix(0.002), "test")));
        restoredController[0] = RateController.attach(restored, TrainingStateStore.controller(file).orElseThrow());
        restored.addListeners(SameDiffListener.of(new ReduceOnPlateau(restoredController[0], m -> metric[m.epoch()], rule,
                TrainingStateStore.plateau(file).orElseThrow())));
        restored.fit(TinySameDiff.iterator(data()), 2);

        assertThat(TrainingStateStore.beside(file)).exists();
        List<Double> resumed = new java.util.ArrayList<>(firstSteps.rates());
        resumed.addAll(restoredSteps.rates());
        assertThat(resumed).containsExactlyElementsOf(straightSteps.rates());
        assertThat(restored.getArrForVarName("w")).isEqualTo(straight.getArrForVarName("w"));
        // x0.5 from iteration 1, fixed 0.002 from 11; epoch 2 (0.95) does not improve on epoch 1's 0.9, patience 0:
        // the cut after epoch 2 halves the fixed rate from iteration 12
        assertRates(straightSteps.rates(), n -> n < 1 ? B.applyAsDouble(n) : n < 11 ? 0.5 * B.applyAsDouble(n) : n < 12 ? 0.002
                : 0.001);
    }

    @Test
    void aSameDiffStateNeedsItsModelFileFirst(@TempDir Path directory) {
        RateController controller = RateController.attach(TinySameDiff.model(new Sgd(Schedules.parse(BASE))));
        File missing = directory.resolve("never-saved.sd").toFile();

        assertThatThrownBy(() -> TrainingStateStore.save(missing, controller, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(missing + " does not exist; save the SameDiff model first (SameDiff.save), then its training state");
        assertThat(TrainingStateStore.beside(missing)).doesNotExist();
    }

    @Test
    void badModelsAndUnitsAreNamed() {
        assertThatThrownBy(() -> ModelAdapter.of("a string")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a MultiLayerNetwork, ComputationGraph or SameDiff, got java.lang.String");
        assertThatThrownBy(() -> ModelAdapter.of(SameDiff.create())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("setTrainingConfig");
        ModelAdapter sd = ModelAdapter.of(TinySameDiff.model(new Sgd(0.1)));
        assertThat(sd.updaters()).containsOnlyKeys("updater");
        assertThatThrownBy(() -> sd.setSchedule("w", Schedules.parse(BASE))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no unit 'w' with a learning rate; a SameDiff model has [updater]");
    }
}
