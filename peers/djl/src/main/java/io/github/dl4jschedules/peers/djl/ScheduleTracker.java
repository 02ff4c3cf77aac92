package io.github.dl4jschedules.peers.djl;

import ai.djl.training.tracker.Tracker;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * A DL4J/ND4J schedule as DJL's learning-rate {@link Tracker}, so that the peer trains with the very
 * schedule the DL4J variants read from the same spec.
 *
 * <p>DJL's optimisers count updates from 1 ({@code Optimizer.updateCount}: the first update is
 * {@code numUpdate = 1}); DL4J counts iterations from 0. Update {@code u} is therefore DL4J's
 * iteration {@code u - 1}, in epoch {@code (u - 1) / batchesPerEpoch} (every epoch has the same number
 * of batches, the last one possibly smaller).
 */
public final class ScheduleTracker implements Tracker {

    private final ISchedule schedule;
    private final int batchesPerEpoch;

    /**
     * @param schedule        the rate as a function of DL4J's (iteration, epoch)
     * @param batchesPerEpoch mini-batches (updates) per epoch, at least 1
     * @throws IllegalArgumentException if {@code batchesPerEpoch < 1}
     */
    public ScheduleTracker(ISchedule schedule, int batchesPerEpoch) {
        if (batchesPerEpoch < 1) {
            throw new IllegalArgumentException("batchesPerEpoch must be >= 1, got " + batchesPerEpoch);
        }
        this.schedule = schedule;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    /** The rate of DJL's update {@code numUpdate} (from 1): the schedule at iteration {@code numUpdate - 1}. */
    @Override
    public float getNewValue(int numUpdate) {
        int iteration = Math.max(0, numUpdate - 1);
        return (float) schedule.valueAt(iteration, iteration / batchesPerEpoch);
    }
}
