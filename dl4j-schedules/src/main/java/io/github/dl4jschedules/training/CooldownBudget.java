package io.github.dl4jschedules.training;

import io.github.dl4jschedules.schedules.Check;

import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Starts the cooldown of a {@code wsd} schedule counting iterations so that it ends when a training
 * budget is spent: a number of iterations, or a wall-clock time. Polled by the {@link RateController}
 * between iterations ({@link RateController#addSource}); it gives the {@code cooldown N} command once,
 * and never when the controller is already cooling down (a resumed run whose saved state holds the
 * cooldown goes on with it).
 *
 * <pre>{@code
 * controller.addSource(CooldownBudget.iterations(20_000, 2_000));    // cool down over 18000..19999
 * controller.addSource(CooldownBudget.time(Duration.ofHours(8), 2_000));
 * }</pre>
 *
 * <p>The time budget counts from the first poll and estimates the time of an iteration from the
 * iterations done since then; it starts the cooldown at the first update where
 * {@code elapsed + N * (elapsed / iterations done) >= budget}. A resumed run gets a new budget: give it
 * what is left.
 */
public final class CooldownBudget implements CommandSource {

    private final int steps;
    private final int lastIteration;
    private final long budgetNanos;
    private final LongSupplier clock;
    private long startNanos;
    private int startIteration = -1;
    private boolean given;

    private CooldownBudget(int steps, int lastIteration, long budgetNanos, LongSupplier clock) {
        if (steps <= 0) {
            throw new IllegalArgumentException(Check.message("cooldown budget", "steps", "> 0", steps));
        }
        this.steps = steps;
        this.lastIteration = lastIteration;
        this.budgetNanos = budgetNanos;
        this.clock = clock;
    }

    /**
     * Cools down over the last {@code steps} of {@code total} iterations: the cooldown starts at
     * iteration {@code total - steps}, or at once if that has passed.
     *
     * @param total the run's length in iterations, {@code >= steps}
     * @param steps the cooldown's length, {@code > 0}
     * @return a source for one {@link RateController} that gives {@code cooldown steps} once, at the first poll
     *         where the next iteration is {@code >= total - steps} and the controller is not cooling down yet
     * @throws IllegalArgumentException if {@code total < steps} or {@code steps <= 0}
     */
    public static CooldownBudget iterations(int total, int steps) {
        if (total < steps) {
            throw new IllegalArgumentException(Check.message("cooldown budget", "total", ">= steps (" + steps + ")",
                    total));
        }
        return new CooldownBudget(steps, total, -1, null);
    }

    /**
     * Cools down over {@code steps} iterations that end when {@code budget} of wall-clock time is spent.
     *
     * @param budget the time left for the run, {@code > 0}
     * @param steps  the cooldown's length, {@code > 0}
     * @return a source for one {@link RateController} that gives {@code cooldown steps} once, at the first poll
     *         where {@code elapsed + steps * (elapsed / iterations done) >= budget} and the controller is not
     *         cooling down yet; its clock starts at its first poll
     * @throws IllegalArgumentException if {@code budget} is null, zero or negative, or {@code steps <= 0}
     */
    public static CooldownBudget time(Duration budget, int steps) {
        return time(budget, steps, System::nanoTime);
    }

    /** {@link #time(Duration, int)} with a clock in nanoseconds. */
    static CooldownBudget time(Duration budget, int steps, LongSupplier nanoClock) {
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException(Check.message("cooldown budget", "budget", "> 0", budget));
        }
        return new CooldownBudget(steps, -1, budget.toNanos(), nanoClock);
    }

    @Override
    public void poll(RateController controller) {
        if (given || controller.adjustment().cooldown() != null) {
            return;
        }
        int next = controller.nextIteration();
        String source;
        if (clock == null) {
            if (next < lastIteration - steps) {
                return;
            }
            source = "budget of " + lastIteration + " iterations";
        } else {
            long now = clock.getAsLong();
            if (startIteration < 0) {
                startIteration = next;
                startNanos = now;
                return;
            }
            long elapsed = now - startNanos;
            int done = next - startIteration;
            if (done <= 0 || elapsed + (double) steps * elapsed / done < budgetNanos) {
                return;
            }
            source = String.format(Locale.ROOT, "time budget of %s (%.3g s per iteration)",
                    Duration.ofNanos(budgetNanos), elapsed / 1e9 / done);
        }
        given = true;
        controller.apply(new RateCommand.Cooldown(steps), source);
    }
}
