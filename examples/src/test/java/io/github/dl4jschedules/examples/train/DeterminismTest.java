package io.github.dl4jschedules.examples.train;

import io.github.dl4jschedules.examples.run.ModelKind;
import io.github.dl4jschedules.examples.run.UpdaterKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Same seed, same settings, same results: two runs in one JVM agree exactly (not within a
 * tolerance) in every per-iteration loss, every epoch's loss, accuracy and rate, and every final
 * parameter.
 *
 * <p>Found with DL4J/ND4J 1.0.0-M2.1 on x86-64: runs are bit-exact on both paths, also between two
 * JVMs (two {@code examples/run train} processes give identical JSON results), and also for the
 * plain path with ND4J's default thread count and no {@code OMP_NUM_THREADS} (checked by hand with
 * the stock native build; this JVM has {@code OMP_NUM_THREADS=1} from surefire). The fast and plain
 * paths are not bit-exact with each other (the oneDNN helpers compute convolutions in another
 * order): see {@link FastPathTest#fastPathGivesTheSameCurveAsThePlainPath()}.
 */
class DeterminismTest {

    @Test
    void fastPathRunsAreBitExact() {
        assertBitExact(ModelKind.LENET, true, 512);
    }

    @Test
    void plainRunsAreBitExact() {
        assertBitExact(ModelKind.LENET, false, 256);
    }

    @Test
    void mlpRunsAreBitExact() {
        assertBitExact(ModelKind.MLP, true, 512);
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        Trainings.Outcome first = run(ModelKind.MLP, true, 256, 42);
        Trainings.Outcome second = run(ModelKind.MLP, true, 256, 43);
        assertThat(second.losses()).isNotEqualTo(first.losses());
    }

    private static void assertBitExact(ModelKind model, boolean fastPath, int train) {
        Trainings.Outcome first = run(model, fastPath, train, 42);
        Trainings.Outcome second = run(model, fastPath, train, 42);
        assertThat(second.iterations()).isEqualTo(first.iterations());
        assertThat(second.losses()).isEqualTo(first.losses());
        assertThat(second.accuracies()).isEqualTo(first.accuracies());
        assertThat(second.rates()).isEqualTo(first.rates());
        assertThat(second.network().params().toFloatVector()).isEqualTo(first.network().params().toFloatVector());
    }

    private static Trainings.Outcome run(ModelKind model, boolean fastPath, int train, long seed) {
        return Trainings.run(model, UpdaterKind.ADAM, "exponential(lr=0.002, rate=0.98, unit=iteration)", 2, train,
                200, 32, seed, fastPath);
    }
}
