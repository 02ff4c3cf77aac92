package io.github.dl4jschedules.spec;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schedules a spec may name, each with its {@link ScheduleDefinition}. Adding a schedule to the
 * language means adding its definition here; the parser and the build steps stay as they are.
 */
public final class ScheduleRegistry {

    private final Map<String, ScheduleDefinition<?>> definitions = new LinkedHashMap<>();

    /**
     * @param definitions the schedules, in the order {@link #names()} lists them
     * @throws IllegalArgumentException if two definitions share a name
     */
    public ScheduleRegistry(List<ScheduleDefinition<?>> definitions) {
        for (ScheduleDefinition<?> definition : definitions) {
            if (this.definitions.put(definition.name(), definition) != null) {
                throw new IllegalArgumentException("schedule name '" + definition.name() + "' registered twice");
            }
        }
    }

    /**
     * Parses and builds a spec; a schedule that names no unit counts iterations.
     *
     * @param spec the spec text, e.g. {@code cosine(lr=0.1, steps=1000)}
     * @return the schedule
     * @throws SpecException naming what is wrong and where
     */
    public ISchedule parse(String spec) {
        SpecNode.Call root = SpecParser.parse(spec);
        return build(root, new BuildContext(this, spec, ScheduleType.ITERATION));
    }

    /** {@return the registered names, in registration order} */
    public Collection<String> names() {
        return Collections.unmodifiableCollection(definitions.keySet());
    }

    /** {@return all definitions, in registration order} */
    public Collection<ScheduleDefinition<?>> definitions() {
        return Collections.unmodifiableCollection(definitions.values());
    }

    ISchedule build(SpecNode.Call call, BuildContext context) {
        ScheduleDefinition<?> definition = definitions.get(call.name());
        if (definition == null) {
            throw context.error("unknown schedule '" + call.name() + "'", call.position(),
                    "; known: " + String.join(", ", definitions.keySet()));
        }
        return definition.build(call, context);
    }
}
