package io.github.dl4jschedules.examples.speed;

import io.github.dl4jschedules.examples.run.EpochResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The comparison table, from made-up results. */
class SpeedTableTest {

    static VariantResult result(String name, double... seconds) {
        List<EpochResult> epochs = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            epochs.add(new EpochResult(i + 1, 1.0 / (i + 1), 0.9 + i / 100.0, 0.001, seconds[i]));
        }
        return new VariantResult(name, epochs, Map.of());
    }

    @Test
    void meanLeavesOutTheFirstEpoch() {
        assertThat(result("fast", 9, 4, 6).meanSeconds()).hasValue(5.0);
        assertThat(result("fast", 9).meanSeconds()).hasValue(9.0);
        assertThat(result("fast").meanSeconds()).isEmpty();
    }

    @Test
    void tableHasTimesAccuraciesMeansAndRatios() {
        String table = SpeedTable.format(List.of(result("plain", 25, 20, 22), result("fast", 7, 5, 5),
                result("bare-fit", 6.5, 4.9, 5.1), result("pytorch", 3, 2.5, 2.5)));
        assertThat(table).contains(
                "seconds per epoch (training only, evaluation excluded)\n"
                        + "epoch          plain      fast  bare-fit   pytorch\n"
                        + "1              25.00      7.00      6.50      3.00\n"
                        + "2              20.00      5.00      4.90      2.50\n"
                        + "3              22.00      5.00      5.10      2.50\n"
                        + "mean 2-3       21.00      5.00      5.00      2.50\n")
                .contains("test accuracy after each epoch\n"
                        + "epoch          plain      fast  bare-fit   pytorch\n"
                        + "1             0.9000    0.9000    0.9000    0.9000\n")
                .contains("mean: epochs 2-3; epoch 1 is left out as warm-up")
                .contains("ratios of the mean epoch times:\n")
                .contains("fast / plain     0.238  (fast is 4.20x faster than plain)")
                .contains("fast / bare-fit  1.000  (fast takes 0.0% more time than bare-fit)")
                .contains("fast / pytorch   2.000  (fast is 2.00x slower than pytorch)");
    }

    /** CPU seconds: their own table and ratios (means of epochs 2-3 by hand: fast 2.0, djl 1.0). */
    @Test
    void cpuSecondsGetTheirTableAndRatios() {
        String table = SpeedTable.format(List.of(result("fast", 7, 5, 5).withCpuSeconds(List.of(9.0, 2.5, 1.5)),
                result("djl", 3, 2.5, 2.5).withCpuSeconds(List.of(4.0, 1.0, 1.0)), result("pytorch", 3, 2.5, 2.5)));
        assertThat(table).contains("CPU seconds per epoch (all threads of the process, training and the evaluation after it;"
                        + " epoch 1 includes the start-up)\n"
                        + "epoch           fast       djl   pytorch\n"
                        + "1               9.00      4.00         -\n"
                        + "2               2.50      1.00         -\n"
                        + "3               1.50      1.00         -\n"
                        + "mean 2-3        2.00      1.00         -\n")
                .contains("ratios of the mean CPU seconds per epoch:\n  fast / djl       2.000  (fast is 2.00x slower than djl)\n")
                .doesNotContain("fast / pytorch   1.");
        assertThat(SpeedTable.format(List.of(result("fast", 7, 5)))).doesNotContain("CPU seconds");
    }

    @Test
    void oneEpochSaysTheMeanIncludesWarmUp() {
        String table = SpeedTable.format(List.of(result("fast", 7), result("bare-fit", 7.7)));
        assertThat(table).contains("mean 1          7.00      7.70")
                .contains("mean: epoch 1 alone (one epoch: warm-up included")
                .contains("fast / bare-fit  0.909  (fast takes 9.1% less time than bare-fit)");
    }

    @Test
    void twoEpochsCountTheSecond() {
        String table = SpeedTable.format(List.of(result("fast", 7, 5)));
        assertThat(table).contains("mean 2          5.00").contains("mean: epoch 2; epoch 1 is left out as warm-up");
    }

    @Test
    void missingEpochsAndVariantsAreShownAsDashesOrLeftOut() {
        String table = SpeedTable.format(List.of(result("fast", 7, 5, 5), result("bare-fit", 6)));
        assertThat(table).contains("3               5.00         -").doesNotContain("plain");
        assertThat(SpeedTable.format(List.of(result("bare-fit", 6, 5)))).doesNotContain("ratios");
        assertThat(SpeedTable.format(List.of())).isEqualTo("no results\n");
    }

    @Test
    void comparisonWording() {
        assertThat(SpeedTable.comparison("plain", 5, 20)).isEqualTo("fast is 4.00x faster than plain");
        assertThat(SpeedTable.comparison("pytorch", 5, 2)).isEqualTo("fast is 2.50x slower than pytorch");
        assertThat(SpeedTable.comparison("bare-fit", 5.05, 5)).isEqualTo("fast takes 1.0% more time than bare-fit");
        assertThat(5.0 / 20).isCloseTo(0.25, within(1e-12));
    }
}
