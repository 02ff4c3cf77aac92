package io.github.dl4jschedules.examples.preview;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The values of several schedules at the same steps: one column per schedule, one row per step.
 * Computed once, then shown as a table, a chart or a CSV file.
 */
final class RateSeries {

    private final StepAxis axis;
    private final List<LabelledSchedule> schedules;
    private final int[] steps;
    private final double[][] values;

    private RateSeries(StepAxis axis, List<LabelledSchedule> schedules, int[] steps, double[][] values) {
        this.axis = axis;
        this.schedules = schedules;
        this.steps = steps;
        this.values = values;
    }

    /** Evaluates every schedule at every step through {@link StepAxis#valueAt}. */
    static RateSeries compute(StepAxis axis, List<LabelledSchedule> schedules, int[] steps) {
        double[][] values = new double[schedules.size()][steps.length];
        for (int column = 0; column < schedules.size(); column++) {
            for (int row = 0; row < steps.length; row++) {
                values[column][row] = axis.valueAt(schedules.get(column).schedule(), steps[row]);
            }
        }
        return new RateSeries(axis, List.copyOf(schedules), steps.clone(), values);
    }

    /** The steps {@code 0, 1, ..., count - 1}. */
    static int[] firstSteps(int count) {
        return IntStream.range(0, count).toArray();
    }

    StepAxis axis() {
        return axis;
    }

    List<LabelledSchedule> schedules() {
        return schedules;
    }

    int rows() {
        return steps.length;
    }

    int step(int row) {
        return steps[row];
    }

    double value(int column, int row) {
        return values[column][row];
    }
}
