package io.github.dl4jschedules.interchange;

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
import io.github.dl4jschedules.schedules.Warmup;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.JsonNodeFactory;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The PyTorch form {@code {"scheduler": ..., "lr": ..., "kwargs": {...}}} of a catalogue schedule
 * counting iterations, for a scheduler stepped once per update; the inverse of {@link PyTorchReader}.
 * {@code lr} is the optimizer's base rate: the schedule's {@code lr}, {@code max(from, to)} for
 * {@code linear}, {@code min} for {@code cyclic}, {@code max / div} for {@code one-cycle}, and for a
 * {@code sequence} or {@code warmup} the largest of its pieces', which all of them must then share:
 * <pre>
 * constant(c)                         ConstantLR(factor=1, total_iters=0); in a sequence, c &lt; lr before
 *                                     the last piece: ConstantLR(factor=c/lr, total_iters=its length)
 * step(lr, factor, every)             StepLR(step_size=every, gamma=factor)
 * multistep(lr, factor, at)           MultiStepLR(milestones=at, gamma=factor)
 * exponential(lr, rate)               ExponentialLR(gamma=rate)                (period 1, no floor)
 * cosine(lr, steps, min)              CosineAnnealingLR(T_max=steps, eta_min=min)
 * cosine-restarts(lr, T, mult, min)   CosineAnnealingWarmRestarts(T_0=T, T_mult=mult, eta_min=min)   (whole mult, decay 1)
 * linear(from, to, steps)             LinearLR(start_factor=from/lr, end_factor=to/lr, total_iters=steps)   (from &gt; 0)
 * polynomial(lr, steps, power)        PolynomialLR(total_iters=steps, power)   (end 0, no cycle)
 * cyclic(min, max, half, mode, gamma) CyclicLR(base_lr=min, max_lr=max, step_size_up=half, step_size_down=half,
 *                                     mode, gamma, cycle_momentum=False)
 * one-cycle(...)                      OneCycleLR(max_lr, total_steps, pct_start, anneal_strategy, div_factor,
 *                                     final_div_factor, three_phase, cycle_momentum=False)
 * sequence(p0, p1, ..., at)           SequentialLR(schedulers=[p0, p1, ...], milestones=at)
 * warmup(W, start, then)              SequentialLR([LinearLR(start/lr, then(0)/lr, W), then], milestones=[W])
 * </pre>
 * As with the reader, PyTorch's {@code CosineAnnealingLR} rises again after {@code T_max} where
 * {@code cosine} holds {@code min}. Refused, naming the reason: epoch counters, {@code first != 0},
 * floors and periods PyTorch's classes lack, a warm-up or linear ramp from 0 ({@code LinearLR} needs a
 * start factor above 0), pieces that need different base rates, {@code cyclic} and {@code one-cycle}
 * inside a sequence (they set the optimizer's rate themselves), and the schedules PyTorch has no class
 * for ({@code inverse-time}, {@code inverse-sqrt}, {@code piecewise}, {@code wsd}, {@code scaled}).
 */
final class PyTorchWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String TORCH = "PyTorch";

    private PyTorchWriter() {
    }

    static ObjectNode write(ISchedule schedule) {
        CounterSchedule s = Writing.ours(schedule, TORCH);
        Writing.requireIterations(s, TORCH, "the form is for a scheduler stepped once per update");
        ObjectNode root = JSON.objectNode();
        if (s instanceof CyclicSchedule c) {
            root.put("scheduler", "CyclicLR").put("lr", c.min());
            root.putObject("kwargs").put("base_lr", c.min()).put("max_lr", c.max()).put("step_size_up", c.half())
                    .put("step_size_down", c.half()).put("mode", mode(c.mode())).put("gamma", c.gamma())
                    .put("cycle_momentum", false);
            return root;
        }
        if (s instanceof OneCycle o) {
            root.put("scheduler", "OneCycleLR").put("lr", o.max() / o.div());
            root.putObject("kwargs").put("max_lr", o.max()).put("total_steps", o.total()).put("pct_start", o.pct())
                    .put("anneal_strategy", o.anneal().word()).put("div_factor", o.div())
                    .put("final_div_factor", o.finalDiv()).put("three_phase", o.threePhase())
                    .put("cycle_momentum", false);
            return root;
        }
        double lr = baseRate(s);
        ObjectNode scheduler = scheduler(s, lr, -1);
        root.set("scheduler", scheduler.get("scheduler"));
        root.put("lr", lr);
        root.set("kwargs", scheduler.get("kwargs"));
        return root;
    }

    /** The optimizer's rate the schedule is written against. */
    private static double baseRate(CounterSchedule s) {
        if (s instanceof ConstantRate c) {
            return c.lr();
        }
        if (s instanceof StepDecay x) {
            return x.lr();
        }
        if (s instanceof MultiStepDecay x) {
            return x.lr();
        }
        if (s instanceof ExponentialDecay x) {
            return x.lr();
        }
        if (s instanceof CosineDecay x) {
            return x.lr();
        }
        if (s instanceof CosineRestarts x) {
            return x.lr();
        }
        if (s instanceof PolynomialDecay x) {
            return x.lr();
        }
        if (s instanceof LinearRamp x) {
            return Math.max(x.from(), x.to());
        }
        if (s instanceof Warmup w) {
            return Math.max(baseRate(w.then()), w.start());
        }
        if (s instanceof SequenceSchedule q) {
            double lr = 0;
            for (CounterSchedule piece : q.pieces()) {
                lr = Math.max(lr, baseRate(piece));
            }
            return lr;
        }
        throw unsupported(s);
    }

    /**
     * {@code {"scheduler": ..., "kwargs": {...}}} of {@code s} against base rate {@code lr};
     * {@code span} the steps it runs inside a sequence, or -1 when it runs to the end.
     */
    private static ObjectNode scheduler(CounterSchedule s, double lr, long span) {
        ObjectNode node = JSON.objectNode();
        ObjectNode kwargs = JSON.objectNode();
        if (s instanceof ConstantRate c) {
            node.put("scheduler", "ConstantLR");
            if (c.lr() == lr) {
                kwargs.put("factor", 1.0).put("total_iters", 0);
            } else {
                Writing.require(span > 0 && span <= Integer.MAX_VALUE && c.lr() < lr, s, TORCH, "a constant "
                        + "below the base rate " + lr + " needs ConstantLR's total_iters, so it must come before the"
                        + " last piece of a sequence");
                kwargs.put("factor", c.lr() / lr).put("total_iters", (int) span);
            }
        } else if (s instanceof StepDecay x) {
            sameRate(x, x.lr(), lr);
            Writing.require(x.first() == 0, s, TORCH, "first=" + x.first() + " (StepLR starts at 0)");
            node.put("scheduler", "StepLR");
            kwargs.put("step_size", x.every()).put("gamma", x.factor());
        } else if (s instanceof MultiStepDecay x) {
            sameRate(x, x.lr(), lr);
            node.put("scheduler", "MultiStepLR");
            ArrayNode milestones = kwargs.putArray("milestones");
            for (int at : x.at()) {
                milestones.add(at);
            }
            kwargs.put("gamma", x.factor());
        } else if (s instanceof ExponentialDecay x) {
            sameRate(x, x.lr(), lr);
            Writing.require(x.period() == 1 && x.first() == 0 && x.min() == 0, s, TORCH,
                    "ExponentialLR has period 1, starts at 0 and has no floor");
            node.put("scheduler", "ExponentialLR");
            kwargs.put("gamma", x.rate());
        } else if (s instanceof CosineDecay x) {
            sameRate(x, x.lr(), lr);
            node.put("scheduler", "CosineAnnealingLR");
            kwargs.put("T_max", x.steps()).put("eta_min", x.min());
        } else if (s instanceof CosineRestarts x) {
            sameRate(x, x.lr(), lr);
            Writing.require(x.decay() == 1 && x.mult() == Math.rint(x.mult()) && x.mult() <= Integer.MAX_VALUE, s,
                    TORCH, "CosineAnnealingWarmRestarts has a whole T_mult and no decay of the peak");
            node.put("scheduler", "CosineAnnealingWarmRestarts");
            kwargs.put("T_0", x.period()).put("T_mult", (int) x.mult()).put("eta_min", x.min());
        } else if (s instanceof LinearRamp x) {
            node.put("scheduler", "LinearLR");
            kwargs.setAll(linear(x, x.from(), x.to(), x.steps(), lr));
        } else if (s instanceof PolynomialDecay x) {
            sameRate(x, x.lr(), lr);
            Writing.require(x.end() == 0 && !x.cycle(), s, TORCH, "PolynomialLR ends at 0 and does not cycle");
            node.put("scheduler", "PolynomialLR");
            kwargs.put("total_iters", x.steps()).put("power", x.power());
        } else if (s instanceof Warmup w) {
            ObjectNode ramp = JSON.objectNode().put("scheduler", "LinearLR");
            ramp.set("kwargs", linear(w, w.start(), w.then().valueAt(0), w.steps(), lr));
            return sequential(List.of(ramp, scheduler(w.then(), lr, span < 0 ? -1 : span - w.steps())),
                    new int[] {w.steps()});
        } else if (s instanceof SequenceSchedule q) {
            List<CounterSchedule> pieces = q.pieces();
            int[] at = q.at();
            ObjectNode[] written = new ObjectNode[pieces.size()];
            for (int j = 0; j < written.length; j++) {
                long start = j == 0 ? 0 : at[j - 1];
                long length = j < at.length ? at[j] - start : span < 0 ? -1 : span - start;
                written[j] = scheduler(pieces.get(j), lr, length);
            }
            return sequential(List.of(written), at);
        } else if (s instanceof CyclicSchedule || s instanceof OneCycle) {
            throw Writing.refuse(s, TORCH, "CyclicLR and OneCycleLR set the optimizer's rate themselves, so they"
                    + " are written at the top level only");
        } else {
            throw unsupported(s);
        }
        node.set("kwargs", kwargs);
        return node;
    }

    private static ObjectNode linear(CounterSchedule s, double from, double to, int steps, double lr) {
        Writing.require(from > 0 && from <= lr && to <= lr, s, TORCH, "LinearLR's start factor must be in (0, 1] of"
                + " the base rate " + lr + " (a ramp from 0 has no LinearLR)");
        return JSON.objectNode().put("start_factor", from / lr).put("end_factor", to / lr).put("total_iters", steps);
    }

    private static ObjectNode sequential(List<ObjectNode> schedulers, int[] milestones) {
        ObjectNode node = JSON.objectNode().put("scheduler", "SequentialLR");
        ObjectNode kwargs = node.putObject("kwargs");
        kwargs.putArray("schedulers").addAll(schedulers);
        ArrayNode at = kwargs.putArray("milestones");
        for (int milestone : milestones) {
            at.add(milestone);
        }
        return node;
    }

    private static void sameRate(CounterSchedule s, double own, double lr) {
        Writing.require(own == lr, s, TORCH, "its rate " + own + " differs from the base rate " + lr
                + " that the pieces of a PyTorch SequentialLR share");
    }

    private static String mode(CyclicMode mode) {
        return mode == CyclicMode.EXP_RANGE ? "exp_range" : mode.word();
    }

    private static IllegalArgumentException unsupported(CounterSchedule s) {
        return Writing.refuse(s, TORCH, "PyTorch has no scheduler class with these values (supported: constant,"
                + " step, multistep, exponential, cosine, cosine-restarts, linear, polynomial, cyclic, one-cycle,"
                + " sequence, warmup)");
    }
}
