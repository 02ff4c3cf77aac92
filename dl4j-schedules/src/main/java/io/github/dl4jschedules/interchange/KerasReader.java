package io.github.dl4jschedules.interchange;

import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CosineDecay;
import io.github.dl4jschedules.schedules.CosineRestarts;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.ExponentialDecay;
import io.github.dl4jschedules.schedules.InverseTimeDecay;
import io.github.dl4jschedules.schedules.PiecewiseConstant;
import io.github.dl4jschedules.schedules.PolynomialDecay;
import io.github.dl4jschedules.schedules.Warmup;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.util.Set;

import static org.nd4j.linalg.schedule.ScheduleType.ITERATION;

/**
 * Keras' {@code keras.optimizers.schedules} configurations ({@code serialize} / {@code get_config}),
 * Keras 2 and 3, where {@code step} is {@code optimizer.iterations} (0 on the first update):
 * <pre>
 * ExponentialDecay        lr * decay_rate^p,  p = step / decay_steps (floored if staircase)
 * InverseTimeDecay        lr / (1 + decay_rate * p)
 * PiecewiseConstantDecay  values[j], j = number of boundaries b with b &lt; step  (a boundary ends its piece)
 * PolynomialDecay         (lr - end) * (1 - min(step, d) / d)^power + end, d = decay_steps
 *                         (cycle: d = decay_steps * max(1, ceil(step / decay_steps)))
 * CosineDecay             lr * ((1 - alpha) * (1 + cos(pi * min(step, d) / d)) / 2 + alpha);
 *                         with warmup_target: lr + (target - lr) * step / warmup_steps for step &lt; warmup_steps,
 *                         then the same cosine from target on step - warmup_steps
 * CosineDecayRestarts     lr * ((1 - alpha) * m_mul^i * (1 + cos(pi * f)) / 2 + alpha), SGDR cycles of
 *                         first_decay_steps * t_mul^i
 * </pre>
 * (keras/src/optimizers/schedules/learning_rate_schedule.py.) The boundary of
 * {@code PiecewiseConstantDecay} is reproduced by moving every boundary one step later. Not
 * representable exactly, so rejected: {@code CosineDecayRestarts} with both {@code alpha > 0} and
 * {@code m_mul != 1} (Keras decays the height above the floor, the catalogue decays the peak), and
 * non-integer step counts.
 */
final class KerasReader {

    private KerasReader() {
    }

    static CounterSchedule read(JsonNode root) {
        if (root.isNumber()) {
            return new ConstantRate(root.doubleValue());
        }
        JsonArgs outer = new JsonArgs("Keras schedule", root)
                .only(Set.of("class_name", "config", "module", "registered_name"));
        String name = outer.text("class_name", null);
        if (name == null) {
            throw new IllegalArgumentException("Keras schedule: missing 'class_name'");
        }
        JsonArgs c = new JsonArgs("Keras " + name, outer.raw("config"));
        switch (name) {
            case "ExponentialDecay":
                c.only(Set.of("initial_learning_rate", "decay_steps", "decay_rate", "staircase", "name"));
                return new ExponentialDecay(c.number("initial_learning_rate"), c.number("decay_rate"), ITERATION,
                        c.integer("decay_steps"), c.bool("staircase", false), 0, 0.0);
            case "InverseTimeDecay":
                c.only(Set.of("initial_learning_rate", "decay_steps", "decay_rate", "staircase", "name"));
                return new InverseTimeDecay(c.number("initial_learning_rate"), c.number("decay_rate"), ITERATION,
                        c.integer("decay_steps"), c.bool("staircase", false), 0);
            case "PiecewiseConstantDecay":
                c.only(Set.of("boundaries", "values", "name"));
                int[] boundaries = c.integers("boundaries");
                int[] at = new int[boundaries.length];
                for (int i = 0; i < at.length; i++) {
                    at[i] = Math.addExact(boundaries[i], 1);
                }
                return new PiecewiseConstant(c.numbers("values"), at, ITERATION);
            case "PolynomialDecay":
                c.only(Set.of("initial_learning_rate", "decay_steps", "end_learning_rate", "power", "cycle", "name"));
                return new PolynomialDecay(c.number("initial_learning_rate"), c.number("end_learning_rate", 1e-4),
                        c.integer("decay_steps"), c.number("power", 1.0), c.bool("cycle", false), ITERATION);
            case "CosineDecay":
                return cosine(c.only(Set.of("initial_learning_rate", "decay_steps", "alpha", "name",
                        "warmup_target", "warmup_steps")));
            case "CosineDecayRestarts":
                return restarts(c.only(Set.of("initial_learning_rate", "first_decay_steps", "t_mul", "m_mul",
                        "alpha", "name")));
            default:
                throw new IllegalArgumentException("Keras schedule class '" + name + "' is not supported"
                        + " (supported: ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay,"
                        + " PolynomialDecay, CosineDecay, CosineDecayRestarts, or a plain number)");
        }
    }

    private static CounterSchedule cosine(JsonArgs c) {
        double lr = c.number("initial_learning_rate");
        double alpha = c.number("alpha", 0.0);
        int steps = c.integer("decay_steps");
        if (!c.has("warmup_target")) {
            return new CosineDecay(lr, steps, alpha * lr, ITERATION);
        }
        double target = c.number("warmup_target");
        int warmup = c.integer("warmup_steps", 0);
        CosineDecay decay = new CosineDecay(target, steps, alpha * target, ITERATION);
        return warmup == 0 ? decay : new Warmup(warmup, lr, decay, ITERATION);
    }

    private static CounterSchedule restarts(JsonArgs c) {
        double lr = c.number("initial_learning_rate");
        double alpha = c.number("alpha", 0.0);
        double mMul = c.number("m_mul", 1.0);
        if (alpha != 0.0 && mMul != 1.0) {
            throw new IllegalArgumentException("Keras CosineDecayRestarts with both alpha and m_mul != 1 is"
                    + " not supported: Keras decays the height above the floor, the catalogue's"
                    + " cosine-restarts decays the peak");
        }
        return new CosineRestarts(lr, c.integer("first_decay_steps"), c.number("t_mul", 2.0), mMul,
                alpha * lr, ITERATION);
    }
}
