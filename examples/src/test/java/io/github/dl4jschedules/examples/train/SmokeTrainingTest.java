package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.Schedules;
import io.github.dl4jschedules.examples.run.EpochResult;
import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import io.github.dl4jschedules.schedules.CounterSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every model with every updater under a decaying schedule: two short epochs on the first 512
 * bundled digits (batch 32, so 16 iterations per epoch), fast path on. The loss falls, the test
 * accuracy is far above chance (0.1), and the rate reported for every iteration and every epoch is
 * the schedule's value at DL4J's counters: the iteration counted over the whole run, the epoch from 0.
 *
 * <p>The initial rates are per updater: plain SGD needs a large one; ND4J M2.1's Nadam needs one ten
 * times smaller than Adam's (at Adam's 2e-3 its first epoch diverges to a mean loss of 6-18 and ends
 * at 0.2-0.35 accuracy on LeNet). Half the runs follow an iteration-unit schedule, half an epoch-unit one.
 *
 * <p>Observed with seed 42 (runs are bit-exact, see {@link DeterminismTest}): test accuracy 0.65-0.90
 * after epoch 2 (lowest: SGD), 0.50-0.84 after epoch 1; epoch 2's mean loss at most 0.65 times epoch
 * 1's. The thresholds leave wide margins for other CPUs and native builds. About 15 s in all.
 */
class SmokeTrainingTest {

    static final int TRAIN = 512;
    static final int TEST = 500;
    static final int BATCH = 32;
    static final int EPOCHS = 2;
    static final long SEED = 42;

    /** The initial rate of each updater. */
    static double initialRate(UpdaterKind updater) {
        return switch (updater) {
            case SGD -> 0.1;
            case NESTEROVS -> 0.05;
            case ADAM, AMSGRAD -> 2e-3;
            case ADAMAX -> 3e-3;
            case NADAM -> 2e-4;
            case RMSPROP -> 1e-3;
            case ADAGRAD -> 1e-2;
        };
    }

    /** A decaying schedule: per iteration for half the runs, per epoch for the other half. */
    static String schedule(ModelKind model, UpdaterKind updater) {
        boolean perIteration = (model.ordinal() + updater.ordinal()) % 2 == 0;
        String format = perIteration ? "exponential(lr=%s, rate=0.98, unit=iteration)"
                : "inverse-time(lr=%s, decay=0.5, unit=epoch)";
        return String.format(Locale.ROOT, format, initialRate(updater));
    }

    static Stream<Arguments> runs() {
        return Arrays.stream(ModelKind.values())
                .flatMap(model -> Arrays.stream(UpdaterKind.values()).map(updater -> Arguments.of(model, updater)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("runs")
    void learnsWithADecayingSchedule(ModelKind model, UpdaterKind updater) {
        CounterSchedule schedule = Schedules.parse(schedule(model, updater));
        Trainings.Outcome run = Trainings.run(model, updater, schedule, EPOCHS, TRAIN, TEST, BATCH, SEED, true);
        String description = model + " with " + updater + " and " + schedule + ": " + run.epochs();

        assertThat(run.epochs()).as(description).hasSize(EPOCHS);
        assertThat(run.batchesPerEpoch()).isEqualTo(TRAIN / BATCH);
        assertThat(run.attachedHelpers()).isEqualTo(model == ModelKind.LENET ? 2 : 0);

        List<Double> losses = run.losses();
        assertThat(losses).as(description).allSatisfy(loss -> assertThat(loss).isFinite().isPositive());
        assertThat(losses.get(1)).as("epoch 2's mean loss against epoch 1's; " + description)
                .isLessThan(0.85 * losses.get(0));
        assertThat(run.accuracies().get(0)).as("accuracy after epoch 1; " + description).isGreaterThan(0.3);
        assertThat(run.accuracies().get(1)).as("accuracy after epoch 2; " + description).isGreaterThan(0.5);

        assertRatesFollowTheSchedule(run, schedule, description);
    }

    private static void assertRatesFollowTheSchedule(Trainings.Outcome run, CounterSchedule schedule, String description) {
        int batches = run.batchesPerEpoch();
        assertThat(run.iterations()).hasSize(EPOCHS * batches);
        for (int k = 0; k < run.iterations().size(); k++) {
            Trainings.Iteration it = run.iterations().get(k);
            assertThat(it.iteration()).as("iteration number of record %d", k).isEqualTo(k);
            assertThat(it.epoch()).isEqualTo(k / batches + 1);
            assertThat(it.rate()).as("rate of iteration %d; %s", k, description)
                    .isEqualTo(schedule.valueAt(k, it.epoch() - 1));
        }
        for (EpochResult epoch : run.epochs()) {
            int lastIteration = epoch.epoch() * batches - 1;
            assertThat(epoch.rate()).as("rate reported for epoch %d; %s", epoch.epoch(), description)
                    .isEqualTo(schedule.valueAt(lastIteration, epoch.epoch() - 1));
        }
        assertThat(run.rates().get(1)).as("the schedule decays; " + description).isLessThan(run.rates().get(0));
    }
}
