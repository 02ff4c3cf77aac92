#!/usr/bin/env python3
"""PyTorch peer of ``examples/run benchmark``: the same grid, trained with PyTorch's schedulers.

Reads the ``grid.json`` a benchmark wrote (model, data, epochs, batch, example limits, the cells'
updater and canonical spec, the seeds), trains every cell with every seed in PyTorch, and writes
``runs.csv`` in the benchmark's format with ``framework`` = ``pytorch``, so that::

    /usr/bin/python3 tools/peer/pytorch_schedules.py --grid bench/grid.json --out bench-pytorch
    examples/run benchmark <same options> --out bench --peer bench-pytorch/runs.csv

puts both frameworks side by side in ``bench/summary.md`` (a ``framework`` column) and charts
(``accuracy-pytorch-adam.png``, ...). A run's ``run_id`` is the one the benchmark gives the same
settings (the SHA-256 of the same identity text), so rows of the two files join on it.

What it matches: data, networks, initialisation, loss, Adam's defaults and the batching come from
``pytorch_mnist.py`` (imported, not copied). Each spec maps to PyTorch's own scheduler where one
exists, stepped once per epoch for ``unit=epoch`` (once per iteration for ``unit=iteration``):

==============================  =========================================================
spec                            PyTorch
==============================  =========================================================
``constant(lr)``                no scheduler
``exponential(lr, rate, ...)``  ``ExponentialLR(gamma=rate)``, initial rate ``lr*rate^first``
                                (``period=1``, no staircase, ``min=0``; otherwise ``LambdaLR``)
``step(lr, factor, every, ...)`` ``StepLR(step_size=every, gamma=factor)`` (``first=0``;
                                otherwise ``LambdaLR``)
``cosine(lr, steps, min)``      ``CosineAnnealingLR(T_max=steps, eta_min=min)``, for runs of at
                                most ``steps`` steps (beyond, PyTorch's recursion rises again)
``inverse-time``                ``LambdaLR``: ``1 / (1 + decay * tau)``; PyTorch has no such scheduler
``inverse-sqrt`` (no warm-up)   ``LambdaLR``: ``k / sqrt(tau)``
==============================  =========================================================

``tau = (n + first) / period`` (floored with ``staircase=true``), as in docs/schedules.md. Other
schedules and updaters are reported and skipped. The ``rate`` column is the rate of the epoch's last
iteration; ``seconds`` the epoch's training loop. Batches and weights are drawn by PyTorch's own
generators: results agree with DL4J's within seed-to-seed noise, not digit for digit.
"""

import argparse
import csv
import hashlib
import json
import math
import re
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pytorch_mnist  # noqa: E402  (the sibling script: data, networks, initialisation)

HEADER = ["framework", "run_id", "schedule", "updater", "seed", "epoch", "train_loss", "test_accuracy", "rate",
          "seconds"]
SPEC = re.compile(r"^([a-z][a-z0-9-]*)\((.*)\)$")


def parse_spec(spec):
    """A flat canonical spec ``name(k=v, ...)`` as (name, {k: v}); nested specs are not supported."""
    match = SPEC.match(spec.strip())
    if not match or "(" in match.group(2):
        raise ValueError(f"not a flat spec: {spec}")
    params = {}
    for item in match.group(2).split(","):
        key, _, value = item.strip().partition("=")
        params[key.strip()] = value.strip()
    return match.group(1), params


def tau(n, params):
    m = n + int(params.get("first", "0"))
    period = int(params.get("period", "1"))
    return m // period if params.get("staircase") == "true" else m / period


def scheduler_for(spec, optimizer):
    """(initial rate, scheduler or None, counts iterations?) for a spec, or raises ValueError."""
    name, p = parse_spec(spec)
    per_iteration = p.get("unit") == "iteration"
    if name == "constant":
        return float(p["lr"]), None, per_iteration
    lr = float(p["lr"])
    simple = p.get("period", "1") == "1" and p.get("staircase", "false") == "false"
    if name == "exponential":
        rate = float(p["rate"])
        if simple and float(p.get("min", "0")) == 0:
            first = int(p.get("first", "0"))
            return lr * rate ** first, lambda: torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=rate), per_iteration
        floor = float(p.get("min", "0"))
        return lr, lambda: torch.optim.lr_scheduler.LambdaLR(
            optimizer, lambda n: max(floor / lr, rate ** tau(n, p))), per_iteration
    if name == "step":
        every, factor = int(p["every"]), float(p["factor"])
        if int(p.get("first", "0")) == 0:
            return lr, lambda: torch.optim.lr_scheduler.StepLR(optimizer, step_size=every, gamma=factor), per_iteration
        first = int(p["first"])
        return lr, lambda: torch.optim.lr_scheduler.LambdaLR(
            optimizer, lambda n: factor ** ((n + first) // every)), per_iteration
    if name == "cosine":
        steps, floor = int(p["steps"]), float(p.get("min", "0"))
        return lr, lambda: torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=steps, eta_min=floor), per_iteration
    if name == "inverse-time":
        decay = float(p["decay"])
        return lr, lambda: torch.optim.lr_scheduler.LambdaLR(
            optimizer, lambda n: 1 / (1 + decay * tau(n, p))), per_iteration
    if name == "inverse-sqrt" and float(p.get("warmup", "0")) == 0:
        k = float(p.get("k", "1"))
        return lr, lambda: torch.optim.lr_scheduler.LambdaLR(
            optimizer, lambda n: k / math.sqrt(tau(n, {**p, "first": p.get("first", "1")}))), per_iteration
    raise ValueError(f"no PyTorch equivalent here for {spec}")


def run_id(grid, updater, spec, seed):
    """The benchmark's id of a run: the first 12 hex digits of the SHA-256 of its identity (RunKey.java)."""
    identity = [("model", grid["model"]), ("data", grid["data"]), ("epochs", grid["epochs"]), ("batch", grid["batch"]),
                ("train_limit", grid["train_limit"]), ("test_limit", grid["test_limit"]), ("updater", updater),
                ("schedule", spec), ("seed", str(seed))]
    text = "".join(f"{k}={v}\n" for k, v in identity)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def optimizer_for(updater, parameters, lr):
    if updater == "adam":
        return torch.optim.Adam(parameters, lr=lr, betas=(0.9, 0.999), eps=1e-8)
    if updater == "sgd":
        return torch.optim.SGD(parameters, lr=lr)
    raise ValueError(f"updater {updater}: only adam and sgd are mapped")


def train(grid, data, updater, spec, seed):
    """One run: a list of (epoch, train_loss, test_accuracy, rate, seconds)."""
    train_x, train_y, test_x, test_y = data
    epochs, batch = int(grid["epochs"]), int(grid["batch"])
    torch.manual_seed(seed)
    side = train_x.shape[-1]
    model = pytorch_mnist.xavier(pytorch_mnist.LeNet(side) if grid["model"] == "lenet" else pytorch_mnist.Mlp(side))
    optimizer = optimizer_for(updater, model.parameters(), 1.0)
    initial, make_scheduler, per_iteration = scheduler_for(spec, optimizer)
    for group in optimizer.param_groups:
        group["lr"] = initial
        group["initial_lr"] = initial
    scheduler = make_scheduler() if make_scheduler else None

    generator = torch.Generator().manual_seed(seed)
    order = torch.randperm(len(train_x), generator=generator)
    batches = [(train_x[order[i:i + batch]].contiguous(), train_y[order[i:i + batch]].contiguous())
               for i in range(0, len(train_x), batch)]
    rows = []
    for epoch in range(1, epochs + 1):
        model.train()
        loss_sum, rate = 0.0, initial
        start = time.perf_counter()
        for b in torch.randperm(len(batches), generator=generator).tolist():
            x, y = batches[b]
            rate = optimizer.param_groups[0]["lr"]
            optimizer.zero_grad(set_to_none=True)
            loss = F.nll_loss(model(x), y)
            loss.backward()
            optimizer.step()
            loss_sum += loss.item()
            if scheduler and per_iteration:
                scheduler.step()
        if scheduler and not per_iteration:
            scheduler.step()
        seconds = time.perf_counter() - start
        model.eval()
        with torch.no_grad():
            correct = sum((model(test_x[i:i + 1000]).argmax(dim=1) == test_y[i:i + 1000]).sum().item()
                          for i in range(0, len(test_x), 1000))
        rows.append((epoch, loss_sum / len(batches), correct / len(test_x), rate, seconds))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", type=Path, required=True, help="the grid.json of a benchmark folder")
    parser.add_argument("--out", type=Path, required=True, help="folder for runs.csv")
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default: 1)")
    args = parser.parse_args(argv)
    grid = json.loads(args.grid.read_text())
    if grid["data"] == "mnist":
        parser.error("data 'mnist' is DL4J's downloader; give the benchmark an IDX folder (--data DIR) to compare")
    folder = pytorch_mnist.BUNDLED if grid["data"] == "bundled" else Path(grid["data"])
    limit = {k: None if grid[k] == "all" else int(grid[k]) for k in ("train_limit", "test_limit")}
    torch.set_num_threads(args.threads)
    train_x, train_y = pytorch_mnist.load(folder, "train", limit["train_limit"])
    test_x, test_y = pytorch_mnist.load(folder, "t10k", limit["test_limit"])
    data = (train_x, train_y, test_x, test_y)
    print(f"pytorch {torch.__version__}, {torch.get_num_threads()} thread(s), {pytorch_mnist.cpu_model()}; "
          f"{grid['model']}, {len(train_x):,} train, {len(test_x):,} test, {grid['epochs']} epochs")

    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    runs = [(cell, seed) for cell in grid["cells"] for seed in grid["seeds"]]
    for number, (cell, seed) in enumerate(runs, 1):
        updater, spec = cell["updater"], cell["schedule"]
        try:
            result = train(grid, data, updater, spec, seed)
        except ValueError as e:
            print(f"run {number}/{len(runs)} skipped: {e}", flush=True)
            continue
        rid = run_id(grid, updater, spec, seed)
        rows += [("pytorch", rid, spec, updater, seed) + r for r in result]
        last = result[-1]
        print(f"run {number}/{len(runs)}  {updater}  {cell['label']}  seed {seed}: test accuracy {100 * last[2]:.2f}%, "
              f"train loss {last[1]:.4f}, {sum(r[4] for r in result):.1f} s", flush=True)
    temporary = args.out / ".runs.csv.tmp"
    with temporary.open("w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    temporary.replace(args.out / "runs.csv")
    print(f"written: {args.out / 'runs.csv'}")


if __name__ == "__main__":
    main()
