package io.github.dl4jschedules.schedules;

import io.github.dl4jschedules.spec.ScheduleDefinition;
import io.github.dl4jschedules.spec.ValueType;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;
import org.nd4j.shade.jackson.databind.annotation.JsonDeserialize;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Schedules one after another, each on its own local counter:
 * <pre>
 * j        = number of at[i] &lt;= n                 (the piece in charge, from 0)
 * alpha(n) = piece_j(n - b_j),   b_0 = 0, b_j = at[j - 1]
 * </pre>
 * Legend: {@code n} the counter of {@code unit}; {@code at} the boundaries, strictly increasing
 * integers {@code > 0}, one fewer than the pieces; {@code piece_j} the j-th schedule, which sees
 * its counter start again at 0 on its boundary. The last piece runs for ever. A piece that ends
 * lower or higher than the next one starts is not smoothed: the jump is the user's choice.
 *
 * <p>Every piece counts in the same unit as the sequence (a piece that names another unit is
 * rejected); in a spec, pieces without {@code unit=} inherit the sequence's.
 *
 * <p>Matches Optax's {@code join_schedules(schedules, boundaries=at)}, and PyTorch's
 * {@code SequentialLR(schedulers, milestones=at)} where each scheduler is a closed form.
 *
 * <p>Example: {@code sequence(constant(lr=0.01), linear(from=0.1, to=0, steps=2), at=[2])} gives
 * 0.01, 0.01 on steps 0-1, then 0.1, 0.05, 0 on steps 2-4 and 0 from then on.
 */
public final class SequenceSchedule extends CounterSchedule {

    private static final long serialVersionUID = 1L;

    /**
     * The definition of {@code sequence(...)} in the spec language: its parameters, defaults, formula and how it is built.
     */
    public static final ScheduleDefinition<SequenceSchedule> SPEC = ScheduleDefinition
            .of("sequence", SequenceSchedule.class, "piece j from at[j-1] on, at its local counter n - at[j-1]")
            .positionalSchedules(SequenceSchedule::pieces)
            .parameter("at", ValueType.INTEGER_LIST, null, SequenceSchedule::at)
            .unit(SequenceSchedule::unit)
            .build(a -> new SequenceSchedule(a.schedules(CounterSchedule.class), a.integers("at"), a.unit()));

    /** An array, not a List: serialisers that rebuild fields reflectively (Spark's Kryo) cannot fill List.copyOf's lists. */
    private final CounterSchedule[] pieces;
    /**
     * The {@code at} parameter: where pieces 2, 3, ... start: strictly increasing integers {@code > 0}, one fewer than the pieces (copied).
     */
    private final int[] at;
    /** The {@code unit} parameter: the counter. */
    private final ScheduleType unit;

    /**
     * @param pieces the schedules in order, one or more, each counting in {@code unit} or in none (copied)
     * @param at     where pieces 2, 3, ... start: strictly increasing integers {@code > 0}, one fewer
     *               than the pieces (copied)
     * @param unit   the counter
     */
    @JsonCreator
    public SequenceSchedule(@JsonProperty("pieces") List<? extends CounterSchedule> pieces,
                            @JsonProperty("at") @JsonDeserialize(using = StrictJson.Wholes.class) int[] at,
                            @JsonProperty("unit") ScheduleType unit) {
        Check check = Check.of("sequence");
        check.notNull("pieces", pieces);
        check.require(!pieces.isEmpty(), "pieces", "one or more schedules", pieces);
        this.unit = check.notNull("unit", unit);
        CounterSchedule[] copy = new CounterSchedule[pieces.size()];
        for (int j = 0; j < pieces.size(); j++) {
            copy[j] = check.child("piece " + (j + 1), pieces.get(j), unit);
        }
        this.pieces = copy;
        nesting("sequence", "pieces", this.pieces());
        this.at = check.boundaries("at", at, 1);
        check.require(this.at.length == this.pieces.length - 1, "at",
                "one shorter than the pieces (" + this.pieces.length + " pieces)", Arrays.toString(at));
    }

    /** {@return the pieces, in order (unmodifiable)} */
    public List<CounterSchedule> pieces() {
        return List.of(pieces);
    }

    /** {@return the boundaries (a copy)} */
    public int[] at() {
        return at.clone();
    }

    @Override
    public ScheduleType unit() {
        return unit;
    }

    @Override
    public double valueAt(long n) {
        int piece = Boundaries.passed(at, n);
        long localCounter = piece == 0 ? n : n - at[piece - 1];
        return pieces[piece].valueAt(localCounter);
    }

    @Override
    public int nesting() {
        int deepest = 0;
        for (CounterSchedule piece : pieces) {
            deepest = Math.max(deepest, piece.nesting());
        }
        return 1 + deepest;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceSchedule other && Arrays.equals(pieces, other.pieces) && Arrays.equals(at, other.at)
                && unit == other.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(pieces), Arrays.hashCode(at), unit);
    }

    @Override
    public String toString() {
        return SPEC.format(this);
    }
}
