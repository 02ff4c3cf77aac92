package io.github.dl4jschedules.parallel;

import io.github.dl4jschedules.schedules.Check;
import io.github.dl4jschedules.schedules.StrictJson;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect.Visibility;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Objects;

/**
 * A schedule written for one worker's mini-batches, run by a training whose iteration counter counts
 * rounds of {@code workers} mini-batches trained at once:
 * <pre>
 * alpha(i, e) = of(workers * i, e)
 * </pre>
 * Legend: {@code i} the training's iteration (one round of all workers), {@code e} its epoch,
 * {@code of} the schedule as it would run on one machine (one iteration = one mini-batch). Epochs
 * pass through unchanged, so an epoch schedule is {@code of} itself.
 *
 * <p>This is the counting of DL4J 1.0.0-M2's Spark parameter averaging
 * ({@code ParameterAveragingTrainingMaster}): each worker's copy starts a split from the driver's
 * iteration {@code s} and counts its own mini-batches {@code s, s+1, ..., s+k-1}; then the copies are
 * averaged and the driver's iteration becomes {@code s+k}. Round {@code i} trains the N mini-batches
 * that one machine trains at steps {@code N*i .. N*i + N-1}, and all of them get {@code of(N*i)}: the
 * rate of the round's first mini-batch. That is the single-machine rate of every mini-batch when
 * {@code of} is constant on each block {@code [N*r, N*r + N)} of steps (every epoch schedule; an
 * iteration schedule whose boundaries and periods are multiples of N), and otherwise at most N-1
 * steps early. Only the counter changes: DL4J's own iteration and epoch counts stay what they are.
 *
 * <p>Immutable; Java-serialisable and written to DL4J's configuration JSON like the schedules it
 * wraps ({@code @class}, {@code workers}, {@code of}).
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public final class WorkerSteps implements ISchedule {

    private static final long serialVersionUID = 1L;

    /** Mini-batches per iteration of the training. */
    private final int workers;
    /** The schedule as written for one machine. */
    private final ISchedule of;

    /**
     * @param workers the mini-batches one iteration of the training stands for, {@code >= 1}
     * @param of      the schedule as written for one machine
     * @throws IllegalArgumentException naming the parameter, the rule and the value
     */
    @JsonCreator
    public WorkerSteps(@JsonProperty("workers") @JsonDeserialize(using = StrictJson.Whole.class) int workers,
                       @JsonProperty("of") ISchedule of) {
        if (workers < 1) {
            throw new IllegalArgumentException(Check.message("worker steps", "workers", ">= 1", workers));
        }
        if (of == null) {
            throw new IllegalArgumentException(Check.message("worker steps", "of", "given", null));
        }
        this.workers = workers;
        this.of = of;
    }

    /**
     * {@code of} for a training that counts rounds of {@code workers}.
     *
     * @param of      the schedule as written for one machine
     * @param workers the mini-batches one iteration of the training stands for, {@code >= 1}
     * @return the wrapped schedule; {@code of} itself when {@code workers} is 1
     * @throws IllegalArgumentException naming the parameter, the rule and the value
     */
    public static ISchedule of(ISchedule of, int workers) {
        WorkerSteps steps = new WorkerSteps(workers, of);
        return workers == 1 ? of : steps;
    }

    /** @return the mini-batches one iteration stands for */
    public int workers() {
        return workers;
    }

    /** @return the schedule as written for one machine */
    public ISchedule schedule() {
        return of;
    }

    /**
     * {@code of(workers * iteration, epoch)}.
     *
     * @throws IllegalStateException when {@code workers * iteration} is past DL4J's int counter
     */
    @Override
    public double valueAt(int iteration, int epoch) {
        long step = (long) workers * iteration;
        if (step > Integer.MAX_VALUE) {
            throw new IllegalStateException("worker steps: iteration " + iteration + " x " + workers
                    + " workers = step " + step + " is past the largest iteration DL4J counts (" + Integer.MAX_VALUE + ")");
        }
        return of.valueAt((int) step, epoch);
    }

    /** Immutable, so the clone is this schedule. */
    @Override
    public ISchedule clone() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkerSteps other && workers == other.workers && of.equals(other.of);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workers, of);
    }

    /** {@code "<of> at <workers> mini-batches per iteration"}. */
    @Override
    public String toString() {
        return of + " at " + workers + " mini-batches per iteration";
    }
}
