package io.github.dl4jschedules.interchange;

import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CooldownShape;
import io.github.dl4jschedules.schedules.CosineDecay;
import io.github.dl4jschedules.schedules.CosineRestarts;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.InverseSqrtDecay;
import io.github.dl4jschedules.schedules.LinearRamp;
import io.github.dl4jschedules.schedules.PolynomialDecay;
import io.github.dl4jschedules.schedules.SequenceSchedule;
import io.github.dl4jschedules.schedules.Warmup;
import io.github.dl4jschedules.schedules.Wsd;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

import static org.nd4j.linalg.schedule.ScheduleType.ITERATION;

/**
 * Hugging Face transformers' {@code get_scheduler(lr_scheduler_type, ...)} (transformers/optimization.py):
 * a factor of {@code learning_rate} at {@code current_step = n}, with {@code W} = num_warmup_steps,
 * {@code T} = num_training_steps, {@code p = (n - W) / max(1, T - W)}; every type but constant rises
 * linearly as {@code n / W} for {@code n < W}, then:
 * <pre>
 * constant / constant_with_warmup   1
 * linear                            max(0, (T - n) / max(1, T - W))
 * cosine                            0.5 * (1 + cos(pi * 2 * num_cycles * p)),  num_cycles = 0.5
 * cosine_with_min_lr                the cosine scaled into [min_lr / lr, 1]
 * cosine_with_restarts              0 for p &gt;= 1, else 0.5 * (1 + cos(pi * ((num_cycles * p) mod 1)))
 * polynomial                        (lr - lr_end) * (1 - p)^power + lr_end (divided by lr), lr_end after T
 * inverse_sqrt                      1 / sqrt((n + timescale - W) / timescale), timescale = W or 10000
 * warmup_stable_decay               get_wsd_schedule: the catalogue's wsd (below)
 * </pre>
 * {@code warmup_stable_decay} reads {@code lr_scheduler_kwargs} {@code num_decay_steps} (required,
 * {@code > 0}), {@code num_stable_steps} (else {@code T - W - num_decay_steps}, as HF; when both are
 * given HF uses {@code num_stable_steps}, and so does this), {@code decay_type} ({@code linear},
 * {@code cosine} (HF's default) or {@code 1-sqrt}), {@code min_lr_ratio} in [0, 1] (default 0) and
 * {@code warmup_type}, which must be {@code linear}; it becomes
 * {@code wsd(lr, cooldown=num_decay_steps, warmup=W, stable=S, shape, min=lr*min_lr_ratio)}, whose
 * warm-up starts from {@code min} as HF's does.
 *
 * <p>Differences and limits: {@code cosine} and {@code cosine_with_min_lr} hold their floor after {@code T}
 * where HF's cosine rises again; they, {@code cosine_with_restarts} and the cosine cooldown of
 * {@code warmup_stable_decay} need the default {@code num_cycles} (restarts: a whole number of cycles
 * of whole steps).
 */
final class HuggingFaceReader {

    private HuggingFaceReader() {
    }

    static CounterSchedule read(JsonNode root) {
        JsonArgs a = new JsonArgs("Hugging Face schedule", root).only(Set.of("lr_scheduler_type", "learning_rate",
                "num_warmup_steps", "num_training_steps", "lr_scheduler_kwargs"));
        String type = a.text("lr_scheduler_type", "linear");
        double lr = a.number("learning_rate");
        int w = a.integer("num_warmup_steps", 0);
        JsonArgs k = new JsonArgs("Hugging Face " + type, a.raw("lr_scheduler_kwargs"));
        switch (type) {
            case "constant":
                k.only(Set.of());
                return new ConstantRate(lr);
            case "constant_with_warmup":
                k.only(Set.of());
                return warm(w, new ConstantRate(lr));
            case "linear":
                k.only(Set.of());
                return warm(w, new LinearRamp(lr, 0.0, decaySteps(a, w), ITERATION));
            case "cosine":
                k.only(Set.of("num_cycles"));
                halfCycle(k, type);
                return warm(w, new CosineDecay(lr, decaySteps(a, w), 0.0, ITERATION));
            case "cosine_with_min_lr":
                return cosineMin(k.only(Set.of("num_cycles", "min_lr", "min_lr_rate")), lr, w, decaySteps(a, w));
            case "cosine_with_restarts":
                return restarts(k.only(Set.of("num_cycles")), lr, w, a.integer("num_training_steps"));
            case "polynomial":
                k.only(Set.of("lr_end", "power"));
                return warm(w, new PolynomialDecay(lr, k.number("lr_end", 1e-7), decaySteps(a, w),
                        k.number("power", 1.0), false, ITERATION));
            case "inverse_sqrt":
                k.only(Set.of("timescale"));
                int timescale = k.integer("timescale", w > 0 ? w : 10_000);
                return warm(w, new InverseSqrtDecay(lr, 1.0, ITERATION, timescale, timescale, 0));
            case "warmup_stable_decay":
                return wsd(k.only(Set.of("num_decay_steps", "num_stable_steps", "warmup_type", "decay_type",
                        "min_lr_ratio", "num_cycles")), a, lr, w);
            default:
                throw new IllegalArgumentException("Hugging Face lr_scheduler_type '" + type + "' is not supported"
                        + " (supported: constant, constant_with_warmup, linear, cosine, cosine_with_min_lr,"
                        + " cosine_with_restarts, polynomial, inverse_sqrt, warmup_stable_decay)");
        }
    }

    private static CounterSchedule warm(int w, CounterSchedule then) {
        return w == 0 ? then : new Warmup(w, 0.0, then, ITERATION);
    }

    private static int decaySteps(JsonArgs a, int w) {
        int t = a.integer("num_training_steps");
        if (t <= w) {
            throw new IllegalArgumentException("Hugging Face schedule: num_training_steps (" + t
                    + ") must exceed num_warmup_steps (" + w + ")");
        }
        return t - w;
    }

    private static void halfCycle(JsonArgs k, String type) {
        if (k.number("num_cycles", 0.5) != 0.5) {
            throw new IllegalArgumentException("Hugging Face " + type + " with num_cycles != 0.5 is not supported");
        }
    }

    private static CounterSchedule cosineMin(JsonArgs k, double lr, int w, int steps) {
        halfCycle(k, "cosine_with_min_lr");
        if (k.has("min_lr") == k.has("min_lr_rate")) {
            throw new IllegalArgumentException("Hugging Face cosine_with_min_lr needs exactly one of min_lr"
                    + " and min_lr_rate");
        }
        double min = k.has("min_lr") ? k.number("min_lr") : lr * k.number("min_lr_rate");
        return warm(w, new CosineDecay(lr, steps, min, ITERATION));
    }

    private static CounterSchedule wsd(JsonArgs k, JsonArgs a, double lr, int w) {
        String owner = "Hugging Face warmup_stable_decay";
        int decay = k.integer("num_decay_steps");
        if (decay <= 0) {
            throw new IllegalArgumentException(owner + ": num_decay_steps must be > 0, got " + decay);
        }
        int stable;
        if (k.has("num_stable_steps")) {
            stable = k.integer("num_stable_steps");
        } else if (a.has("num_training_steps")) {
            stable = a.integer("num_training_steps") - w - decay;
        } else {
            throw new IllegalArgumentException(owner + ": needs num_stable_steps in lr_scheduler_kwargs"
                    + " or num_training_steps");
        }
        if (stable < 0) {
            throw new IllegalArgumentException(owner + ": the stable phase must be >= 0 steps, got " + stable
                    + " (num_training_steps - num_warmup_steps - num_decay_steps)");
        }
        String warmupType = k.text("warmup_type", "linear");
        if (!warmupType.equals("linear")) {
            throw new IllegalArgumentException(owner + ": warmup_type '" + warmupType
                    + "' is not supported (only linear)");
        }
        String decayType = k.text("decay_type", "cosine");
        CooldownShape shape = switch (decayType) {
            case "linear" -> CooldownShape.LINEAR;
            case "cosine" -> CooldownShape.COSINE;
            case "1-sqrt" -> CooldownShape.ONE_MINUS_SQRT;
            default -> throw new IllegalArgumentException(owner + ": decay_type '" + decayType
                    + "' is not supported (linear, cosine or 1-sqrt)");
        };
        if (shape == CooldownShape.COSINE) {
            halfCycle(k, "warmup_stable_decay");
        }
        double ratio = k.number("min_lr_ratio", 0.0);
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException(owner + ": min_lr_ratio must be in [0, 1], got " + ratio);
        }
        return new Wsd(lr, decay, w, stable, shape, lr * ratio, ITERATION);
    }

    private static CounterSchedule restarts(JsonArgs k, double lr, int w, int t) {
        int cycles = k.integer("num_cycles", 1);
        int span = t - w;
        if (cycles <= 0 || span <= 0 || span % cycles != 0) {
            throw new IllegalArgumentException("Hugging Face cosine_with_restarts: num_training_steps -"
                    + " num_warmup_steps (" + span + ") must be a positive multiple of num_cycles (" + cycles + ")");
        }
        CounterSchedule body = new SequenceSchedule(List.of(
                new CosineRestarts(lr, span / cycles, 1.0, 1.0, 0.0, ITERATION), new ConstantRate(0.0)),
                new int[] {span}, ITERATION);
        return warm(w, body);
    }
}
