package io.github.dl4jschedules.spec;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * What a {@link ScheduleDefinition} needs while it builds: the registry to build nested specs with,
 * the spec text for error messages, and the unit a nested schedule inherits from its parent.
 */
public final class BuildContext {

    private final ScheduleRegistry registry;
    private final String spec;
    private final ScheduleType inheritedUnit;

    BuildContext(ScheduleRegistry registry, String spec, ScheduleType inheritedUnit) {
        this.registry = registry;
        this.spec = spec;
        this.inheritedUnit = inheritedUnit;
    }

    /**
     * Builds a nested spec in this context.
     *
     * @param call the nested spec's syntax tree
     * @return the built schedule
     */
    public ISchedule build(SpecNode.Call call) {
        return registry.build(call, this);
    }

    /** {@return the unit a schedule without its own {@code unit=} takes: its parent's, or iteration at the top} */
    public ScheduleType inheritedUnit() {
        return inheritedUnit;
    }

    /**
     * The context for the children of a schedule that counts in {@code unit}.
     *
     * @param unit the parent's counter
     * @return a new context; this one is unchanged
     */
    public BuildContext withUnit(ScheduleType unit) {
        return new BuildContext(registry, spec, unit);
    }

    /**
     * An error at {@code position} of the spec being built: "{@code <message> at <position>}".
     *
     * @param message what is wrong
     * @param position the 0-based offset in the spec
     * @return the exception, to throw
     */
    public SpecException error(String message, int position) {
        return error(message, position, "");
    }

    /**
     * An error with more detail after the position: "{@code <message> at <position><detail>}".
     *
     * @param message what is wrong
     * @param position the 0-based offset in the spec
     * @param detail appended after the position, e.g. {@code "; known: a, b"}
     * @return the exception, to throw
     */
    public SpecException error(String message, int position, String detail) {
        return new SpecException(message + " at " + position + detail, spec, position);
    }
}
