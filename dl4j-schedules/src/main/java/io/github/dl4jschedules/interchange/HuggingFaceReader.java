package io.github.dl4jschedules.interchange;

import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CosineDecay;
import io.github.dl4jschedules.schedules.CosineRestarts;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.InverseSqrtDecay;
import io.github.dl4jschedules.schedules.LinearRamp;
import io.github.dl4jschedules.schedules.PolynomialDecay;
import io.github.dl4jschedules.schedules.SequenceSchedule;
import io.github.dl4jschedules.schedules.Warmup;
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
 * </pre>
 * Differences and limits: {@code cosine} and {@code cosine_with_min_lr} hold their floor after {@code T}
 * where HF's cosine rises again; they and {@code cosine_with_restarts} need the default
 * {@code num_cycles} (restarts: a whole number of cycles of whole steps). {@code warmup_stable_decay}
 * is not supported yet (it comes with the catalogue's {@code wsd} schedule).
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
            default:
                throw new IllegalArgumentException("Hugging Face lr_scheduler_type '" + type + "' is not supported"
                        + " (supported: constant, constant_with_warmup, linear, cosine, cosine_with_min_lr,"
                        + " cosine_with_restarts, polynomial, inverse_sqrt)");
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
