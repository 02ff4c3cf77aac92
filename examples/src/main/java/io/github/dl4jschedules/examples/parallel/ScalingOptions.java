package io.github.dl4jschedules.examples.parallel;

import io.github.dl4jschedules.examples.cli.Validation;
import io.github.dl4jschedules.parallel.LinearScaling;
import io.github.dl4jschedules.schedules.CounterSchedule;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.Locale;

/**
 * The data-parallel options of the {@code parallel} and {@code spark} commands: how many workers, and
 * the large-batch recipe (Goyal et al. 2017, {@link LinearScaling}) that adapts {@code --schedule} to
 * them. N workers train N mini-batches of {@code --batch} at once, so the rate is scaled by k = N,
 * reached by a linear warm-up from the schedule's first rate.
 */
public final class ScalingOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2",
            description = "Data-parallel workers, each on its own mini-batch of --batch: the global batch is N x --batch (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--warmup-epochs", paramLabel = "W", defaultValue = "5",
            description = "Linear scaling: ramp linearly from the schedule's first rate to N times it over W epochs (default: ${DEFAULT-VALUE}, the paper's; 0: no warm-up).")
    int warmupEpochs;

    @Option(names = "--no-linear-scaling",
            description = "Train with --schedule as given instead of scaling it by N (Goyal et al. 2017's linear scaling rule with gradual warm-up).")
    boolean noLinearScaling;

    public int workers() {
        return workers;
    }

    /** Rejects bad values with a usage error naming the option. */
    public void validate() {
        Validation.requirePositive(command, "--workers", workers);
        Validation.require(command, warmupEpochs >= 0, "--warmup-epochs must be >= 0, got " + warmupEpochs);
    }

    /**
     * The schedule to train with: {@code base} scaled for the workers, or {@code base} itself.
     *
     * @param stepsPerEpoch the engine's iterations per epoch, for the warm-up of an iteration schedule
     */
    public CounterSchedule schedule(CounterSchedule base, int stepsPerEpoch) {
        return noLinearScaling ? base : LinearScaling.goyal(base, workers, warmupEpochs, stepsPerEpoch);
    }

    /** One line saying what {@link #schedule} did. */
    public String describe(CounterSchedule base, CounterSchedule scaled) {
        if (scaled == base) {
            return noLinearScaling ? "linear scaling off" : "linear scaling: one worker, nothing to scale";
        }
        return String.format(Locale.ROOT, "linear scaling (Goyal et al. 2017): rate x %d, warm-up %d epoch(s) -> %s",
                workers, warmupEpochs, scaled);
    }
}
