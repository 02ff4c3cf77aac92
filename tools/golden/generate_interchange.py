#!/usr/bin/env python3
"""Golden tables for the Interchange readers (Keras, PyTorch, Hugging Face configurations).

Writes dl4j-schedules/src/test/resources/golden/interchange.tsv, one row per expected value,

    framework<TAB>json<TAB>n<TAB>expected

where `framework` is keras, pytorch or huggingface (the Interchange method to call), `json` the
configuration exactly as a user would paste it, `n` the update (iteration counter, 0 first) and
`expected` the `repr` of a double, in the format of generate_golden.py's schedules.tsv.

Expected values come only from the frameworks: PyTorch's own schedulers stepped on a real SGD
optimizer (torch_lrs of generate_golden.py), and the closed forms of Keras
(keras/src/optimizers/schedules/learning_rate_schedule.py, from generate_golden.py plus Keras 3's
CosineDecay warm-up below) and Hugging Face transformers (transformers/optimization.py, below),
evaluated in float64.  Nothing here reads or runs the Java code.

Also writes interchange-writers.tsv (framework<TAB>spec<TAB>json<TAB>n<TAB>expected) for the writers
(Interchange.toKeras / toPyTorch): `json` is the configuration the writer must produce for the
catalogue `spec`, written by hand below, and `expected` the framework's rate for that configuration.

Run from the repository root:  python3 tools/golden/generate_interchange.py
"""

import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate_golden as g  # noqa: E402  (re-executes under /usr/bin/python3 when torch is missing)

OUT = os.path.join(g.REPO, "dl4j-schedules", "src", "test", "resources", "golden", "interchange.tsv")


# ---------------------------------------------------------------- Keras 3 CosineDecay with warm-up

def keras_cosine_warmup(initial_learning_rate, decay_steps, alpha=0.0, warmup_target=None, warmup_steps=0):
    """keras.optimizers.schedules.CosineDecay.__call__ (Keras 3): without warmup_target the Keras 2
    form; else step = min(step, decay_steps + warmup_steps); step < warmup_steps:
    (warmup_target - lr) * step / warmup_steps + lr; else
    warmup_target * ((1 - alpha) * 0.5 * (1 + cos(pi * (step - warmup_steps) / decay_steps)) + alpha)."""
    if warmup_target is None:
        return g.keras_cosine(initial_learning_rate, decay_steps, alpha)

    def f(step):
        s = min(float(step), float(decay_steps + warmup_steps))
        if s < warmup_steps:
            return (warmup_target - initial_learning_rate) * (s / warmup_steps) + initial_learning_rate
        c = 0.5 * (1.0 + math.cos(math.pi * (s - warmup_steps) / decay_steps))
        return warmup_target * ((1 - alpha) * c + alpha)
    return f


KERAS = {
    "ExponentialDecay": lambda c: g.keras_exponential(c["initial_learning_rate"], c["decay_steps"],
                                                      c["decay_rate"], c.get("staircase", False)),
    "InverseTimeDecay": lambda c: g.keras_inverse_time(c["initial_learning_rate"], c["decay_steps"],
                                                       c["decay_rate"], c.get("staircase", False)),
    "PiecewiseConstantDecay": lambda c: g.keras_piecewise(c["boundaries"], c["values"]),
    "PolynomialDecay": lambda c: g.keras_polynomial(c["initial_learning_rate"], c["decay_steps"],
                                                    c.get("end_learning_rate", 0.0001), c.get("power", 1.0),
                                                    c.get("cycle", False)),
    "CosineDecay": lambda c: keras_cosine_warmup(c["initial_learning_rate"], c["decay_steps"], c.get("alpha", 0.0),
                                                 c.get("warmup_target"), c.get("warmup_steps", 0)),
    "CosineDecayRestarts": lambda c: g.keras_cosine_restarts(c["initial_learning_rate"], c["first_decay_steps"],
                                                             c.get("t_mul", 2.0), c.get("m_mul", 1.0),
                                                             c.get("alpha", 0.0)),
}

KERAS_CASES = [
    ({"class_name": "ExponentialDecay", "config": {"initial_learning_rate": 0.1, "decay_steps": 3,
                                                   "decay_rate": 0.9, "staircase": False, "name": None}}, 12),
    ({"module": "keras.optimizers.schedules", "class_name": "ExponentialDecay",
      "config": {"initial_learning_rate": 0.1, "decay_steps": 3, "decay_rate": 0.5, "staircase": True,
                 "name": "ExponentialDecay"}, "registered_name": None}, 12),
    ({"class_name": "InverseTimeDecay", "config": {"initial_learning_rate": 0.2, "decay_steps": 2,
                                                   "decay_rate": 0.5, "staircase": False}}, 10),
    ({"class_name": "InverseTimeDecay", "config": {"initial_learning_rate": 0.2, "decay_steps": 2,
                                                   "decay_rate": 0.5, "staircase": True}}, 10),
    ({"class_name": "PiecewiseConstantDecay", "config": {"boundaries": [3, 6], "values": [0.1, 0.05, 0.01]}}, 10),
    ({"class_name": "PolynomialDecay", "config": {"initial_learning_rate": 0.1, "decay_steps": 4,
                                                  "end_learning_rate": 0.01, "power": 2.0, "cycle": False}}, 8),
    ({"class_name": "PolynomialDecay", "config": {"initial_learning_rate": 0.1, "decay_steps": 4,
                                                  "end_learning_rate": 0.01, "power": 2.0, "cycle": True}}, 14),
    ({"class_name": "CosineDecay", "config": {"initial_learning_rate": 0.1, "decay_steps": 6, "alpha": 0.1}}, 10),
    ({"module": "keras.optimizers.schedules", "class_name": "CosineDecay", "registered_name": None,
      "config": {"initial_learning_rate": 0.0, "decay_steps": 6, "alpha": 0.05, "name": "CosineDecay",
                 "warmup_target": 0.1, "warmup_steps": 4}}, 14),
    ({"class_name": "CosineDecayRestarts", "config": {"initial_learning_rate": 0.1, "first_decay_steps": 2,
                                                      "t_mul": 2.0, "m_mul": 0.5, "alpha": 0.0}}, 16),
    ({"class_name": "CosineDecayRestarts", "config": {"initial_learning_rate": 0.1, "first_decay_steps": 3,
                                                      "t_mul": 1.0, "m_mul": 1.0, "alpha": 0.2}}, 12),
]


def keras_values(case, count):
    if isinstance(case, (int, float)):
        return [float(case)] * count
    f = KERAS[case["class_name"]](case["config"])
    return [float(f(n)) for n in range(count)]


# ---------------------------------------------------------------- PyTorch, run by torch

def torch_make(case):
    def make(opt):
        return construct(opt, case)
    return make


def construct(opt, case):
    kwargs = dict(case.get("kwargs", {}))
    if case["scheduler"] == "SequentialLR":
        kwargs["schedulers"] = [construct(opt, child) for child in kwargs["schedulers"]]
    return getattr(g.tls, case["scheduler"])(opt, **kwargs)


PYTORCH_CASES = [
    ({"scheduler": "StepLR", "lr": 0.1, "kwargs": {"step_size": 3, "gamma": 0.5}}, 12),
    ({"scheduler": "MultiStepLR", "lr": 0.1, "kwargs": {"milestones": [2, 5], "gamma": 0.1}}, 8),
    ({"scheduler": "ExponentialLR", "lr": 0.1, "kwargs": {"gamma": 0.9}}, 10),
    ({"scheduler": "CosineAnnealingLR", "lr": 0.1, "kwargs": {"T_max": 8, "eta_min": 0.001}}, 9),
    ({"scheduler": "CosineAnnealingWarmRestarts", "lr": 0.1, "kwargs": {"T_0": 2, "T_mult": 2, "eta_min": 0.01}}, 16),
    ({"scheduler": "LinearLR", "lr": 0.1, "kwargs": {"start_factor": 0.25, "end_factor": 1.0, "total_iters": 4}}, 8),
    ({"scheduler": "ConstantLR", "lr": 0.1, "kwargs": {"factor": 0.5, "total_iters": 3}}, 6),
    ({"scheduler": "PolynomialLR", "lr": 0.1, "kwargs": {"total_iters": 5, "power": 2.0}}, 8),
    ({"scheduler": "CyclicLR", "lr": 0.01, "kwargs": {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 3,
                                                       "mode": "triangular2", "cycle_momentum": False}}, 20),
    ({"scheduler": "CyclicLR", "lr": 0.01, "kwargs": {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 2,
                                                       "mode": "exp_range", "gamma": 0.9,
                                                       "cycle_momentum": False}}, 12),
    ({"scheduler": "OneCycleLR", "lr": 0.1, "kwargs": {"max_lr": 0.1, "total_steps": 20}}, 20),
    ({"scheduler": "OneCycleLR", "lr": 0.1, "kwargs": {"max_lr": 0.2, "epochs": 3, "steps_per_epoch": 5,
                                                        "pct_start": 0.25, "anneal_strategy": "linear",
                                                        "three_phase": True}}, 15),
    ({"scheduler": "SequentialLR", "lr": 0.1, "kwargs": {
        "schedulers": [{"scheduler": "LinearLR", "kwargs": {"start_factor": 0.1, "total_iters": 3}},
                       {"scheduler": "ExponentialLR", "kwargs": {"gamma": 0.8}}],
        "milestones": [3]}}, 10),
]


# ---------------------------------------------------------------- Hugging Face closed forms

def hf_lambda(t, w, total, kw):
    """transformers/optimization.py, the lr_lambda of each get_*_schedule function (factor of lr)."""
    def warm(step):
        return float(step) / float(max(1, w))

    def progress(step):
        return float(step - w) / float(max(1, total - w))

    if t == "constant":
        return lambda s: 1.0
    if t == "constant_with_warmup":
        return lambda s: warm(s) if s < w else 1.0
    if t == "linear":
        return lambda s: warm(s) if s < w else max(0.0, float(total - s) / float(max(1, total - w)))
    if t == "cosine":
        nc = kw.get("num_cycles", 0.5)
        return lambda s: warm(s) if s < w else max(0.0, 0.5 * (1.0 + math.cos(math.pi * float(nc) * 2.0 * progress(s))))
    if t == "cosine_with_min_lr":
        nc = kw.get("num_cycles", 0.5)

        def f(s, rate):
            if s < w:
                return warm(s)
            factor = 0.5 * (1.0 + math.cos(math.pi * float(nc) * 2.0 * progress(s)))
            return max(0.0, factor * (1 - rate) + rate)
        return f
    if t == "cosine_with_restarts":
        nc = kw.get("num_cycles", 1)

        def f(s):
            if s < w:
                return warm(s)
            p = progress(s)
            if p >= 1.0:
                return 0.0
            return max(0.0, 0.5 * (1.0 + math.cos(math.pi * ((float(nc) * p) % 1.0))))
        return f
    if t == "inverse_sqrt":
        ts = kw.get("timescale") or (w or 10000)

        def f(s):
            if s < w:
                return warm(s)
            return 1.0 / math.sqrt((s + (ts - w)) / ts)
        return f
    raise ValueError(t)


def hf_values(case, count):
    t = case["lr_scheduler_type"]
    lr = case["learning_rate"]
    w = case.get("num_warmup_steps", 0)
    total = case.get("num_training_steps")
    kw = case.get("lr_scheduler_kwargs", {})
    if t == "polynomial":
        lr_end, power = kw.get("lr_end", 1e-7), kw.get("power", 1.0)

        def lam(s):
            if s < w:
                return float(s) / float(max(1, w))
            if s > total:
                return lr_end / lr
            pct = 1 - (s - w) / (total - w)
            return ((lr - lr_end) * pct ** power + lr_end) / lr
        return [lr * lam(n) for n in range(count)]
    if t == "cosine_with_min_lr":
        rate = kw["min_lr"] / lr if "min_lr" in kw else kw["min_lr_rate"]
        f = hf_lambda(t, w, total, kw)
        return [lr * f(n, rate) for n in range(count)]
    if t == "warmup_stable_decay":
        decay = kw["num_decay_steps"]
        stable = kw.get("num_stable_steps")
        if stable is None:
            stable = total - w - decay  # get_wsd_schedule: num_training_steps - warm-up - decay
        f = g.hf_wsd_lambda(w, stable, decay, warmup_type=kw.get("warmup_type", "linear"),
                            decay_type=kw.get("decay_type", "cosine"), min_lr_ratio=kw.get("min_lr_ratio", 0.0),
                            num_cycles=kw.get("num_cycles", 0.5))
        return [lr * f(n) for n in range(count)]
    f = hf_lambda(t, w, total, kw)
    return [lr * f(n) for n in range(count)]


def hf(t, w, total, kwargs, count, lr=0.1):
    return ({"lr_scheduler_type": t, "learning_rate": lr, "num_warmup_steps": w, "num_training_steps": total,
             "lr_scheduler_kwargs": kwargs}, count)


HF_CASES = [
    hf("constant", 0, 10, {}, 5),
    hf("constant_with_warmup", 4, 10, {}, 8),
    hf("linear", 3, 10, {}, 13),
    hf("linear", 0, 6, {}, 8),
    hf("cosine", 2, 10, {}, 11),
    hf("cosine_with_min_lr", 2, 10, {"min_lr": 0.01}, 11),
    hf("cosine_with_min_lr", 0, 8, {"min_lr_rate": 0.2}, 9),
    hf("cosine_with_restarts", 2, 14, {"num_cycles": 3}, 17),
    hf("polynomial", 2, 8, {"lr_end": 0.01, "power": 2.0}, 12),
    hf("inverse_sqrt", 4, 20, {}, 16),
    hf("inverse_sqrt", 2, 20, {"timescale": 5}, 12),
    # warmup_stable_decay: HF's defaults (decay_type cosine), stable from num_training_steps
    hf("warmup_stable_decay", 3, 20, {"num_decay_steps": 6}, 24),
    hf("warmup_stable_decay", 0, None, {"num_decay_steps": 5, "num_stable_steps": 4, "decay_type": "linear",
                                        "min_lr_ratio": 0.1}, 12),
    hf("warmup_stable_decay", 4, 30, {"num_decay_steps": 8, "num_stable_steps": 10, "decay_type": "1-sqrt",
                                      "min_lr_ratio": 0.05, "warmup_type": "linear"}, 26, lr=0.002),
]


# ---------------------------------------------------------------- writers: Interchange.toKeras / toPyTorch
# Each case: a catalogue spec and the configuration the writer must produce for it, written here by
# hand from the frameworks' documentation (not by running the Java writer); its values come from the
# framework: PyTorch run for real on that configuration, Keras' closed forms above.

WRITER_KERAS_CASES = [
    ("constant(lr=0.05)", 0.05, 5),
    ("inverse-time(lr=0.1, decay=0.5, unit=iteration, period=4, staircase=true)",
     {"class_name": "InverseTimeDecay", "config": {"initial_learning_rate": 0.1, "decay_steps": 4,
                                                   "decay_rate": 0.5, "staircase": True}}, 14),
    ("exponential(lr=0.1, rate=0.96, unit=iteration, period=3)",
     {"class_name": "ExponentialDecay", "config": {"initial_learning_rate": 0.1, "decay_steps": 3,
                                                   "decay_rate": 0.96, "staircase": False}}, 12),
    ("step(lr=0.1, factor=0.5, every=3, unit=iteration)",
     {"class_name": "ExponentialDecay", "config": {"initial_learning_rate": 0.1, "decay_steps": 3,
                                                   "decay_rate": 0.5, "staircase": True}}, 12),
    ("piecewise(values=[0.1, 0.05, 0.01], at=[5, 12], unit=iteration)",
     {"class_name": "PiecewiseConstantDecay", "config": {"boundaries": [4, 11], "values": [0.1, 0.05, 0.01]}}, 16),
    ("polynomial(lr=0.1, end=0.001, steps=5, power=2, cycle=true, unit=iteration)",
     {"class_name": "PolynomialDecay", "config": {"initial_learning_rate": 0.1, "decay_steps": 5,
                                                  "end_learning_rate": 0.001, "power": 2.0, "cycle": True}}, 17),
    ("cosine(lr=0.1, steps=10, min=0.01, unit=iteration)",
     {"class_name": "CosineDecay", "config": {"initial_learning_rate": 0.1, "decay_steps": 10,
                                              "alpha": 0.01 / 0.1}}, 14),
    ("cosine-restarts(lr=0.1, period=3, mult=2, decay=0.5, unit=iteration)",
     {"class_name": "CosineDecayRestarts", "config": {"initial_learning_rate": 0.1, "first_decay_steps": 3,
                                                      "t_mul": 2.0, "m_mul": 0.5, "alpha": 0.0}}, 22),
    ("warmup(steps=5, start=0.01, then=cosine(lr=0.1, steps=20, min=0.001), unit=iteration)",
     {"class_name": "CosineDecay", "config": {"initial_learning_rate": 0.01, "decay_steps": 20,
                                              "alpha": 0.001 / 0.1, "warmup_target": 0.1, "warmup_steps": 5}}, 30),
]


def torch_linear(start, end, steps):
    return {"scheduler": "LinearLR", "kwargs": {"start_factor": start, "end_factor": end, "total_iters": steps}}


WRITER_PYTORCH_CASES = [
    ("constant(lr=0.05)",
     {"scheduler": "ConstantLR", "lr": 0.05, "kwargs": {"factor": 1.0, "total_iters": 0}}, 5),
    ("step(lr=0.1, factor=0.5, every=3, unit=iteration)",
     {"scheduler": "StepLR", "lr": 0.1, "kwargs": {"step_size": 3, "gamma": 0.5}}, 12),
    ("multistep(lr=0.1, factor=0.1, at=[4, 9], unit=iteration)",
     {"scheduler": "MultiStepLR", "lr": 0.1, "kwargs": {"milestones": [4, 9], "gamma": 0.1}}, 12),
    ("exponential(lr=0.1, rate=0.9, unit=iteration)",
     {"scheduler": "ExponentialLR", "lr": 0.1, "kwargs": {"gamma": 0.9}}, 12),
    ("cosine(lr=0.1, steps=10, min=0.001, unit=iteration)",      # to T_max: PyTorch rises after it
     {"scheduler": "CosineAnnealingLR", "lr": 0.1, "kwargs": {"T_max": 10, "eta_min": 0.001}}, 11),
    ("cosine-restarts(lr=0.1, period=3, mult=2, min=0.01, unit=iteration)",
     {"scheduler": "CosineAnnealingWarmRestarts", "lr": 0.1, "kwargs": {"T_0": 3, "T_mult": 2, "eta_min": 0.01}},
     22),
    ("linear(from=0.01, to=0.1, steps=5, unit=iteration)",
     {"scheduler": "LinearLR", "lr": 0.1, "kwargs": {"start_factor": 0.01 / 0.1, "end_factor": 1.0,
                                                     "total_iters": 5}}, 8),
    ("polynomial(lr=0.1, steps=8, power=2, unit=iteration)",
     {"scheduler": "PolynomialLR", "lr": 0.1, "kwargs": {"total_iters": 8, "power": 2.0}}, 11),
    ("cyclic(min=0.01, max=0.1, half=3, mode=triangular2, unit=iteration)",
     {"scheduler": "CyclicLR", "lr": 0.01, "kwargs": {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 3,
                                                      "step_size_down": 3, "mode": "triangular2", "gamma": 1.0,
                                                      "cycle_momentum": False}}, 20),
    ("cyclic(min=0.01, max=0.1, half=2, mode=exp-range, gamma=0.9, unit=iteration)",
     {"scheduler": "CyclicLR", "lr": 0.01, "kwargs": {"base_lr": 0.01, "max_lr": 0.1, "step_size_up": 2,
                                                      "step_size_down": 2, "mode": "exp_range", "gamma": 0.9,
                                                      "cycle_momentum": False}}, 12),
    ("one-cycle(max=0.1, total=20, unit=iteration)",
     {"scheduler": "OneCycleLR", "lr": 0.1 / 25.0, "kwargs": {"max_lr": 0.1, "total_steps": 20, "pct_start": 0.3,
                                                              "anneal_strategy": "cos", "div_factor": 25.0,
                                                              "final_div_factor": 10000.0, "three_phase": False,
                                                              "cycle_momentum": False}}, 20),
    ("sequence(linear(from=0.01, to=0.1, steps=5), cosine(lr=0.1, steps=15), at=[5], unit=iteration)",
     {"scheduler": "SequentialLR", "lr": 0.1, "kwargs": {
         "schedulers": [torch_linear(0.01 / 0.1, 1.0, 5),
                        {"scheduler": "CosineAnnealingLR", "kwargs": {"T_max": 15, "eta_min": 0.0}}],
         "milestones": [5]}}, 21),
    ("warmup(steps=4, start=0.01, then=exponential(lr=0.1, rate=0.9), unit=iteration)",
     {"scheduler": "SequentialLR", "lr": 0.1, "kwargs": {
         "schedulers": [torch_linear(0.01 / 0.1, 1.0, 4), {"scheduler": "ExponentialLR", "kwargs": {"gamma": 0.9}}],
         "milestones": [4]}}, 14),
    ("sequence(constant(lr=0.02), step(lr=0.1, factor=0.5, every=3), at=[4], unit=iteration)",
     {"scheduler": "SequentialLR", "lr": 0.1, "kwargs": {
         "schedulers": [{"scheduler": "ConstantLR", "kwargs": {"factor": 0.02 / 0.1, "total_iters": 4}},
                        {"scheduler": "StepLR", "kwargs": {"step_size": 3, "gamma": 0.5}}],
         "milestones": [4]}}, 14),
]

WRITERS_OUT = os.path.join(g.REPO, "dl4j-schedules", "src", "test", "resources", "golden", "interchange-writers.tsv")


def write_writers():
    rows = []
    for spec, case, count in WRITER_KERAS_CASES:
        rows += [("keras", spec, case, n, v) for n, v in enumerate(keras_values(case, count))]
    for spec, case, count in WRITER_PYTORCH_CASES:
        rows += [("pytorch", spec, case, n, v) for n, v in enumerate(g.torch_lrs(case["lr"], torch_make(case), count))]
    with open(WRITERS_OUT, "w", encoding="utf-8") as out:
        out.write("framework\tspec\tjson\tn\texpected\n")
        out.write("# generated by tools/golden/generate_interchange.py (torch %s); do not edit\n" % g.torch.__version__)
        for framework, spec, case, n, v in rows:
            out.write("%s\t%s\t%s\t%d\t%r\n" % (framework, spec, json.dumps(case), n, float(v)))
    print("wrote %d rows to %s" % (len(rows), WRITERS_OUT))


def main():
    write_writers()
    rows = []
    for case, count in KERAS_CASES + [(0.05, 3)]:
        rows += [("keras", case, n, v) for n, v in enumerate(keras_values(case, count))]
    for case, count in PYTORCH_CASES:
        rows += [("pytorch", case, n, v) for n, v in enumerate(g.torch_lrs(case["lr"], torch_make(case), count))]
    for case, count in HF_CASES:
        rows += [("huggingface", case, n, v) for n, v in enumerate(hf_values(case, count))]
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("framework\tjson\tn\texpected\n")
        out.write("# generated by tools/golden/generate_interchange.py (torch %s); do not edit\n" % g.torch.__version__)
        for framework, case, n, v in rows:
            out.write("%s\t%s\t%d\t%r\n" % (framework, json.dumps(case), n, float(v)))
    print("wrote %d rows to %s" % (len(rows), OUT))


if __name__ == "__main__":
    main()
