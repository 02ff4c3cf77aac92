package io.github.dl4jschedules.interchange;

import io.github.dl4jschedules.schedules.Anneal;
import io.github.dl4jschedules.schedules.ConstantRate;
import io.github.dl4jschedules.schedules.CosineDecay;
import io.github.dl4jschedules.schedules.CosineRestarts;
import io.github.dl4jschedules.schedules.CounterSchedule;
import io.github.dl4jschedules.schedules.CyclicMode;
import io.github.dl4jschedules.schedules.CyclicSchedule;
import io.github.dl4jschedules.schedules.ExponentialDecay;
import io.github.dl4jschedules.schedules.LinearRamp;
import io.github.dl4jschedules.schedules.MultiStepDecay;
import io.github.dl4jschedules.schedules.OneCycle;
import io.github.dl4jschedules.schedules.PolynomialDecay;
import io.github.dl4jschedules.schedules.SequenceSchedule;
import io.github.dl4jschedules.schedules.StepDecay;
import org.nd4j.shade.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.nd4j.linalg.schedule.ScheduleType.ITERATION;

/**
 * PyTorch's {@code torch.optim.lr_scheduler} classes, given as class name, constructor arguments and
 * the optimizer's base rate {@code lr}; step {@code n} is the number of {@code scheduler.step()} calls
 * before the update (torch/optim/lr_scheduler.py, closed forms):
 * <pre>
 * StepLR                       lr * gamma^floor(n / step_size)
 * MultiStepLR                  lr * gamma^(number of milestones &lt;= n)
 * ExponentialLR                lr * gamma^n
 * CosineAnnealingLR            eta_min + (lr - eta_min) * (1 + cos(pi * n / T_max)) / 2
 * CosineAnnealingWarmRestarts  the same per SGDR cycle of T_0 * T_mult^i steps
 * LinearLR                     lr * (s + (e - s) * min(n, total_iters) / total_iters)
 * ConstantLR                   lr * factor for n &lt; total_iters, then lr
 * PolynomialLR                 lr * (1 - min(n, total_iters) / total_iters)^power
 * CyclicLR                     triangle from base_lr to max_lr, step_size_up up and down
 * OneCycleLR                   Smith and Topin's 1cycle with PyTorch's phase ends
 * SequentialLR                 schedulers[j] on n - milestones[j - 1]
 * </pre>
 * Differences: {@code CosineAnnealingLR} holds {@code eta_min} after {@code T_max} where PyTorch's
 * cosine rises again (runs normally end at {@code T_max}); {@code OneCycleLR} holds its last rate
 * after {@code total_steps} where PyTorch raises an error. Momentum arguments of {@code CyclicLR} and
 * {@code OneCycleLR} are accepted and ignored (learning rate only). Rejected: {@code CyclicLR} with
 * {@code step_size_down != step_size_up} or {@code scale_fn}, repeated {@code MultiStepLR}
 * milestones, any {@code last_epoch}.
 */
final class PyTorchReader {

    private static final Set<String> MOMENTUM = Set.of("cycle_momentum", "base_momentum", "max_momentum");

    private PyTorchReader() {
    }

    static CounterSchedule read(JsonNode root) {
        JsonArgs outer = new JsonArgs("PyTorch scheduler", root).only(Set.of("scheduler", "lr", "kwargs"));
        return build(outer, outer.number("lr"));
    }

    private static CounterSchedule build(JsonArgs outer, double lr) {
        String name = outer.text("scheduler", null);
        if (name == null) {
            throw new IllegalArgumentException("PyTorch scheduler: missing 'scheduler' (the class name)");
        }
        JsonArgs k = new JsonArgs("PyTorch " + name, outer.raw("kwargs"));
        switch (name) {
            case "StepLR":
                k.only(Set.of("step_size", "gamma"));
                return new StepDecay(lr, k.number("gamma", 0.1), k.integer("step_size"), ITERATION, 0);
            case "MultiStepLR":
                k.only(Set.of("milestones", "gamma"));
                return new MultiStepDecay(lr, k.number("gamma", 0.1), k.integers("milestones"), ITERATION);
            case "ExponentialLR":
                k.only(Set.of("gamma"));
                return new ExponentialDecay(lr, k.number("gamma"), ITERATION, 1, false, 0, 0.0);
            case "CosineAnnealingLR":
                k.only(Set.of("T_max", "eta_min"));
                return new CosineDecay(lr, k.integer("T_max"), k.number("eta_min", 0.0), ITERATION);
            case "CosineAnnealingWarmRestarts":
                k.only(Set.of("T_0", "T_mult", "eta_min"));
                return new CosineRestarts(lr, k.integer("T_0"), k.integer("T_mult", 1), 1.0,
                        k.number("eta_min", 0.0), ITERATION);
            case "LinearLR":
                k.only(Set.of("start_factor", "end_factor", "total_iters"));
                return new LinearRamp(lr * k.number("start_factor", 1.0 / 3), lr * k.number("end_factor", 1.0),
                        k.integer("total_iters", 5), ITERATION);
            case "ConstantLR":
                return constant(k.only(Set.of("factor", "total_iters")), lr);
            case "PolynomialLR":
                k.only(Set.of("total_iters", "power"));
                return new PolynomialDecay(lr, 0.0, k.integer("total_iters", 5), k.number("power", 1.0), false,
                        ITERATION);
            case "CyclicLR":
                return cyclic(k);
            case "OneCycleLR":
                return oneCycle(k);
            case "SequentialLR":
                return sequential(k.only(Set.of("schedulers", "milestones")), lr);
            default:
                throw new IllegalArgumentException("PyTorch scheduler '" + name + "' is not supported"
                        + " (supported: StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR,"
                        + " CosineAnnealingWarmRestarts, LinearLR, ConstantLR, PolynomialLR, CyclicLR,"
                        + " OneCycleLR, SequentialLR)");
        }
    }

    private static CounterSchedule constant(JsonArgs k, double lr) {
        int total = k.integer("total_iters", 5);
        ConstantRate full = new ConstantRate(lr);
        if (total == 0) {
            return full;
        }
        return new SequenceSchedule(List.of(new ConstantRate(lr * k.number("factor", 1.0 / 3)), full),
                new int[] {total}, ITERATION);
    }

    private static CounterSchedule cyclic(JsonArgs k) {
        Set<String> known = new java.util.HashSet<>(Set.of("base_lr", "max_lr", "step_size_up",
                "step_size_down", "mode", "gamma", "scale_mode"));
        known.addAll(MOMENTUM);
        k.only(known);
        int up = k.integer("step_size_up", 2000);
        if (k.has("step_size_down") && k.integer("step_size_down") != up) {
            throw new IllegalArgumentException("PyTorch CyclicLR with step_size_down != step_size_up is not"
                    + " supported (the catalogue's cyclic is symmetric)");
        }
        String mode = k.text("mode", "triangular");
        String scaleMode = k.text("scale_mode", mode.equals("exp_range") ? "iterations" : "cycle");
        if (!scaleMode.equals(mode.equals("exp_range") ? "iterations" : "cycle")) {
            throw new IllegalArgumentException("PyTorch CyclicLR: scale_mode '" + scaleMode
                    + "' only goes with scale_fn, which is not supported");
        }
        CyclicMode m = switch (mode) {
            case "triangular" -> CyclicMode.TRIANGULAR;
            case "triangular2" -> CyclicMode.TRIANGULAR2;
            case "exp_range" -> CyclicMode.EXP_RANGE;
            default -> throw new IllegalArgumentException("PyTorch CyclicLR: unknown mode '" + mode + "'");
        };
        return new CyclicSchedule(k.number("base_lr"), k.number("max_lr"), up, m, k.number("gamma", 1.0),
                ITERATION);
    }

    private static CounterSchedule oneCycle(JsonArgs k) {
        Set<String> known = new java.util.HashSet<>(Set.of("max_lr", "total_steps", "epochs", "steps_per_epoch",
                "pct_start", "anneal_strategy", "div_factor", "final_div_factor", "three_phase"));
        known.addAll(MOMENTUM);
        k.only(known);
        int total = k.has("total_steps") ? k.integer("total_steps")
                : Math.multiplyExact(k.integer("epochs"), k.integer("steps_per_epoch"));
        String strategy = k.text("anneal_strategy", "cos");
        Anneal anneal = switch (strategy) {
            case "cos" -> Anneal.COS;
            case "linear" -> Anneal.LINEAR;
            default -> throw new IllegalArgumentException("PyTorch OneCycleLR: unknown anneal_strategy '"
                    + strategy + "'");
        };
        return new OneCycle(k.number("max_lr"), total, k.number("pct_start", 0.3), k.number("div_factor", 25.0),
                k.number("final_div_factor", 1e4), anneal, k.bool("three_phase", false), ITERATION);
    }

    private static CounterSchedule sequential(JsonArgs k, double lr) {
        List<CounterSchedule> pieces = new ArrayList<>();
        for (JsonNode child : k.objects("schedulers")) {
            pieces.add(build(new JsonArgs("PyTorch SequentialLR child", child)
                    .only(Set.of("scheduler", "kwargs")), lr));
        }
        return new SequenceSchedule(pieces, k.integers("milestones"), ITERATION);
    }
}
