#!/usr/bin/env python3
"""Generate the golden tables for dl4j-schedules.

Writes dl4j-schedules/src/test/resources/golden/schedules.tsv: one row per expected value,

    source<TAB>spec<TAB>n<TAB>expected

where `spec` is the schedule in the module's spec language (project docs: schedule-catalogue.md), `n` the
counter in the schedule's unit (the row's unit is `epoch` iff the spec text contains `unit=epoch`;
otherwise `iteration`) and `expected` the `repr` of a double.

Expected values come only from independent references:
  * PyTorch's own schedulers, stepped on a real SGD optimizer (torch.optim.lr_scheduler);
  * published closed forms of Keras, fairseq and Optax, re-implemented below from their source
    (each function cites the file it follows), evaluated in float64;
  * the lecture formulas of docs/learning-rate-decay.md.
Nothing here reads or runs the Java code.

As a guard against mapping mistakes (wrong counter offset, wrong parameter translation), every
expected value is also compared with an independent float64 reading of the catalogue formula
(`contract` below).  A disagreement beyond CHECK_REL aborts the script.  Those contract values
are never written to the table.

Also writes dl4j-schedules/src/test/resources/golden/plateau.tsv: reduce-on-plateau, one row per case,

    case<TAB>rule<TAB>base_lr<TAB>metrics<TAB>rates

where `rule` is the case's settings in PlateauRule.parse syntax (keys not given take the defaults, which
must be PyTorch's), `metrics` the scripted metric of each epoch and `rates` the learning rate PyTorch's
ReduceLROnPlateau leaves in the optimizer after each epoch's scheduler.step(metric), i.e. the rate of
the next epoch: comma-separated `repr`s of doubles.  Cross-checked against the rule as documented in
PlateauRule's javadoc (`plateau_contract`), never against the Java code.

Run from the repository root:  python3 tools/golden/generate_golden.py
"""

import math
import os
import sys
import warnings

try:
    import torch
except ImportError:  # e.g. a pyenv python3 shadows Debian's /usr/bin/python3 that has python3-torch
    _alt = "/usr/bin/python3"
    if (os.environ.get("GOLDEN_REEXEC") != "1" and os.path.exists(_alt)
            and os.path.realpath(sys.executable) != os.path.realpath(_alt)):
        os.environ["GOLDEN_REEXEC"] = "1"
        os.execv(_alt, [_alt] + sys.argv)
    sys.exit("PyTorch not importable: install it (apt-get install -y python3-torch)")

from torch.optim import lr_scheduler as tls

warnings.filterwarnings("ignore", category=UserWarning)

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(REPO, "dl4j-schedules", "src", "test", "resources", "golden", "schedules.tsv")
PLATEAU_OUT = os.path.join(REPO, "dl4j-schedules", "src", "test", "resources", "golden", "plateau.tsv")
CHECK_REL = 1e-12  # reference vs catalogue formula: relative difference allowed (rounding only)
CHECK_ABS = 1e-17  # absolute slack for values that are (nearly) zero


# --------------------------------------------------------------------------------------------
# Spec objects: render to the spec language and evaluate the catalogue formula (cross-check only)
# --------------------------------------------------------------------------------------------

def _fmt(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        r = repr(v)
        assert float(r) == v and "inf" not in r and "nan" not in r
        return r
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_fmt(x) for x in v) + "]"
    if isinstance(v, Spec):
        return str(v)
    if isinstance(v, str):
        return v
    raise TypeError(v)


class Spec:
    """A schedule spec: name, positional child specs (sequence only), key=value parameters.

    Python keyword names use '_' where the spec language uses '-' (final_div -> final-div)."""

    def __init__(self, name, *items, **params):
        self.name = name
        self.items = list(items)
        self.params = {k.replace("_", "-"): v for k, v in params.items()}

    def __str__(self):
        parts = [str(i) for i in self.items] + ["%s=%s" % (k, _fmt(v)) for k, v in self.params.items()]
        return "%s(%s)" % (self.name, ", ".join(parts))

    def get(self, key, default=None):
        return self.params.get(key, default)

    def unit(self):
        if self.name == "scaled":
            return self.get("of").unit()
        return self.get("unit", "iteration")


def S(name, *items, **params):
    return Spec(name, *items, **params)


def contract(s, n):
    """The catalogue's formula (project docs: schedule-catalogue.md), read literally; cross-check only."""
    p = s.get
    name = s.name

    def tau(first_default=0):
        m = n + p("first", first_default)
        t = m / p("period", 1)
        return math.floor(t) if p("staircase", False) else t

    if name == "constant":
        return p("lr")
    if name == "inverse-time":
        return p("lr") / (1 + p("decay") * tau())
    if name == "exponential":
        return max(p("min", 0.0), p("lr") * p("rate") ** tau())
    if name == "inverse-sqrt":
        t, k, w = tau(1), p("k", 1.0), p("warmup", 0)
        if w == 0:
            return p("lr") * k / math.sqrt(t)
        return p("lr") * k * t / w if t < w else p("lr") * k * math.sqrt(w / t)
    if name == "step":
        return p("lr") * p("factor", 0.5) ** math.floor((n + p("first", 0)) / p("every"))
    if name == "multistep":
        return p("lr") * p("factor", 0.1) ** sum(1 for a in p("at") if a <= n)
    if name == "piecewise":
        return p("values")[sum(1 for b in p("at") if b <= n)]
    if name == "polynomial":
        steps, end = p("steps"), p("end", 0.0)
        big_s = steps * max(1, math.ceil(n / steps)) if p("cycle", False) else steps
        return (p("lr") - end) * (1 - min(n, big_s) / big_s) ** p("power", 1.0) + end
    if name == "cosine":
        lo, st = p("min", 0.0), p("steps")
        return lo + (p("lr") - lo) * (1 + math.cos(math.pi * min(n, st) / st)) / 2
    if name == "cosine-restarts":
        start, length, i = 0.0, float(p("period")), 0
        while n >= start + length:
            start += length
            length *= p("mult", 1.0)
            i += 1
        peak, lo = p("lr") * p("decay", 1.0) ** i, p("min", 0.0)
        return lo + (peak - lo) * (1 + math.cos(math.pi * (n - start) / length)) / 2
    if name == "linear":
        return p("from") + (p("to") - p("from")) * min(n, p("steps")) / p("steps")
    if name == "cyclic":
        total = 2.0 * p("half")
        cycle = math.floor(1 + n / total)
        x = abs(n / p("half") - 2 * cycle + 1)
        scale = {"triangular": 1.0, "triangular2": 1 / 2.0 ** (cycle - 1),
                 "exp-range": p("gamma", 1.0) ** n}[p("mode", "triangular")]
        return p("min") + (p("max") - p("min")) * max(0.0, 1 - x) * scale
    if name == "one-cycle":
        total, pct = p("total"), p("pct", 0.3)
        hi = p("max")
        init = hi / p("div", 25.0)
        lo = init / p("final-div", 1e4)
        m = min(n, total - 1)
        if p("three-phase", False):
            phases = [(pct * total - 1, init, hi), (2 * pct * total - 2, hi, init), (total - 1, init, lo)]
        else:
            phases = [(pct * total - 1, init, hi), (total - 1, hi, lo)]
        start = 0.0
        for idx, (end, a, b) in enumerate(phases):
            if m <= end or idx == len(phases) - 1:
                f = (m - start) / (end - start)
                if p("anneal", "cos") == "cos":
                    return b + (a - b) / 2 * (math.cos(math.pi * f) + 1)
                return (b - a) * f + a
            start = end
    if name == "wsd":
        lr, lo, w, st, c = p("lr"), p("min", 0.0), p("warmup", 0), p("stable", 2147483647), p("cooldown")
        if n < w:
            return lo + (lr - lo) * n / w
        if n < w + st:
            return lr
        if n >= w + st + c:
            return lo
        q = (n - w - st) / c
        f = {"linear": 1 - q, "cosine": (1 + math.cos(math.pi * q)) / 2,
             "one-minus-sqrt": 1 - math.sqrt(q)}[p("shape", "linear")]
        return lo + (lr - lo) * f
    if name == "warmup":
        w, then = p("steps"), p("then")
        if n < w:
            return p("start", 0.0) + (contract(then, 0) - p("start", 0.0)) * n / w
        return contract(then, n - w)
    if name == "sequence":
        bounds = [0] + list(p("at"))
        j = sum(1 for b in p("at") if b <= n)
        return contract(s.items[j], n - bounds[j])
    if name == "scaled":
        return p("factor") * contract(p("of"), n)
    raise ValueError(name)


# --------------------------------------------------------------------------------------------
# References: PyTorch (stepped for real)
# --------------------------------------------------------------------------------------------

def torch_lrs(base_lr, make, count, skip=0):
    """Learning rates PyTorch uses for updates skip .. skip+count-1.

    https://github.com/pytorch/pytorch/blob/main/torch/optim/lr_scheduler.py
    One SGD optimizer on a dummy parameter; before each optimizer.step() we read
    optimizer.param_groups[0]['lr'] (the rate that update uses), then call scheduler.step()
    once, as in PyTorch's documented per-iteration (or per-epoch) loop."""
    param = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([param], lr=base_lr)
    sched = make(opt)
    out = []
    for i in range(skip + count):
        if i >= skip:
            out.append(float(opt.param_groups[0]["lr"]))
        if i == skip + count - 1:
            break
        opt.step()
        sched.step()
    return out


# --------------------------------------------------------------------------------------------
# References: Keras closed forms (float64)
# https://github.com/keras-team/keras/blob/master/keras/src/optimizers/schedules/learning_rate_schedule.py
# Keras calls the schedule with optimizer.iterations, 0 on the first update: step == DL4J counter.
# --------------------------------------------------------------------------------------------

def keras_inverse_time(initial_learning_rate, decay_steps, decay_rate, staircase=False):
    """keras.optimizers.schedules.InverseTimeDecay.__call__:
    p = step / decay_steps (floored if staircase); lr / (1 + decay_rate * p)."""
    def f(step):
        p = step / decay_steps
        if staircase:
            p = math.floor(p)
        return initial_learning_rate / (1.0 + decay_rate * p)
    return f


def keras_exponential(initial_learning_rate, decay_steps, decay_rate, staircase=False):
    """keras.optimizers.schedules.ExponentialDecay.__call__:
    p = step / decay_steps (floored if staircase); lr * decay_rate ** p."""
    def f(step):
        p = step / decay_steps
        if staircase:
            p = math.floor(p)
        return initial_learning_rate * decay_rate ** p
    return f


def keras_piecewise(boundaries, values):
    """keras.optimizers.schedules.PiecewiseConstantDecay.__call__:
    values[0] if step <= b[0]; values[i+1] if b[i] < step <= b[i+1]; values[-1] if step > b[-1]
    (sum of indicator * value, as Keras computes it)."""
    def f(step):
        r = 0.0
        r += (1.0 if step <= boundaries[0] else 0.0) * values[0]
        r += (1.0 if step > boundaries[-1] else 0.0) * values[-1]
        for low, high, v in zip(boundaries[:-1], boundaries[1:], values[1:-1]):
            r += (1.0 if (step > low and step <= high) else 0.0) * v
        return r
    return f


def keras_polynomial(initial_learning_rate, decay_steps, end_learning_rate=0.0001, power=1.0, cycle=False):
    """keras.optimizers.schedules.PolynomialDecay.__call__:
    cycle: decay_steps *= (1 if step == 0 else ceil(step / decay_steps)); else step = min(step, decay_steps);
    (lr - end) * (1 - step / decay_steps) ** power + end."""
    def f(step):
        g = float(step)
        d = float(decay_steps)
        if cycle:
            mult = 1.0 if g == 0 else math.ceil(g / decay_steps)
            d = d * mult
        else:
            g = min(g, d)
        p = g / d
        return (initial_learning_rate - end_learning_rate) * (1 - p) ** power + end_learning_rate
    return f


def keras_cosine(initial_learning_rate, decay_steps, alpha=0.0):
    """keras.optimizers.schedules.CosineDecay.__call__ (warmup_target=None):
    step = min(step, decay_steps); c = 0.5 * (1 + cos(pi * step / decay_steps));
    lr * ((1 - alpha) * c + alpha)."""
    def f(step):
        g = min(float(step), float(decay_steps))
        completed = g / decay_steps
        c = 0.5 * (1.0 + math.cos(math.pi * completed))
        return initial_learning_rate * ((1 - alpha) * c + alpha)
    return f


def keras_cosine_restarts(initial_learning_rate, first_decay_steps, t_mul=2.0, m_mul=1.0, alpha=0.0):
    """keras.optimizers.schedules.CosineDecayRestarts.__call__ (compute_step with geometric
    restarts when t_mul != 1):
    i = floor(log(1 - f * (1 - t_mul)) / log(t_mul)); sum_r = (1 - t_mul**i) / (1 - t_mul);
    f = (f - sum_r) / t_mul**i; lr * ((1 - alpha) * 0.5 * m_mul**i * (1 + cos(pi * f)) + alpha)."""
    def f(step):
        completed = float(step) / first_decay_steps
        if t_mul == 1.0:
            i = math.floor(completed)
            completed -= i
        else:
            i = math.floor(math.log(1.0 - completed * (1.0 - t_mul)) / math.log(t_mul))
            sum_r = (1.0 - t_mul ** i) / (1.0 - t_mul)
            completed = (completed - sum_r) / t_mul ** i
        m_fac = m_mul ** i
        cosine_decayed = 0.5 * m_fac * (1.0 + math.cos(math.pi * completed))
        return initial_learning_rate * ((1 - alpha) * cosine_decayed + alpha)
    return f


# --------------------------------------------------------------------------------------------
# References: fairseq, lecture
# --------------------------------------------------------------------------------------------

def fairseq_inverse_sqrt(lr, warmup_updates, warmup_init_lr=0.0):
    """fairseq InverseSquareRootSchedule.step_update(num_updates)
    https://github.com/facebookresearch/fairseq/blob/main/fairseq/optim/lr_scheduler/inverse_square_root_schedule.py
    lr_step = (lr - warmup_init_lr) / warmup_updates; decay_factor = lr * warmup_updates**0.5;
    num_updates < warmup_updates: warmup_init_lr + num_updates * lr_step
    else: decay_factor * num_updates**-0.5.
    fairseq's trainer calls step_update(0) before the first update and step_update(k) after the
    k-th, so the rate used by update number k (counted from 0) is step_update(k)."""
    lr_step = (lr - warmup_init_lr) / warmup_updates
    decay_factor = lr * warmup_updates ** 0.5

    def f(num_updates):
        if num_updates < warmup_updates:
            return warmup_init_lr + num_updates * lr_step
        return decay_factor * num_updates ** -0.5
    return f


def lecture_inverse_time(alpha0, decay_rate):
    """docs/learning-rate-decay.md: alpha = alpha0 / (1 + decay_rate * epoch_num), epochs from 1."""
    return lambda epoch_num: alpha0 / (1 + decay_rate * epoch_num)


def lecture_exponential(alpha0, base):
    """docs/learning-rate-decay.md: alpha = base^epoch_num * alpha0, epochs from 1."""
    return lambda epoch_num: base ** epoch_num * alpha0


def lecture_inverse_sqrt(alpha0, k):
    """docs/learning-rate-decay.md: alpha = k / sqrt(epoch_num) * alpha0 (or t = mini-batch
    number), counted from 1."""
    return lambda t: k / math.sqrt(t) * alpha0


# --------------------------------------------------------------------------------------------
# References: Optax (float64 re-implementation)
# https://github.com/google-deepmind/optax/blob/main/optax/schedules/_schedule.py
# https://github.com/google-deepmind/optax/blob/main/optax/schedules/_join.py
# Optax schedules take the update count, 0 on the first update: count == DL4J counter.
# --------------------------------------------------------------------------------------------

def optax_constant(value):
    """optax.constant_schedule: lambda count: value."""
    return lambda count: value


def optax_polynomial(init_value, end_value, power, transition_steps, transition_begin=0):
    """optax.polynomial_schedule: count = clip(count - begin, 0, steps); frac = 1 - count / steps;
    (init - end) * frac**power + end."""
    def f(count):
        c = min(max(count - transition_begin, 0), transition_steps)
        frac = 1 - c / transition_steps
        return (init_value - end_value) * frac ** power + end_value
    return f


def optax_linear(init_value, end_value, transition_steps, transition_begin=0):
    """optax.linear_schedule = polynomial_schedule(power=1)."""
    return optax_polynomial(init_value, end_value, 1, transition_steps, transition_begin)


def optax_piecewise_constant(init_value, boundaries_and_scales):
    """optax.piecewise_constant_schedule: for (threshold, scale) sorted:
    indicator = max(0, sign(threshold - count)); v = v * indicator + (1 - indicator) * scale * v.
    I.e. scale applies once count >= threshold."""
    def f(count):
        v = init_value
        for threshold, scale in sorted(boundaries_and_scales.items()):
            d = threshold - count
            indicator = max(0.0, float((d > 0) - (d < 0)))
            v = v * indicator + (1 - indicator) * scale * v
        return v
    return f


def optax_piecewise_values(init_value, boundaries_and_scales):
    """The constant values optax.piecewise_constant_schedule takes on each interval."""
    f = optax_piecewise_constant(init_value, boundaries_and_scales)
    bs = sorted(boundaries_and_scales)
    return [f(0)] + [f(b) for b in bs], bs


def optax_exponential_decay(init_value, transition_steps, decay_rate, transition_begin=0,
                            staircase=False, end_value=None):
    """optax.exponential_decay: p = (count - begin) / steps (floored if staircase);
    where(count - begin <= 0, init, init * rate**p); then clipped by end_value
    (max when rate < 1, min otherwise)."""
    def f(count):
        dc = count - transition_begin
        p = dc / transition_steps
        if staircase:
            p = math.floor(p)
        v = init_value if dc <= 0 else init_value * decay_rate ** p
        if end_value is not None:
            v = max(v, end_value) if decay_rate < 1.0 else min(v, end_value)
        return v
    return f


def optax_cosine_decay(init_value, decay_steps, alpha=0.0, exponent=1.0):
    """optax.cosine_decay_schedule: count = min(count, decay_steps);
    c = 0.5 * (1 + cos(pi * count / decay_steps)); init * ((1 - alpha) * c**exponent + alpha)."""
    def f(count):
        c = min(float(count), float(decay_steps))
        cosine_decay = 0.5 * (1 + math.cos(math.pi * c / decay_steps))
        return init_value * ((1 - alpha) * cosine_decay ** exponent + alpha)
    return f


def optax_join(schedules, boundaries):
    """optax.join_schedules: output = schedules[0](step); for each boundary b and next schedule s:
    output = where(step < b, output, s(step - b))."""
    def f(step):
        out = schedules[0](step)
        for b, s in zip(boundaries, schedules[1:]):
            out = out if step < b else s(step - b)
        return out
    return f


def optax_warmup_cosine_decay(init_value, peak_value, warmup_steps, decay_steps, end_value=0.0, exponent=1.0):
    """optax.warmup_cosine_decay_schedule: alpha = end / peak (0 if peak == 0);
    join([linear(init -> peak, warmup_steps), cosine_decay(peak, decay_steps - warmup_steps, alpha)],
    [warmup_steps]).  decay_steps is the total length, warm-up included."""
    alpha = 0.0 if peak_value == 0.0 else end_value / peak_value
    return optax_join([optax_linear(init_value, peak_value, warmup_steps),
                       optax_cosine_decay(peak_value, decay_steps - warmup_steps, alpha, exponent)],
                      [warmup_steps])


def optax_warmup_exponential_decay(init_value, peak_value, warmup_steps, transition_steps, decay_rate,
                                   transition_begin=0, staircase=False, end_value=None):
    """optax.warmup_exponential_decay_schedule:
    join([linear(init -> peak, warmup_steps), exponential_decay(peak, ...)], [warmup_steps])."""
    return optax_join([optax_linear(init_value, peak_value, warmup_steps),
                       optax_exponential_decay(peak_value, transition_steps, decay_rate, transition_begin,
                                               staircase, end_value)],
                      [warmup_steps])


def optax_warmup_constant(init_value, peak_value, warmup_steps):
    """optax.warmup_constant_schedule = linear_schedule(init -> peak, warmup_steps)."""
    return optax_linear(init_value, peak_value, warmup_steps)


# --------------------------------------------------------------------------------------------
# References: Hugging Face transformers closed forms, run through torch.optim.lr_scheduler.LambdaLR
# https://github.com/huggingface/transformers/blob/main/src/transformers/optimization.py
# --------------------------------------------------------------------------------------------

def hf_wsd_lambda(num_warmup_steps, num_stable_steps, num_decay_steps, warmup_type="linear",
                  decay_type="cosine", min_lr_ratio=0.0, num_cycles=0.5):
    """transformers.optimization._get_wsd_scheduler_lambda (get_wsd_schedule, lr_scheduler_type
    "warmup_stable_decay"): the factor of the optimizer's lr at current_step."""
    def f(current_step):
        if current_step < num_warmup_steps:
            progress = float(current_step) / float(max(1, num_warmup_steps))
            if warmup_type == "linear":
                factor = progress
            elif warmup_type == "cosine":
                factor = 0.5 * (1.0 - math.cos(math.pi * progress))
            else:
                factor = 1.0 - math.sqrt(1.0 - progress)
            factor = factor * (1.0 - min_lr_ratio) + min_lr_ratio
            return max(0.0, factor)
        if current_step < num_warmup_steps + num_stable_steps:
            return 1.0
        if current_step < num_warmup_steps + num_stable_steps + num_decay_steps:
            progress = float(current_step - num_warmup_steps - num_stable_steps) / float(max(1, num_decay_steps))
            if decay_type == "linear":
                factor = 1.0 - progress
            elif decay_type == "cosine":
                factor = 0.5 * (1.0 + math.cos(math.pi * float(num_cycles) * 2.0 * progress))
            else:
                factor = 1.0 - math.sqrt(progress)
            factor = factor * (1.0 - min_lr_ratio) + min_lr_ratio
            return max(0.0, factor)
        return min_lr_ratio
    return f


# --------------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------------

CASES = []  # (schedule name, source, spec, [(n, expected)])


def add(source, spec, ns, values):
    ns = list(ns)
    values = [float(v) for v in values]
    assert len(ns) == len(values), (source, len(ns), len(values))
    CASES.append((spec.name, source, spec, list(zip(ns, values))))


def add_fn(source, spec, ns, fn):
    ns = list(ns)
    add(source, spec, ns, [fn(n) for n in ns])


def add_torch(source, spec, base_lr, make, ns, skip=0):
    """ns must be range(0, N): torch value k (after `skip` steps) goes to n = k."""
    ns = list(ns)
    assert ns == list(range(len(ns)))
    add(source, spec, ns, torch_lrs(base_lr, make, len(ns), skip))


def build():
    R = range
    it, ep = "iteration", "epoch"

    # 0. constant ---------------------------------------------------------------------------------
    add_torch("torch.LambdaLR(lr=0.05,lr_lambda=1)", S("constant", lr=0.05), 0.05,
              lambda opt: torch.optim.lr_scheduler.LambdaLR(opt, lambda epoch: 1.0), R(0, 12))
    add_fn("optax.constant_schedule(0.003)", S("constant", lr=0.003), R(0, 1001, 100), optax_constant(0.003))

    # 1. inverse-time ---------------------------------------------------------------------------
    add_fn("lecture(alpha0=0.2,decay_rate=1,epoch_num=n+1)",
           S("inverse-time", lr=0.2, decay=1.0, unit=ep, first=1), R(0, 20),
           lambda n: lecture_inverse_time(0.2, 1.0)(n + 1))
    add_fn("lecture(alpha0=0.5,decay_rate=0.25,epoch_num=n+1)",
           S("inverse-time", lr=0.5, decay=0.25, unit=ep, first=1), R(0, 20),
           lambda n: lecture_inverse_time(0.5, 0.25)(n + 1))
    add_fn("keras.InverseTimeDecay(0.1,decay_steps=1,decay_rate=0.5)",
           S("inverse-time", lr=0.1, decay=0.5, unit=it), R(0, 31),
           keras_inverse_time(0.1, 1, 0.5))
    add_fn("keras.InverseTimeDecay(0.1,decay_steps=5,decay_rate=1,staircase)",
           S("inverse-time", lr=0.1, decay=1.0, unit=it, period=5, staircase=True), R(0, 41),
           keras_inverse_time(0.1, 5, 1.0, True))
    add_fn("keras.InverseTimeDecay(0.01,decay_steps=100,decay_rate=1)",
           S("inverse-time", lr=0.01, decay=1.0, unit=it, period=100), R(0, 1001, 25),
           keras_inverse_time(0.01, 100, 1.0))
    add_fn("keras.InverseTimeDecay(0.05,decay_steps=3,decay_rate=2,staircase;step=n+2)",
           S("inverse-time", lr=0.05, decay=2.0, unit=ep, period=3, staircase=True, first=2), R(0, 31),
           lambda n: keras_inverse_time(0.05, 3, 2.0, True)(n + 2))
    add_fn("keras.InverseTimeDecay(0.3,decay_steps=7,decay_rate=0.1;step=n+5)",
           S("inverse-time", lr=0.3, decay=0.1, unit=it, period=7, first=5), R(0, 101, 4),
           lambda n: keras_inverse_time(0.3, 7, 0.1)(n + 5))

    # 2. exponential ----------------------------------------------------------------------------
    add_fn("keras.ExponentialDecay(0.1,decay_steps=10,decay_rate=0.96)",
           S("exponential", lr=0.1, rate=0.96, unit=it, period=10), R(0, 201, 8),
           keras_exponential(0.1, 10, 0.96))
    add_fn("keras.ExponentialDecay(1.0,decay_steps=4,decay_rate=0.5,staircase)",
           S("exponential", lr=1.0, rate=0.5, unit=it, period=4, staircase=True), R(0, 41),
           keras_exponential(1.0, 4, 0.5, True))
    add_fn("keras.ExponentialDecay(0.1,decay_steps=2,decay_rate=0.5,staircase;step=n+3)",
           S("exponential", lr=0.1, rate=0.5, unit=ep, period=2, staircase=True, first=3), R(0, 25),
           lambda n: keras_exponential(0.1, 2, 0.5, True)(n + 3))
    add_torch("torch.ExponentialLR(lr=0.2,gamma=0.95)",
              S("exponential", lr=0.2, rate=0.95, unit=ep), 0.2,
              lambda o: tls.ExponentialLR(o, gamma=0.95), R(0, 41))
    add_torch("torch.ExponentialLR(lr=0.05,gamma=0.9)",
              S("exponential", lr=0.05, rate=0.9, unit=it), 0.05,
              lambda o: tls.ExponentialLR(o, gamma=0.9), R(0, 51))
    add_fn("lecture(alpha0=0.2,0.95^epoch_num,epoch_num=n+1)",
           S("exponential", lr=0.2, rate=0.95, unit=ep, first=1), R(0, 25),
           lambda n: lecture_exponential(0.2, 0.95)(n + 1))
    add_fn("optax.exponential_decay(0.1,transition_steps=2,decay_rate=0.8,end_value=0.01)",
           S("exponential", lr=0.1, rate=0.8, unit=it, period=2, min=0.01), R(0, 41),
           optax_exponential_decay(0.1, 2, 0.8, end_value=0.01))
    add_fn("optax.exponential_decay(0.3,transition_steps=3,decay_rate=0.5,staircase,end_value=0.02)",
           S("exponential", lr=0.3, rate=0.5, unit=ep, period=3, staircase=True, min=0.02), R(0, 31),
           optax_exponential_decay(0.3, 3, 0.5, staircase=True, end_value=0.02))

    # 3. inverse-sqrt ---------------------------------------------------------------------------
    # fairseq num_updates == tau == n + first (period=1, k=1); first=0 is fairseq's own timing.
    add_fn("fairseq.inverse_sqrt(lr=5e-4,warmup_updates=8,warmup_init_lr=0;num_updates=n)",
           S("inverse-sqrt", lr=5e-4, unit=it, first=0, warmup=8), R(0, 61),
           fairseq_inverse_sqrt(5e-4, 8))
    ns = [0, 1, 2, 10, 100, 500, 1000, 2000, 3000, 3998, 3999, 4000, 4001, 4002, 4500, 5000, 6000,
          8000, 10000, 16000, 20000, 40000, 64000, 100000, 250000, 1000000, 10000000, 2147483647]
    add_fn("fairseq.inverse_sqrt(lr=7e-4,warmup_updates=4000,warmup_init_lr=0;num_updates=n)",
           S("inverse-sqrt", lr=7e-4, unit=it, first=0, warmup=4000), ns,
           fairseq_inverse_sqrt(7e-4, 4000))
    add_fn("fairseq.inverse_sqrt(lr=0.001,warmup_updates=10,warmup_init_lr=0;num_updates=n+1)",
           S("inverse-sqrt", lr=0.001, unit=it, first=1, warmup=10), R(0, 41),
           lambda n: fairseq_inverse_sqrt(0.001, 10)(n + 1))
    add_fn("fairseq.inverse_sqrt(lr=2*0.05,warmup_updates=5,warmup_init_lr=0;num_updates=n)",
           S("inverse-sqrt", lr=0.05, k=2.0, unit=ep, first=0, warmup=5), R(0, 31),
           fairseq_inverse_sqrt(2.0 * 0.05, 5))
    add_fn("lecture(alpha0=0.2,k=1,k/sqrt(epoch_num)*alpha0,epoch_num=n+1)",
           S("inverse-sqrt", lr=0.2, k=1.0, unit=ep), R(0, 31),
           lambda n: lecture_inverse_sqrt(0.2, 1.0)(n + 1))
    add_fn("lecture(alpha0=0.1,k=0.5,k/sqrt(t)*alpha0,t=n+1)",
           S("inverse-sqrt", lr=0.1, k=0.5, unit=it), list(R(0, 30)) + [99, 399, 9999, 999999, 2147483646],
           lambda n: lecture_inverse_sqrt(0.1, 0.5)(n + 1))

    # 4. step -----------------------------------------------------------------------------------
    add_torch("torch.StepLR(lr=0.1,step_size=3,gamma=0.5)",
              S("step", lr=0.1, factor=0.5, every=3, unit=it), 0.1,
              lambda o: tls.StepLR(o, step_size=3, gamma=0.5), R(0, 31))
    add_torch("torch.StepLR(lr=0.05,step_size=10,gamma=0.1)",
              S("step", lr=0.05, factor=0.1, every=10, unit=ep), 0.05,
              lambda o: tls.StepLR(o, step_size=10, gamma=0.1), R(0, 46))
    add_torch("torch.StepLR(lr=0.2,step_size=4,gamma=0.5;torch_epoch=n+2)",
              S("step", lr=0.2, factor=0.5, every=4, unit=ep, first=2), 0.2,
              lambda o: tls.StepLR(o, step_size=4, gamma=0.5), R(0, 31), skip=2)
    add_torch("torch.StepLR(lr=1.0,step_size=1,gamma=0.7)",
              S("step", lr=1.0, factor=0.7, every=1, unit=it), 1.0,
              lambda o: tls.StepLR(o, step_size=1, gamma=0.7), R(0, 21))

    # 5. multistep ------------------------------------------------------------------------------
    add_torch("torch.MultiStepLR(lr=0.1,milestones=[5,12,20],gamma=0.1)",
              S("multistep", lr=0.1, factor=0.1, at=[5, 12, 20], unit=it), 0.1,
              lambda o: tls.MultiStepLR(o, milestones=[5, 12, 20], gamma=0.1), R(0, 31))
    add_torch("torch.MultiStepLR(lr=0.4,milestones=[2,3,10],gamma=0.5)",
              S("multistep", lr=0.4, factor=0.5, at=[2, 3, 10], unit=ep), 0.4,
              lambda o: tls.MultiStepLR(o, milestones=[2, 3, 10], gamma=0.5), R(0, 16))
    add_torch("torch.MultiStepLR(lr=0.05,milestones=[1],gamma=0.2)",
              S("multistep", lr=0.05, factor=0.2, at=[1], unit=it), 0.05,
              lambda o: tls.MultiStepLR(o, milestones=[1], gamma=0.2), R(0, 6))

    # 6. piecewise ------------------------------------------------------------------------------
    vals, bs = optax_piecewise_values(0.1, {5: 0.5, 10: 0.2, 20: 0.1})
    add_fn("optax.piecewise_constant_schedule(0.1,{5:0.5,10:0.2,20:0.1})",
           S("piecewise", values=vals, at=bs, unit=it), R(0, 31),
           optax_piecewise_constant(0.1, {5: 0.5, 10: 0.2, 20: 0.1}))
    vals, bs = optax_piecewise_values(1.0, {1: 0.5, 2: 0.5, 8: 0.1})
    add_fn("optax.piecewise_constant_schedule(1.0,{1:0.5,2:0.5,8:0.1})",
           S("piecewise", values=vals, at=bs, unit=ep), R(0, 12),
           optax_piecewise_constant(1.0, {1: 0.5, 2: 0.5, 8: 0.1}))
    # Keras switches *after* a boundary (step <= b keeps the old value); ours switches *at* it.
    # Integer counters: ours(at=b) == Keras(boundaries=b-1) at the same step.
    add_fn("keras.PiecewiseConstantDecay(boundaries=[2,6]=at-1,values=[0.3,0.2,0.1])",
           S("piecewise", values=[0.3, 0.2, 0.1], at=[3, 7], unit=it), R(0, 13),
           keras_piecewise([2, 6], [0.3, 0.2, 0.1]))
    add_fn("keras.PiecewiseConstantDecay(boundaries=[9,19,29]=at-1,values=[0.01,0.02,0.005,0.001])",
           S("piecewise", values=[0.01, 0.02, 0.005, 0.001], at=[10, 20, 30], unit=ep), R(0, 36),
           keras_piecewise([9, 19, 29], [0.01, 0.02, 0.005, 0.001]))

    # 7. polynomial -----------------------------------------------------------------------------
    add_torch("torch.PolynomialLR(lr=0.001,total_iters=10,power=1)",
              S("polynomial", lr=0.001, end=0.0, steps=10, power=1.0, unit=it), 0.001,
              lambda o: tls.PolynomialLR(o, total_iters=10, power=1.0), R(0, 21))
    add_torch("torch.PolynomialLR(lr=0.1,total_iters=8,power=2)",
              S("polynomial", lr=0.1, end=0.0, steps=8, power=2.0, unit=ep), 0.1,
              lambda o: tls.PolynomialLR(o, total_iters=8, power=2.0), R(0, 16))
    add_torch("torch.PolynomialLR(lr=0.3,total_iters=12,power=0.5)",
              S("polynomial", lr=0.3, end=0.0, steps=12, power=0.5, unit=it), 0.3,
              lambda o: tls.PolynomialLR(o, total_iters=12, power=0.5), R(0, 16))
    add_fn("keras.PolynomialDecay(0.1,decay_steps=10,end_learning_rate=0.01,power=0.5)",
           S("polynomial", lr=0.1, end=0.01, steps=10, power=0.5, unit=it), R(0, 21),
           keras_polynomial(0.1, 10, 0.01, 0.5))
    add_fn("keras.PolynomialDecay(0.1,decay_steps=5,end_learning_rate=0.001,power=1,cycle)",
           S("polynomial", lr=0.1, end=0.001, steps=5, power=1.0, cycle=True, unit=it), R(0, 31),
           keras_polynomial(0.1, 5, 0.001, 1.0, True))
    add_fn("keras.PolynomialDecay(1.0,decay_steps=4,end_learning_rate=0.1,power=2,cycle)",
           S("polynomial", lr=1.0, end=0.1, steps=4, power=2.0, cycle=True, unit=ep), R(0, 26),
           keras_polynomial(1.0, 4, 0.1, 2.0, True))

    # 8. cosine ---------------------------------------------------------------------------------
    # torch.CosineAnnealingLR is only used up to T_max: stepped past it, it rises again (period
    # 2*T_max), whereas ours holds `min`; Keras CosineDecay covers the region past `steps`.
    add_torch("torch.CosineAnnealingLR(lr=0.1,T_max=10,eta_min=0)",
              S("cosine", lr=0.1, steps=10, min=0.0, unit=it), 0.1,
              lambda o: tls.CosineAnnealingLR(o, T_max=10, eta_min=0.0), R(0, 11))
    add_torch("torch.CosineAnnealingLR(lr=0.05,T_max=25,eta_min=0.001)",
              S("cosine", lr=0.05, steps=25, min=0.001, unit=ep), 0.05,
              lambda o: tls.CosineAnnealingLR(o, T_max=25, eta_min=0.001), R(0, 26))
    add_torch("torch.CosineAnnealingLR(lr=1.0,T_max=40,eta_min=0.01)",
              S("cosine", lr=1.0, steps=40, min=0.01, unit=it), 1.0,
              lambda o: tls.CosineAnnealingLR(o, T_max=40, eta_min=0.01), R(0, 41))
    add_fn("keras.CosineDecay(0.5,decay_steps=20,alpha=0.25)",
           S("cosine", lr=0.5, steps=20, min=0.5 * 0.25, unit=it), R(0, 31),
           keras_cosine(0.5, 20, 0.25))
    add_fn("keras.CosineDecay(1.0,decay_steps=7,alpha=0)",
           S("cosine", lr=1.0, steps=7, min=0.0, unit=ep), R(0, 13),
           keras_cosine(1.0, 7, 0.0))
    add_fn("keras.CosineDecay(0.1,decay_steps=1000,alpha=0.1)",
           S("cosine", lr=0.1, steps=1000, min=0.1 * 0.1, unit=it),
           list(R(0, 1001, 50)) + [999, 1001, 5000, 2147483647],
           keras_cosine(0.1, 1000, 0.1))

    # 9. cosine-restarts ------------------------------------------------------------------------
    add_torch("torch.CosineAnnealingWarmRestarts(lr=0.1,T_0=5,T_mult=1,eta_min=0)",
              S("cosine-restarts", lr=0.1, period=5, mult=1.0, decay=1.0, min=0.0, unit=it), 0.1,
              lambda o: tls.CosineAnnealingWarmRestarts(o, T_0=5, T_mult=1, eta_min=0.0), R(0, 26))
    add_torch("torch.CosineAnnealingWarmRestarts(lr=0.05,T_0=3,T_mult=2,eta_min=0.001)",
              S("cosine-restarts", lr=0.05, period=3, mult=2.0, decay=1.0, min=0.001, unit=it), 0.05,
              lambda o: tls.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2, eta_min=0.001), R(0, 47))
    add_torch("torch.CosineAnnealingWarmRestarts(lr=1.0,T_0=2,T_mult=3,eta_min=0.1)",
              S("cosine-restarts", lr=1.0, period=2, mult=3.0, decay=1.0, min=0.1, unit=ep), 1.0,
              lambda o: tls.CosineAnnealingWarmRestarts(o, T_0=2, T_mult=3, eta_min=0.1), R(0, 28))
    add_fn("keras.CosineDecayRestarts(0.1,first_decay_steps=4,t_mul=1,m_mul=0.5,alpha=0)",
           S("cosine-restarts", lr=0.1, period=4, mult=1.0, decay=0.5, min=0.0, unit=it), R(0, 21),
           keras_cosine_restarts(0.1, 4, 1.0, 0.5, 0.0))
    add_fn("keras.CosineDecayRestarts(0.2,first_decay_steps=3,t_mul=2,m_mul=0.8,alpha=0)",
           S("cosine-restarts", lr=0.2, period=3, mult=2.0, decay=0.8, min=0.0, unit=it), R(0, 47),
           keras_cosine_restarts(0.2, 3, 2.0, 0.8, 0.0))
    add_fn("keras.CosineDecayRestarts(1.0,first_decay_steps=2,t_mul=3,m_mul=0.5,alpha=0)",
           S("cosine-restarts", lr=1.0, period=2, mult=3.0, decay=0.5, min=0.0, unit=ep), R(0, 28),
           keras_cosine_restarts(1.0, 2, 3.0, 0.5, 0.0))
    # Non-integer t_mul (PyTorch only accepts integer T_mult): cycle lengths 4, 6, 9, 13.5, 20.25,
    # cycles start at 0, 4, 10, 19, 32.5, 52.75 (a restart between two integer counters).
    add_fn("keras.CosineDecayRestarts(0.1,first_decay_steps=4,t_mul=1.5,m_mul=0.9,alpha=0)",
           S("cosine-restarts", lr=0.1, period=4, mult=1.5, decay=0.9, min=0.0, unit=it), R(0, 56),
           keras_cosine_restarts(0.1, 4, 1.5, 0.9, 0.0))
    # alpha > 0 only with m_mul = 1: Keras' floor alpha*lr is not scaled by m_mul**i while its
    # amplitude is, so with m_mul != 1 its peaks are lr*((1-alpha)*m_mul**i + alpha), not lr*decay**i.
    add_fn("keras.CosineDecayRestarts(0.5,first_decay_steps=5,t_mul=2,m_mul=1,alpha=0.2)",
           S("cosine-restarts", lr=0.5, period=5, mult=2.0, decay=1.0, min=0.5 * 0.2, unit=it), R(0, 36),
           keras_cosine_restarts(0.5, 5, 2.0, 1.0, 0.2))

    # 10. linear --------------------------------------------------------------------------------
    add_torch("torch.LinearLR(lr=0.1,start_factor=0.25,end_factor=1,total_iters=8)",
              S("linear", **{"from": 0.1 * 0.25, "to": 0.1 * 1.0, "steps": 8, "unit": it}), 0.1,
              lambda o: tls.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=8), R(0, 16))
    add_torch("torch.LinearLR(lr=0.5,start_factor=1,end_factor=0.1,total_iters=10)",
              S("linear", **{"from": 0.5 * 1.0, "to": 0.5 * 0.1, "steps": 10, "unit": ep}), 0.5,
              lambda o: tls.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=10), R(0, 21))
    add_torch("torch.LinearLR(lr=0.3,start_factor=1/3,end_factor=1,total_iters=5)",
              S("linear", **{"from": 0.3 * (1.0 / 3), "to": 0.3 * 1.0, "steps": 5, "unit": it}), 0.3,
              lambda o: tls.LinearLR(o, start_factor=1.0 / 3, end_factor=1.0, total_iters=5), R(0, 11))
    add_torch("torch.LinearLR(lr=0.02,start_factor=0.5,end_factor=0,total_iters=20)",
              S("linear", **{"from": 0.02 * 0.5, "to": 0.02 * 0.0, "steps": 20, "unit": it}), 0.02,
              lambda o: tls.LinearLR(o, start_factor=0.5, end_factor=0.0, total_iters=20), R(0, 26))

    # 11. cyclic --------------------------------------------------------------------------------
    def cyc(base, mx, half, mode, gamma=1.0):
        return lambda o: tls.CyclicLR(o, base_lr=base, max_lr=mx, step_size_up=half, step_size_down=half,
                                      mode=mode, gamma=gamma, cycle_momentum=False)
    add_torch("torch.CyclicLR(0.001,0.006,step_size_up=down=4,triangular)",
              S("cyclic", min=0.001, max=0.006, half=4, mode="triangular", gamma=1.0, unit=it), 0.001,
              cyc(0.001, 0.006, 4, "triangular"), R(0, 41))
    add_torch("torch.CyclicLR(0.01,0.1,step_size_up=down=5,triangular2)",
              S("cyclic", min=0.01, max=0.1, half=5, mode="triangular2", gamma=1.0, unit=it), 0.01,
              cyc(0.01, 0.1, 5, "triangular2"), R(0, 61))
    add_torch("torch.CyclicLR(0.001,0.01,step_size_up=down=3,exp_range,gamma=0.99)",
              S("cyclic", min=0.001, max=0.01, half=3, mode="exp-range", gamma=0.99, unit=it), 0.001,
              cyc(0.001, 0.01, 3, "exp_range", 0.99), R(0, 49))
    add_torch("torch.CyclicLR(0.1,1.0,step_size_up=down=2,triangular)",
              S("cyclic", min=0.1, max=1.0, half=2, mode="triangular", gamma=1.0, unit=ep), 0.1,
              cyc(0.1, 1.0, 2, "triangular"), R(0, 21))
    add_torch("torch.CyclicLR(0.0,0.5,step_size_up=down=7,exp_range,gamma=0.95)",
              S("cyclic", min=0.0, max=0.5, half=7, mode="exp-range", gamma=0.95, unit=ep), 0.0,
              cyc(0.0, 0.5, 7, "exp_range", 0.95), R(0, 43))

    # 12. one-cycle (n = 0 .. total-1; PyTorch raises past total) --------------------------------
    def oc(mx, total, pct=0.3, div=25.0, fdiv=1e4, anneal="cos", three=False):
        return lambda o: tls.OneCycleLR(o, max_lr=mx, total_steps=total, pct_start=pct, anneal_strategy=anneal,
                                        cycle_momentum=False, div_factor=div, final_div_factor=fdiv,
                                        three_phase=three)
    for (mx, total, pct, div, fdiv, anneal, three, unit) in [
            (0.1, 20, 0.3, 25.0, 1e4, "cos", False, it),
            (0.01, 37, 0.25, 10.0, 100.0, "linear", False, it),
            (1.0, 30, 0.3, 25.0, 1e4, "cos", True, it),
            (0.5, 50, 0.2, 20.0, 1000.0, "linear", True, it),
            (0.05, 10, 0.3, 25.0, 1e4, "cos", False, ep),
            (0.2, 45, 0.4, 4.0, 50.0, "cos", True, ep)]:
        add_torch("torch.OneCycleLR(max_lr=%r,total_steps=%d,pct_start=%r,div_factor=%r,final_div_factor=%r,"
                  "anneal_strategy=%s,three_phase=%s,cycle_momentum=False)"
                  % (mx, total, pct, div, fdiv, anneal, three),
                  S("one-cycle", max=mx, total=total, pct=pct, div=div, final_div=fdiv, anneal=anneal,
                    three_phase=three, unit=unit), mx,
                  oc(mx, total, pct, div, fdiv, anneal, three), R(0, total))

    # 12b. wsd (Hugging Face get_wsd_schedule, stepped by torch's LambdaLR) ----------------------
    # HF warms up from min_lr_ratio*lr, so min = lr*min_lr_ratio; decay_type "1-sqrt" = one-minus-sqrt.
    for lr, w, st, c, shape, ratio, unit, ns in [
            (0.1, 2, 3, 4, "linear", 0.1, it, 12),       # the Javadoc example
            (0.05, 3, 4, 6, "cosine", 0.0, ep, 16),
            (0.2, 0, 2, 5, "1-sqrt", 0.01, it, 10),
            (1e-3, 10, 20, 30, "1-sqrt", 0.1, it, 70),
            (0.3, 5, 0, 8, "cosine", 0.2, it, 16)]:
        ours = {"1-sqrt": "one-minus-sqrt"}.get(shape, shape)
        add_torch("hf.get_wsd_schedule(lr=%r,num_warmup_steps=%d,num_stable_steps=%d,num_decay_steps=%d,"
                  "decay_type=%s,min_lr_ratio=%r)" % (lr, w, st, c, shape, ratio),
                  S("wsd", lr=lr, cooldown=c, warmup=w, stable=st, shape=ours, min=lr * ratio, unit=unit), lr,
                  lambda o, a=(w, st, c, shape, ratio): tls.LambdaLR(
                      o, hf_wsd_lambda(a[0], a[1], a[2], decay_type=a[3], min_lr_ratio=a[4])), R(0, ns))

    # 13. warmup --------------------------------------------------------------------------------
    # optax decay_steps is the total length incl. warm-up -> cosine steps = decay_steps - warmup.
    add_fn("optax.warmup_cosine_decay_schedule(init=0,peak=0.1,warmup_steps=5,decay_steps=25,end=0.001)",
           S("warmup", steps=5, start=0.0, then=S("cosine", lr=0.1, steps=25 - 5, min=0.001), unit=it),
           R(0, 36), optax_warmup_cosine_decay(0.0, 0.1, 5, 25, 0.001))
    add_fn("optax.warmup_cosine_decay_schedule(init=1e-4,peak=1.0,warmup_steps=10,decay_steps=50,end=0)",
           S("warmup", steps=10, start=1e-4, then=S("cosine", lr=1.0, steps=50 - 10, min=0.0), unit=it),
           R(0, 61), optax_warmup_cosine_decay(1e-4, 1.0, 10, 50, 0.0))
    add_fn("optax.warmup_cosine_decay_schedule(init=0.01,peak=0.2,warmup_steps=3,decay_steps=13,end=0.02)",
           S("warmup", steps=3, start=0.01, then=S("cosine", lr=0.2, steps=13 - 3, min=0.02), unit=ep),
           R(0, 18), optax_warmup_cosine_decay(0.01, 0.2, 3, 13, 0.02))
    add_fn("optax.warmup_exponential_decay_schedule(init=0,peak=0.1,warmup_steps=4,transition_steps=3,"
           "decay_rate=0.5,staircase)",
           S("warmup", steps=4, start=0.0,
             then=S("exponential", lr=0.1, rate=0.5, period=3, staircase=True), unit=it),
           R(0, 26), optax_warmup_exponential_decay(0.0, 0.1, 4, 3, 0.5, staircase=True))
    add_fn("optax.warmup_constant_schedule(init=0,peak=0.1,warmup_steps=3)",
           S("warmup", steps=3, start=0.0, then=S("constant", lr=0.1), unit=ep),
           R(0, 9), optax_warmup_constant(0.0, 0.1, 3))
    # torch.SequentialLR(LinearLR warm-up, ExponentialLR): n < W: base*(s + (1-s)*n/W);
    # n >= W: base*gamma^(n-W) (torch 1.13 restarts the 2nd scheduler with step(0) at the
    # milestone).  Kept only because the cross-check below confirms it equals our warmup.
    base, sf, w, g = 0.2, 0.1, 5, 0.9

    def seq_lr(o):
        return tls.SequentialLR(o, schedulers=[tls.LinearLR(o, start_factor=sf, end_factor=1.0, total_iters=w),
                                               tls.ExponentialLR(o, gamma=g)], milestones=[w])
    add_torch("torch.SequentialLR([LinearLR(lr=0.2,start_factor=0.1,total_iters=5),ExponentialLR(0.9)],"
              "milestones=[5])",
              S("warmup", steps=w, start=base * sf, then=S("exponential", lr=base, rate=g), unit=it),
              base, seq_lr, R(0, 26))

    # 14. sequence (optax.join_schedules) -------------------------------------------------------
    add_fn("optax.join_schedules([constant(0.1),cosine_decay(0.1,10)],[5])",
           S("sequence", S("constant", lr=0.1), S("cosine", lr=0.1, steps=10, min=0.0), at=[5], unit=it),
           R(0, 21), optax_join([optax_constant(0.1), optax_cosine_decay(0.1, 10)], [5]))
    add_fn("optax.join_schedules([linear(0->0.1,4),constant(0.1),exponential_decay(0.1,3,0.5,staircase)],[4,10])",
           S("sequence", S("linear", **{"from": 0.0, "to": 0.1, "steps": 4}), S("constant", lr=0.1),
             S("step", lr=0.1, factor=0.5, every=3), at=[4, 10], unit=it),
           R(0, 31), optax_join([optax_linear(0.0, 0.1, 4), optax_constant(0.1),
                                 optax_exponential_decay(0.1, 3, 0.5, staircase=True)], [4, 10]))
    add_fn("optax.join_schedules([warmup_cosine_decay(0,0.2,3,9,0.02),exponential_decay(0.02,1,0.9)],[9])",
           S("sequence", S("warmup", steps=3, start=0.0, then=S("cosine", lr=0.2, steps=9 - 3, min=0.02)),
             S("exponential", lr=0.02, rate=0.9), at=[9], unit=it),
           R(0, 26), optax_join([optax_warmup_cosine_decay(0.0, 0.2, 3, 9, 0.02),
                                 optax_exponential_decay(0.02, 1, 0.9)], [9]))
    add_fn("optax.join_schedules([constant(0.1),polynomial(0.1->0,power=2,5),constant(0.001)],[3,8])",
           S("sequence", S("constant", lr=0.1), S("polynomial", lr=0.1, end=0.0, steps=5, power=2.0),
             S("constant", lr=0.001), at=[3, 8], unit=ep),
           R(0, 13), optax_join([optax_constant(0.1), optax_polynomial(0.1, 0.0, 2.0, 5),
                                 optax_constant(0.001)], [3, 8]))
    add_fn("optax.join_schedules([linear(0.01->0.1,2),join([cosine_decay(0.1,4),constant(0.05)],[6]),"
           "constant(0.001)],[2,12])",
           S("sequence", S("linear", **{"from": 0.01, "to": 0.1, "steps": 2}),
             S("sequence", S("cosine", lr=0.1, steps=4, min=0.0), S("constant", lr=0.05), at=[6]),
             S("constant", lr=0.001), at=[2, 12], unit=it),
           R(0, 16), optax_join([optax_linear(0.01, 0.1, 2),
                                 optax_join([optax_cosine_decay(0.1, 4), optax_constant(0.05)], [6]),
                                 optax_constant(0.001)], [2, 12]))

    # 15. scaled --------------------------------------------------------------------------------
    add(
        "0.5*torch.OneCycleLR(max_lr=0.1,total_steps=20,defaults,cycle_momentum=False)",
        S("scaled", factor=0.5, of=S("one-cycle", max=0.1, total=20, unit=it)), R(0, 20),
        [0.5 * v for v in torch_lrs(0.1, oc(0.1, 20), 20)])
    add(
        "2.0*torch.CosineAnnealingWarmRestarts(lr=0.05,T_0=4,T_mult=2,eta_min=0.005)",
        S("scaled", factor=2.0, of=S("cosine-restarts", lr=0.05, period=4, mult=2.0, min=0.005, unit=it)),
        R(0, 30),
        [2.0 * v for v in torch_lrs(0.05, lambda o: tls.CosineAnnealingWarmRestarts(
            o, T_0=4, T_mult=2, eta_min=0.005), 30)])
    f = optax_warmup_cosine_decay(0.0, 1.0, 4, 20, 0.0)
    add_fn("0.1*optax.warmup_cosine_decay_schedule(init=0,peak=1,warmup_steps=4,decay_steps=20)",
           S("scaled", factor=0.1, of=S("warmup", steps=4, start=0.0,
                                        then=S("cosine", lr=1.0, steps=16, min=0.0), unit=it)),
           R(0, 25), lambda n: 0.1 * f(n))
    add("3.0*torch.StepLR(lr=0.01,step_size=2,gamma=0.5)",
        S("scaled", factor=3.0, of=S("step", lr=0.01, factor=0.5, every=2, unit=ep)), R(0, 12),
        [3.0 * v for v in torch_lrs(0.01, lambda o: tls.StepLR(o, step_size=2, gamma=0.5), 12)])

    # 16. the Javadoc examples ------------------------------------------------------------------
    # Each schedule class's Javadoc "Example:" spec, as written there (JavadocExamplesTest checks
    # the values it states against these rows), from the same independent references.
    add_torch("hf.get_wsd_schedule(lr=0.1,num_warmup_steps=2,num_stable_steps=3,num_decay_steps=4,"
              "decay_type=linear,min_lr_ratio=0.1)",
              S("wsd", lr=0.1, cooldown=4, warmup=2, stable=3, min=0.01), 0.1,
              lambda o: tls.LambdaLR(o, hf_wsd_lambda(2, 3, 4, decay_type="linear", min_lr_ratio=0.1)), R(0, 12))
    add_fn("keras.PiecewiseConstantDecay(boundaries=[1,4]=at-1,values=[0.1,0.05,0.01])",
           S("piecewise", values=[0.1, 0.05, 0.01], at=[2, 5], unit=ep), R(0, 8),
           keras_piecewise([1, 4], [0.1, 0.05, 0.01]))
    add("0.5*torch.StepLR(lr=0.1,step_size=2,gamma=0.5)",
        S("scaled", factor=0.5, of=S("step", lr=0.1, every=2)), R(0, 6),
        [0.5 * v for v in torch_lrs(0.1, lambda o: tls.StepLR(o, step_size=2, gamma=0.5), 6)])
    add_torch("torch.CosineAnnealingLR(lr=0.1,T_max=4,eta_min=0.001)",
              S("cosine", lr=0.1, steps=4, min=0.001), 0.1,
              lambda o: tls.CosineAnnealingLR(o, T_max=4, eta_min=0.001), R(0, 5))
    add_fn("keras.CosineDecay(0.1,decay_steps=4,alpha=0.01)",
           S("cosine", lr=0.1, steps=4, min=0.001), [4, 5, 6, 100], keras_cosine(0.1, 4, 0.01))
    add_torch("torch.MultiStepLR(lr=0.1,milestones=[3,6],gamma=0.1)",
              S("multistep", lr=0.1, factor=0.1, at=[3, 6], unit=ep), 0.1,
              lambda o: tls.MultiStepLR(o, milestones=[3, 6], gamma=0.1), R(0, 9))
    add_torch("torch.ExponentialLR(lr=0.1,gamma=0.95)",
              S("exponential", lr=0.1, rate=0.95, unit=ep), 0.1,
              lambda o: tls.ExponentialLR(o, gamma=0.95), R(0, 4))
    add_fn("optax.join_schedules([constant(0.01),linear(0.1->0,2)],[2])",
           S("sequence", S("constant", lr=0.01), S("linear", **{"from": 0.1, "to": 0, "steps": 2}), at=[2]),
           R(0, 8), optax_join([optax_constant(0.01), optax_linear(0.1, 0.0, 2)], [2]))
    add_fn("keras.PolynomialDecay(0.1,decay_steps=4,end_learning_rate=0.01,power=2)",
           S("polynomial", lr=0.1, end=0.01, steps=4, power=2), R(0, 7),
           keras_polynomial(0.1, 4, 0.01, 2.0))
    add_fn("keras.PolynomialDecay(0.1,decay_steps=4,end_learning_rate=0.01,power=2,cycle)",
           S("polynomial", lr=0.1, end=0.01, steps=4, power=2, cycle=True), R(0, 10),
           keras_polynomial(0.1, 4, 0.01, 2.0, True))
    add_torch("torch.OneCycleLR(max_lr=0.1,total_steps=10,defaults,cycle_momentum=False)",
              S("one-cycle", max=0.1, total=10), 0.1, oc(0.1, 10), R(0, 10))
    # PyTorch raises past total_steps; the schedule holds its last value, max/div/final_div.
    add_fn("closed form max/div_factor/final_div_factor=0.1/25/1e4 (n>=total)",
           S("one-cycle", max=0.1, total=10), [10, 11, 1000], lambda n: 0.1 / 25.0 / 1e4)
    add_torch("torch.LinearLR(lr=0.1,start_factor=1,end_factor=0.1,total_iters=3)",
              S("linear", **{"from": 0.1, "to": 0.01, "steps": 3}), 0.1,
              lambda o: tls.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=3), R(0, 6))
    add_fn("optax.warmup_cosine_decay_schedule(init=0,peak=0.1,warmup_steps=4,decay_steps=8,end=0)",
           S("warmup", steps=4, then=S("cosine", lr=0.1, steps=4)), R(0, 11),
           optax_warmup_cosine_decay(0.0, 0.1, 4, 8, 0.0))
    add_torch("torch.CosineAnnealingWarmRestarts(lr=0.1,T_0=2,T_mult=2,eta_min=0)",
              S("cosine-restarts", lr=0.1, period=2, mult=2), 0.1,
              lambda o: tls.CosineAnnealingWarmRestarts(o, T_0=2, T_mult=2, eta_min=0.0), R(0, 8))
    add_torch("torch.StepLR(lr=0.1,step_size=2,gamma=0.5)",
              S("step", lr=0.1, factor=0.5, every=2, unit=ep), 0.1,
              lambda o: tls.StepLR(o, step_size=2, gamma=0.5), R(0, 6))
    add_fn("lecture(alpha0=0.1,k=1,k/sqrt(epoch_num)*alpha0,epoch_num=n+1)",
           S("inverse-sqrt", lr=0.1, unit=ep), R(0, 5), lambda n: lecture_inverse_sqrt(0.1, 1.0)(n + 1))
    add_torch("torch.CyclicLR(0.01,0.1,step_size_up=down=2,triangular)",
              S("cyclic", min=0.01, max=0.1, half=2), 0.01, cyc(0.01, 0.1, 2, "triangular"), R(0, 9))
    add_torch("torch.CyclicLR(0.01,0.1,step_size_up=down=2,triangular2)",
              S("cyclic", min=0.01, max=0.1, half=2, mode="triangular2"), 0.01,
              cyc(0.01, 0.1, 2, "triangular2"), R(0, 9))


# --------------------------------------------------------------------------------------------
# Reduce-on-plateau: PyTorch's ReduceLROnPlateau stepped once per epoch with a scripted metric
# --------------------------------------------------------------------------------------------

PLATEAU_CASES = []  # (case, rule text, base_lr, [metric], [rate after each step])

# torch keyword -> PlateauRule.parse key
PLATEAU_KEYS = {"mode": "mode", "factor": "factor", "patience": "patience", "threshold": "threshold",
                "threshold_mode": "threshold-mode", "cooldown": "cooldown", "min_lr": "min", "eps": "eps"}
PLATEAU_DEFAULTS = {"mode": "min", "factor": 0.1, "patience": 10, "threshold": 1e-4, "threshold_mode": "rel",
                    "cooldown": 0, "min_lr": 0.0, "eps": 1e-8}


def torch_plateau(base_lr, metrics, **kw):
    """Rates of torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, **kw).

    https://github.com/pytorch/pytorch/blob/main/torch/optim/lr_scheduler.py
    One SGD optimizer on a dummy parameter; per epoch: optimizer.step(), scheduler.step(metric), then
    read optimizer.param_groups[0]['lr'], the rate the next epoch trains with."""
    param = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([param], lr=base_lr)
    sched = tls.ReduceLROnPlateau(opt, **kw)
    out = []
    for m in metrics:
        opt.step()
        sched.step(m)
        out.append(float(opt.param_groups[0]["lr"]))
    return out


def plateau_contract(base_lr, metrics, **kw):
    """PlateauRule's javadoc read literally (cross-check only): better(a, best) by mode and
    threshold-mode; after more than `patience` epochs without a better value (cooldown epochs after a
    cut count as none): rate = max(rate * factor, min), applied when it changes the rate by more than eps."""
    c = dict(PLATEAU_DEFAULTS, **kw)
    thr = c["threshold"]
    better = {("min", "rel"): lambda a, b: a < b * (1 - thr), ("min", "abs"): lambda a, b: a < b - thr,
              ("max", "rel"): lambda a, b: a > b * (1 + thr), ("max", "abs"): lambda a, b: a > b + thr}[
        (c["mode"], c["threshold_mode"])]
    best = math.inf if c["mode"] == "min" else -math.inf
    bad, cooldown, rate, out = 0, 0, base_lr, []
    for m in metrics:
        if better(m, best):
            best, bad = m, 0
        else:
            bad += 1
        if cooldown > 0:
            cooldown -= 1
            bad = 0
        if bad > c["patience"]:
            new = max(rate * c["factor"], c["min_lr"])
            if rate - new > c["eps"]:
                rate = new
            cooldown, bad = c["cooldown"], 0
        out.append(rate)
    return out


def add_plateau(case, base_lr, metrics, **kw):
    """kw: ReduceLROnPlateau's keywords; only those given are written to the rule (others: defaults)."""
    metrics = [float(m) for m in metrics]
    assert 20 <= len(metrics) <= 40, (case, len(metrics))
    rates = torch_plateau(base_lr, metrics, **kw)
    check = plateau_contract(base_lr, metrics, **kw)
    if rates != check:
        raise SystemExit("PLATEAU MISMATCH %s: torch %r, documented rule %r" % (case, rates, check))
    rule = ", ".join("%s=%s" % (PLATEAU_KEYS[k], _fmt(v)) for k, v in kw.items())
    PLATEAU_CASES.append((case, rule, base_lr, metrics, rates))


def build_plateau():
    flat = [0.5] * 30
    # a loss falling by 10 % an epoch, then flat: the defaults (patience 10) cut 11 epochs into the plateau
    falling = [round(1.0 * 0.9 ** e, 6) for e in range(8)]
    add_plateau("defaults: loss falls 8 epochs then stays (torch defaults)", 0.1,
                falling + [falling[-1]] * 32, mode="min")
    # a noisy loss whose small gains (under 1 %) are no improvement with threshold=0.01 rel
    noisy = [1.0, 0.8, 0.7, 0.695, 0.69, 0.6, 0.61, 0.598, 0.62, 0.55, 0.549, 0.548, 0.547, 0.5, 0.52,
             0.51, 0.499, 0.498, 0.45, 0.46, 0.47, 0.451, 0.449, 0.448, 0.44, 0.43, 0.4, 0.41, 0.42, 0.43]
    add_plateau("min rel, patience 2, factor 0.5, threshold 0.01", 0.2, noisy,
                mode="min", factor=0.5, patience=2, threshold=0.01, threshold_mode="rel")
    add_plateau("min abs, patience 3, factor 0.5, threshold 0.02", 0.05, noisy,
                mode="min", factor=0.5, patience=3, threshold=0.02, threshold_mode="abs")
    add_plateau("min rel, threshold 0: equal values are no improvement, patience 2", 0.3,
                [0.9, 0.8, 0.8, 0.8, 0.7, 0.7, 0.7, 0.7, 0.6, 0.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.4, 0.4,
                 0.4, 0.4, 0.4, 0.4], mode="min", factor=0.5, patience=2, threshold=0.0)
    accuracy = [0.3, 0.45, 0.55, 0.6, 0.62, 0.625, 0.63, 0.7, 0.71, 0.712, 0.713, 0.72, 0.8, 0.801, 0.79,
                0.802, 0.85, 0.86, 0.87, 0.871, 0.872, 0.873, 0.874, 0.9, 0.901, 0.9, 0.899, 0.95]
    add_plateau("max rel (accuracy), patience 0, cooldown 2, threshold 0.01", 0.1, accuracy,
                mode="max", factor=0.5, patience=0, threshold=0.01, threshold_mode="rel", cooldown=2)
    add_plateau("max abs (accuracy), patience 3, cooldown 2, threshold 0.005, factor 0.1", 1.0, accuracy,
                mode="max", factor=0.1, patience=3, threshold=0.005, threshold_mode="abs", cooldown=2)
    add_plateau("max abs, patience 2, cooldown 0", 0.01, accuracy,
                mode="max", factor=0.5, patience=2, threshold=0.001, threshold_mode="abs", cooldown=0)
    add_plateau("flat, patience 0, cooldown 2: a cut every third epoch", 0.4, flat[:24],
                mode="min", factor=0.5, patience=0, cooldown=2)
    add_plateau("flat, patience 0, factor 0.1, min 0.003 hit (clipped cut, then none)", 0.1, flat[:20],
                mode="min", factor=0.1, patience=0, min_lr=0.003)
    add_plateau("flat, patience 1, factor 0.5, min 0.001 reached exactly", 0.016, flat[:25],
                mode="min", factor=0.5, patience=1, min_lr=0.001)
    add_plateau("flat, patience 1, factor 0.5, eps 0.001 stops the cuts", 0.01, flat[:20],
                mode="min", factor=0.5, patience=1, eps=1e-3)
    add_plateau("flat, patience 0, tiny rate: the default eps 1e-8 stops the cuts", 1e-7, flat[:20],
                mode="min", factor=0.5, patience=0)
    # negative metric (a log-likelihood to maximise, negated): torch's relative threshold multiplies a
    # negative best by (1 - threshold), so a slightly worse value can count as better; kept as is.
    add_plateau("min rel with negative values, patience 2, threshold 0.05", 0.1,
                [-1.0, -1.5, -2.0, -1.95, -1.9, -1.86, -1.83, -1.8, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0,
                 -2.1, -2.0, -1.9, -1.0, -1.0, -1.0, -1.0, -1.0, -1.0],
                mode="min", factor=0.5, patience=2, threshold=0.05)
    add_plateau("max rel, patience 1, cooldown 1, factor 0.2, min 1e-4 hit", 0.05, accuracy + [0.95] * 12,
                mode="max", factor=0.2, patience=1, threshold=1e-3, cooldown=1, min_lr=1e-4)


def main_plateau():
    build_plateau()
    lines = ["case\trule\tbase_lr\tmetrics\trates",
             "# generated by tools/golden/generate_golden.py with torch %s (python %s); do not edit by hand"
             % (torch.__version__, sys.version.split()[0]),
             "# one row per case: torch.optim.lr_scheduler.ReduceLROnPlateau, scheduler.step(metrics[e]) once per "
             "epoch e; rates[e] = optimizer lr after that step (the rate of epoch e + 1)"]
    for case, rule, base_lr, metrics, rates in PLATEAU_CASES:
        assert "\t" not in case and "\t" not in rule
        lines.append("%s\t%s\t%r\t%s\t%s" % (case, rule, base_lr, ",".join(repr(m) for m in metrics),
                                              ",".join(repr(r) for r in rates)))
        cuts = sum(1 for prev, r in zip([base_lr] + rates, rates) if r != prev)
        print("plateau %2d epochs %d cuts  %s  |  %s" % (len(metrics), cuts, case, rule))
    with open(PLATEAU_OUT, "w", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    print("wrote %s: %d cases" % (os.path.relpath(PLATEAU_OUT, REPO), len(PLATEAU_CASES)))


def main():
    build()
    lines = ["source\tspec\tn\texpected",
             "# generated by tools/golden/generate_golden.py with torch %s (python %s); do not edit by hand"
             % (torch.__version__, sys.version.split()[0]),
             "# counter unit: epoch iff the spec contains 'unit=epoch' (valueAt(0, n)), else iteration "
             "(valueAt(n, 0))"]
    counts = {}
    worst_all = 0.0
    current = None
    for name, source, spec, rows in CASES:
        text = str(spec)
        assert "\t" not in source and "\t" not in text
        assert (spec.unit() == "epoch") == ("unit=epoch" in text), text
        if name != current:
            lines.append("# --- %s" % name)
            current = name
        worst = 0.0
        for n, e in rows:
            assert isinstance(n, int) and n >= 0 and math.isfinite(e) and e >= 0.0, (text, n, e)
            c = contract(spec, n)
            diff = abs(c - e)
            if diff > CHECK_REL * max(abs(c), abs(e)) + CHECK_ABS:
                raise SystemExit("MISMATCH %s | %s | n=%d expected %r catalogue %r" % (source, text, n, e, c))
            if e != 0.0:
                worst = max(worst, diff / abs(e))
            lines.append("%s\t%s\t%d\t%r" % (source, text, n, e))
        worst_all = max(worst_all, worst)
        counts[name] = counts.get(name, 0) + len(rows)
        print("%-16s %3d rows  n=%d..%d  max rel diff vs catalogue %.1e  %s  |  %s"
              % (name, len(rows), rows[0][0], rows[-1][0], worst, source, text))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    print("wrote %s: %d rows, %d cases, torch %s, worst rel diff vs catalogue %.1e"
          % (os.path.relpath(OUT, REPO), sum(counts.values()), len(CASES), torch.__version__, worst_all))
    print("rows per schedule: " + ", ".join("%s=%d" % kv for kv in counts.items()))
    main_plateau()


if __name__ == "__main__":
    main()
