package io.github.dl4jschedules.training;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link RateController} saves with the model: each layer's configured schedule (as its
 * canonical spec) and the current adjustment. The model's own configuration holds the adjusted
 * schedules, so a restored network trains at the right rate even without its controller.
 *
 * @param baseSpecs  layer id to the canonical spec of its configured schedule
 * @param adjustment the current adjustment
 * @serial exclude
 */
// @serial exclude: JDK 17's javadoc asks for comments on a serializable record's components
// in the serialized form and does not take them from the @param tags, which document them.
public record ControllerState(Map<String, String> baseSpecs, RateAdjustment adjustment) implements Serializable {

    /**
     * Copies the map, so later changes to the argument do not reach the state.
     *
     * @param baseSpecs layer id to the canonical spec of its configured schedule
     * @param adjustment the current adjustment
     */
    public ControllerState {
        baseSpecs = new LinkedHashMap<>(baseSpecs);
    }

    /** {@return layer id to the canonical spec of its configured schedule (unmodifiable)} */
    @Override
    public Map<String, String> baseSpecs() {
        return java.util.Collections.unmodifiableMap(baseSpecs);
    }
}
