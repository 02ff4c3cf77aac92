package io.github.dl4jschedules.interchange;

import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CosineDecay;
import io.github.dl4jschedules.schedules.CosineRestarts;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.ExponentialDecay;
import io.github.dl4jschedules.schedules.InverseTimeDecay;
import io.github.dl4jschedules.schedules.PiecewiseConstant;
import io.github.dl4jschedules.schedules.PolynomialDecay;
import io.github.dl4jschedules.schedules.StepDecay;
import io.github.dl4jschedules.schedules.Warmup;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.JsonNodeFactory;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * The Keras form of a catalogue schedule, where Keras has a class with the same value at every step
 * ({@code step = n}); the inverse of {@link KerasReader}:
 * <pre>
 * constant(lr)                                  the number lr
 * inverse-time(lr, decay, period, staircase)    InverseTimeDecay(lr, decay_steps=period, decay_rate=decay, staircase)
 * exponential(lr, rate, period, staircase)      ExponentialDecay(lr, decay_steps=period, decay_rate=rate, staircase)
 * step(lr, factor, every)                       ExponentialDecay(lr, decay_steps=every, decay_rate=factor, staircase=True)
 * piecewise(values, at)                         PiecewiseConstantDecay(boundaries=at - 1, values)
 * polynomial(lr, end, steps, power, cycle)      PolynomialDecay(lr, decay_steps=steps, end_learning_rate=end, power, cycle)
 * cosine(lr, steps, min)                        CosineDecay(lr, decay_steps=steps, alpha=min/lr)
 * cosine-restarts(lr, period, mult, decay, min) CosineDecayRestarts(lr, first_decay_steps=period, t_mul=mult,
 *                                               m_mul=decay, alpha=min/lr), min = 0 or decay = 1
 * warmup(steps, start, then=cosine(lr, S, min)) Keras 3 CosineDecay(start, decay_steps=S, alpha=min/lr,
 *                                               warmup_target=lr, warmup_steps=steps)
 * </pre>
 * Refused, naming the reason: epoch counters (Keras counts optimizer steps), {@code first != 0},
 * {@code exponential}'s {@code min > 0}, {@code cosine-restarts} with both {@code min > 0} and
 * {@code decay != 1}, and the schedules Keras has no class for. The floor {@code alpha * lr} that
 * Keras computes can differ from {@code min} in the last bit.
 */
final class KerasWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private KerasWriter() {
    }

    static JsonNode write(ISchedule schedule) {
        CounterSchedule s = Writing.ours(schedule, "Keras");
        if (s instanceof ConstantRate constant) {
            return JSON.numberNode(constant.lr());
        }
        Writing.requireIterations(s, "Keras", "Keras schedules count optimizer steps");
        if (s instanceof InverseTimeDecay t) {
            Writing.require(t.first() == 0, s, "Keras", "first=" + t.first() + " (Keras starts at step 0)");
            return keras("InverseTimeDecay", config().put("initial_learning_rate", t.lr()).put("decay_steps", t.period())
                    .put("decay_rate", t.decay()).put("staircase", t.staircase()));
        }
        if (s instanceof ExponentialDecay e) {
            Writing.require(e.first() == 0, s, "Keras", "first=" + e.first() + " (Keras starts at step 0)");
            Writing.require(e.min() == 0, s, "Keras", "min=" + e.min() + " (ExponentialDecay has no floor)");
            return keras("ExponentialDecay", config().put("initial_learning_rate", e.lr()).put("decay_steps", e.period())
                    .put("decay_rate", e.rate()).put("staircase", e.staircase()));
        }
        if (s instanceof StepDecay st) {
            Writing.require(st.first() == 0, s, "Keras", "first=" + st.first() + " (Keras starts at step 0)");
            return keras("ExponentialDecay", config().put("initial_learning_rate", st.lr()).put("decay_steps", st.every())
                    .put("decay_rate", st.factor()).put("staircase", true));
        }
        if (s instanceof PiecewiseConstant p) {
            ObjectNode config = config();
            ArrayNode boundaries = config.putArray("boundaries");
            for (int at : p.at()) {
                boundaries.add(at - 1);             // Keras keeps values[i] through step boundaries[i]
            }
            ArrayNode values = config.putArray("values");
            for (double value : p.values()) {
                values.add(value);
            }
            return keras("PiecewiseConstantDecay", config);
        }
        if (s instanceof PolynomialDecay p) {
            return keras("PolynomialDecay", config().put("initial_learning_rate", p.lr()).put("decay_steps", p.steps())
                    .put("end_learning_rate", p.end()).put("power", p.power()).put("cycle", p.cycle()));
        }
        if (s instanceof CosineDecay c) {
            return keras("CosineDecay", config().put("initial_learning_rate", c.lr()).put("decay_steps", c.steps())
                    .put("alpha", alpha(c.min(), c.lr())));
        }
        if (s instanceof CosineRestarts r) {
            Writing.require(r.min() == 0 || r.decay() == 1, s, "Keras", "min=" + r.min() + " with decay="
                    + r.decay() + " (Keras decays the height above the floor, not the peak)");
            return keras("CosineDecayRestarts", config().put("initial_learning_rate", r.lr())
                    .put("first_decay_steps", r.period()).put("t_mul", r.mult()).put("m_mul", r.decay())
                    .put("alpha", alpha(r.min(), r.lr())));
        }
        if (s instanceof Warmup w && w.then() instanceof CosineDecay c) {
            return keras("CosineDecay", config().put("initial_learning_rate", w.start()).put("decay_steps", c.steps())
                    .put("alpha", alpha(c.min(), c.lr())).put("warmup_target", c.lr())
                    .put("warmup_steps", w.steps()));
        }
        throw Writing.refuse(s, "Keras", "Keras has no schedule class with these values (supported: constant,"
                + " inverse-time, exponential, step, piecewise, polynomial, cosine, cosine-restarts,"
                + " warmup of a cosine)");
    }

    private static double alpha(double min, double lr) {
        return lr == 0 ? 0.0 : min / lr;
    }

    private static ObjectNode config() {
        return JSON.objectNode();
    }

    /** {@code {"class_name": className, "config": config}}. */
    private static ObjectNode keras(String className, ObjectNode config) {
        ObjectNode root = JSON.objectNode();
        root.put("class_name", className);
        root.set("config", config);
        return root;
    }
}
