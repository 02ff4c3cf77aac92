package io.github.dl4jschedules.training;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.dl4j.SgdSteps;
import io.github.dl4jschedules.dl4j.TinyNetworks;
import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.learning.config.Sgd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

/**
 * Reduce-on-plateau against PyTorch's {@code ReduceLROnPlateau}: the same scripted metric sequences
 * give the same rate after every epoch ({@code golden/plateau.tsv}, written by
 * {@code tools/golden/generate_golden.py}); the expected numbers are committed data, never computed
 * by the code under test.
 */
class PlateauGoldenTest {

    private static final String TABLE = "/golden/plateau.tsv";
    private static final double RELATIVE = 1e-12;

    record Case(String name, String rule, double baseLr, double[] metrics, double[] rates) {
        @Override
        public String toString() {
            return name;
        }

        /** Cuts PyTorch made up to and including step {@code e}, read from its rates. */
        int cutsThrough(int e) {
            int cuts = 0;
            double previous = baseLr;
            for (int i = 0; i <= e; i++) {
                if (rates[i] < previous) {
                    cuts++;
                }
                previous = rates[i];
            }
            return cuts;
        }
    }

    static Stream<Case> cases() {
        return readTable().stream();
    }

    /** A metric the test drives by hand: never to be measured. */
    private static final PlateauMetric UNUSED = model -> fail("the metric must not be measured here");

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rateAfterEveryEpochMatchesPyTorch(Case c) {
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(new ConstantRate(c.baseLr()))));
        RateController controller = RateController.attach(network);
        ReduceOnPlateau plateau = new ReduceOnPlateau(controller, UNUSED, PlateauRule.parse(c.rule()));
        assertThat(controller.currentRate()).isEqualTo(c.baseLr());

        for (int e = 0; e < c.metrics().length; e++) {
            boolean cut = plateau.step(c.metrics()[e]);
            double expected = c.rates()[e];
            assertThat(controller.currentRate()).as("%s, after epoch %d", c, e)
                    .isCloseTo(expected, within(RELATIVE * expected));
            assertThat(layerRate(network, 1, 0, 0)).as("the network's own configuration, after epoch %d", e)
                    .isCloseTo(expected, within(RELATIVE * expected));
            assertThat(cut).as("cut after epoch %d", e).isEqualTo(expected < (e == 0 ? c.baseLr() : c.rates()[e - 1]));
        }
        assertThat(controller.history()).hasSize(c.cutsThrough(c.metrics().length - 1))
                .allSatisfy(change -> assertThat(change.source()).startsWith("plateau"));
    }

    /**
     * Composed with a decaying schedule: the cuts scale {@code exponential(rate=0.9, unit=epoch)}, so
     * the rate of epoch e + 1 is {@code base(e + 1) * factor^(PyTorch's cuts so far)}. Cases with a
     * floor ({@code min}) or whose cuts come near {@code eps} are left out: there the decay changes
     * which cuts happen.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("composableCases")
    void cutsScaleADecayingSchedule(Case c) {
        PlateauRule rule = PlateauRule.parse(c.rule());
        int epochs = c.metrics().length;
        CounterSchedule base = Schedules.parse("exponential(lr=" + c.baseLr() + ", rate=0.9, unit=epoch)");
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(base)));
        RateController controller = RateController.attach(network);
        ReduceOnPlateau plateau = new ReduceOnPlateau(controller,
                model -> c.metrics()[model.epoch()], rule);

        for (int e = 0; e < epochs; e++) {
            network.setEpochCount(e);
            plateau.onEpochEnd(network);            // as at the end of epoch e: the next update is in epoch e + 1
            double expected = c.baseLr() * Math.pow(0.9, e + 1) * Math.pow(rule.factor(), c.cutsThrough(e));
            assertThat(controller.nextEpoch()).isEqualTo(e + 1);
            assertThat(controller.currentRate()).as("%s, rate of epoch %d", c, e + 1)
                    .isCloseTo(expected, within(RELATIVE * expected));
            assertThat(layerRate(network, 0, 0, e + 1)).isCloseTo(expected, within(RELATIVE * expected));
        }
    }

    static Stream<Case> composableCases() {
        List<Case> composable = readTable().stream().filter(c -> {
            PlateauRule rule = PlateauRule.parse(c.rule());
            int epochs = c.metrics().length;
            double smallest = c.baseLr() * Math.pow(0.9, epochs) * Math.pow(rule.factor(), c.cutsThrough(epochs - 1));
            return rule.minRate() == 0 && smallest * (1 - rule.factor()) > 10 * rule.eps();
        }).toList();
        assertThat(composable).hasSizeGreaterThanOrEqualTo(8);
        return composable.stream();
    }

    @Test
    void theTableCoversTheRuleSettings() {
        List<Case> cases = readTable();
        List<PlateauRule> rules = cases.stream().map(c -> PlateauRule.parse(c.rule())).toList();
        assertThat(rules).extracting(PlateauRule::mode).contains(PlateauRule.Mode.MIN, PlateauRule.Mode.MAX);
        assertThat(rules).extracting(PlateauRule::relative).contains(true, false);
        assertThat(rules).extracting(PlateauRule::patience).contains(0, 2, 3, 10);
        assertThat(rules).extracting(PlateauRule::cooldown).contains(0, 2);
        assertThat(rules).extracting(PlateauRule::factor).contains(0.5, 0.1);
        assertThat(rules).extracting(PlateauRule::minRate).anySatisfy(min -> assertThat(min).isPositive());
        assertThat(rules).extracting(PlateauRule::eps).contains(1e-8, 1e-3);
        // a case where the floor stops the cuts, and one where eps does
        assertThat(cases).anySatisfy(c -> assertThat(c.rates()[c.rates().length - 1])
                .isEqualTo(PlateauRule.parse(c.rule()).minRate()));
        assertThat(cases).allSatisfy(c -> assertThat(c.metrics()).hasSameSizeAs(c.rates()).hasSizeBetween(20, 40));
    }

    /**
     * A real run: the metric, scripted per epoch, is measured at each epoch's end, and the cut applies
     * from the first iteration of the next epoch, as the real {@code Sgd} update shows; composed with
     * an epoch-unit decay when {@code decaying}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fitCases")
    void fitCutsFromTheNextEpochsFirstIteration(String name, boolean decaying) {
        Case c = readTable().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        int batches = 2;
        int batch = 4;
        int epochs = c.metrics().length;
        PlateauRule rule = PlateauRule.parse(c.rule());
        CounterSchedule base = decaying
                ? Schedules.parse("exponential(lr=" + c.baseLr() + ", rate=0.9, unit=epoch)")
                : new ConstantRate(c.baseLr());
        MultiLayerNetwork network = TinyNetworks.network(TinyNetworks.mlp(new Sgd(base)));
        SgdSteps steps = new SgdSteps();
        List<Integer> measuredAt = new ArrayList<>();
        network.setListeners(steps);
        RateController controller = RateController.attach(network);
        network.addListeners(new ReduceOnPlateau(controller, model -> {
            int epoch = model.epoch();
            measuredAt.add(model.iteration());
            return c.metrics()[epoch];
        }, rule));

        network.fit(TinyNetworks.iterator(TinyNetworks.batches(batches, batch)), epochs);

        steps.assertRates(n -> {
            int e = n / batches;
            double plateauRate = e == 0 ? c.baseLr() : c.rates()[e - 1];
            return decaying ? c.baseLr() * Math.pow(0.9, e) * Math.pow(rule.factor(), e == 0 ? 0 : c.cutsThrough(e - 1))
                    : plateauRate;
        }, batch, batches, batches * epochs);
        assertThat(measuredAt).hasSize(epochs);
        List<Integer> cutEpochs = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            if (c.cutsThrough(e) > (e == 0 ? 0 : c.cutsThrough(e - 1))) {
                cutEpochs.add(e + 1);
            }
        }
        assertThat(cutEpochs).isNotEmpty();
        assertThat(controller.history()).extracting(RateChange::epoch).containsExactlyElementsOf(cutEpochs);
        assertThat(controller.history()).allSatisfy(change -> {
            assertThat(change.iteration()).isEqualTo(change.epoch() * batches);
            assertThat(change.source()).startsWith("plateau");
        });
    }

    static Stream<Arguments> fitCases() {
        return Stream.of(
                Arguments.of(
                        "flat, patience 0, factor 0.1, min 0.003 hit (clipped cut, then none)", false),
                Arguments.of(
                        "max rel (accuracy), patience 0, cooldown 2, threshold 0.01", false),
                Arguments.of(
                        "min rel, threshold 0: equal values are no improvement, patience 2", true));
    }

    private static double layerRate(MultiLayerNetwork network, int layer, int iteration, int epoch) {
        return ModelAdapter.of(network).updaters().get(Integer.toString(layer)).getLearningRate(iteration, epoch);
    }

    private static List<Case> readTable() {
        InputStream stream = PlateauGoldenTest.class.getResourceAsStream(TABLE);
        if (stream == null) {
            throw new IllegalStateException(TABLE + " is missing: run tools/golden/generate_golden.py");
        }
        List<Case> cases = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).isEqualTo("case\trule\tbase_lr\tmetrics\trates");
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                assertThat(f).as(line).hasSize(5);
                cases.add(new Case(f[0], f[1], Double.parseDouble(f[2]), numbers(f[3]), numbers(f[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
        return cases;
    }

    private static double[] numbers(String list) {
        return Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
