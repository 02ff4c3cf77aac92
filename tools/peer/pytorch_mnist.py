#!/usr/bin/env python3
"""PyTorch peer of ``examples/run train``: the same network, data, updater and batching, timed per epoch.

Used by ``examples/run speed`` as the reference point for DL4J's epoch times; runs on its own too::

    /usr/bin/python3 tools/peer/pytorch_mnist.py --model lenet --epochs 3

What it matches (examples/src/main/java/.../run/ModelKind.java and TrainingRun.java):

* data: the bundled MNIST subset (8,000 training and 2,000 test digits, IDX files in
  examples/src/main/resources/mnist-subset/), pixels scaled to [0, 1];
* networks: ``lenet`` conv 5x5x20 (identity), max-pool 2x2/2, conv 5x5x50 (identity), max-pool 2x2/2,
  dense 500 ReLU, softmax 10; ``mlp`` 784-300-100-10 with ReLU; Xavier-normal weights (DL4J's XAVIER),
  zero biases; negative log-likelihood of the softmax, averaged over the batch;
* training: Adam with lr 1e-3 (``--gamma G``: times G after every epoch, PyTorch's ``StepLR``), betas
  (0.9, 0.999), eps 1e-8 (DL4J's defaults), mini-batches of
  ``--batch``: the examples are permuted once with the seed and cut into batches, and the batch order is
  reshuffled every epoch (batches keep their members), as the Java side does; the last batch may be smaller;
* timing: the training loop of an epoch only (forward, backward, step), not the evaluation after it.

The batches are not the same examples as on the Java side (different random generators), the weights not
the same numbers: accuracies agree within noise, not exactly.

Threads: ``--threads`` (default 1) sets ``torch.set_num_threads``. On the 2-core machine this was written
on, 1 thread was faster than 2 for both networks at batch 64 (see tools/peer/README.md).

Output: one line per epoch, ``epoch E/N  train loss L  test accuracy A%  S s``, then a line
``pytorch-epoch E seconds S accuracy A loss L`` per epoch for parsers; ``--out FILE.json`` writes the
results as examples/run train --out does: ``{"provenance": {...}, "epochs": [{"epoch", "train_loss",
"test_accuracy", "rate", "seconds"}, ...]}``.
"""

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import struct
import sys
import time
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "examples" / "src" / "main" / "resources" / "mnist-subset"
IMAGE_MAGIC = 0x00000803
LABEL_MAGIC = 0x00000801


def read_idx(path, magic):
    """The content of an IDX file (gzipped or not) as a uint8 tensor of the shape its header gives."""
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    found = struct.unpack(">I", raw[:4])[0]
    if found != magic:
        sys.exit(f"{path}: wrong magic number: expected {magic:#010x}, got {found:#010x}")
    dims = struct.unpack(">" + "I" * (magic & 0xFF), raw[4:4 + 4 * (magic & 0xFF)])
    data = raw[4 + 4 * len(dims):]
    count = 1
    for d in dims:
        count *= d
    if len(data) != count:
        sys.exit(f"{path}: expected {count} bytes of data for shape {dims}, got {len(data)}")
    return torch.frombuffer(bytearray(data), dtype=torch.uint8).reshape(dims)


def find(folder, stem, kind):
    for name in (f"{stem}-{kind}", f"{stem}-{kind}.gz", f"{stem}.{kind}", f"{stem}.{kind}.gz"):
        if (folder / name).is_file():
            return folder / name
    sys.exit(f"{folder}: no {stem}-{kind}[.gz]")


def load(folder, split, limit):
    images = read_idx(find(folder, f"{split}-images", "idx3-ubyte"), IMAGE_MAGIC)[:limit]
    labels = read_idx(find(folder, f"{split}-labels", "idx1-ubyte"), LABEL_MAGIC)[:limit]
    return images.to(torch.float32).div_(255.0).reshape(len(images), 1, *images.shape[1:]), labels.to(torch.int64)


class LeNet(nn.Module):
    def __init__(self, side):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 20, 5)
        self.conv2 = nn.Conv2d(20, 50, 5)
        flat = 50 * (((side - 4) // 2 - 4) // 2) ** 2
        self.dense = nn.Linear(flat, 500)
        self.out = nn.Linear(500, 10)

    def forward(self, x):
        x = F.max_pool2d(self.conv1(x), 2, 2)
        x = F.max_pool2d(self.conv2(x), 2, 2)
        x = F.relu(self.dense(torch.flatten(x, 1)))
        return F.log_softmax(self.out(x), dim=1)


class Mlp(nn.Module):
    def __init__(self, side):
        super().__init__()
        self.hidden1 = nn.Linear(side * side, 300)
        self.hidden2 = nn.Linear(300, 100)
        self.out = nn.Linear(100, 10)

    def forward(self, x):
        x = F.relu(self.hidden1(torch.flatten(x, 1)))
        x = F.relu(self.hidden2(x))
        return F.log_softmax(self.out(x), dim=1)


def xavier(model):
    for module in model.modules():
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_normal_(module.weight)
            nn.init.zeros_(module.bias)
    return model


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def blas():
    """The BLAS torch was built against, from its build settings (Debian's: "generic", the system's libblas.so.3)."""
    found = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
    return found.group(1) if found else "unknown"


def blas_library():
    """The BLAS shared library this process loaded (Linux), e.g. Debian's reference libblas.so.3 or OpenBLAS."""
    try:
        paths = {line.split()[-1] for line in Path("/proc/self/maps").read_text().splitlines()
                 if "blas" in line.lower() and "/" in line}
        return ", ".join(sorted(os.path.realpath(p) for p in paths)) or "none found"
    except OSError:
        return "unknown"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=["lenet", "mlp"], default="lenet")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--gamma", type=float, default=1.0,
                        help="multiply the rate by this after every epoch (StepLR(step_size=1); default 1: constant)")
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default: 1)")
    parser.add_argument("--train-limit", type=int, default=None, help="use the first N training examples only")
    parser.add_argument("--test-limit", type=int, default=None, help="use the first N test examples only")
    parser.add_argument("--data", type=Path, default=BUNDLED, help="folder with the four IDX files (default: the bundled subset)")
    parser.add_argument("--out", type=Path, default=None, help="write the results as JSON")
    args = parser.parse_args(argv)
    for name in ("epochs", "batch", "threads", "train_limit", "test_limit"):
        value = getattr(args, name)
        if value is not None and value < 1:
            parser.error(f"--{name.replace('_', '-')} must be >= 1, got {value}")
    if not 0 < args.gamma <= 1:
        parser.error(f"--gamma must be in (0, 1], got {args.gamma}")

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    train_x, train_y = load(args.data, "train", args.train_limit)
    test_x, test_y = load(args.data, "t10k", args.test_limit)
    side = train_x.shape[-1]
    model = xavier(LeNet(side) if args.model == "lenet" else Mlp(side))
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.999), eps=1e-8)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=args.gamma)

    generator = torch.Generator().manual_seed(args.seed)
    order = torch.randperm(len(train_x), generator=generator)
    batches = [(train_x[order[i:i + args.batch]].contiguous(), train_y[order[i:i + args.batch]].contiguous())
               for i in range(0, len(train_x), args.batch)]
    test_batches = [(test_x[i:i + 1000], test_y[i:i + 1000]) for i in range(0, len(test_x), 1000)]

    print(f"pytorch {torch.__version__}, {torch.get_num_threads()} thread(s), BLAS {blas()}, {cpu_model()}")
    print(f"data: {args.data} ({len(train_x):,} train, {len(test_x):,} test)")
    print(f"model {args.model}, adam lr {args.lr} x {args.gamma} per epoch, batch {args.batch}, seed {args.seed}")
    results = []
    for epoch in range(1, args.epochs + 1):
        model.train()
        loss_sum = 0.0
        start = time.perf_counter()
        for b in torch.randperm(len(batches), generator=generator).tolist():
            x, y = batches[b]
            optimizer.zero_grad(set_to_none=True)
            loss = F.nll_loss(model(x), y)
            loss.backward()
            optimizer.step()
            loss_sum += loss.item()
        seconds = time.perf_counter() - start
        rate = optimizer.param_groups[0]["lr"]
        scheduler.step()
        model.eval()
        correct = 0
        with torch.no_grad():
            for x, y in test_batches:
                correct += (model(x).argmax(dim=1) == y).sum().item()
        accuracy = correct / len(test_x)
        loss_mean = loss_sum / len(batches)
        results.append({"epoch": epoch, "train_loss": loss_mean, "test_accuracy": accuracy, "rate": rate,
                        "seconds": seconds})
        print(f"epoch {epoch}/{args.epochs}  train loss {loss_mean:.4f}  test accuracy {100 * accuracy:.2f}%  "
              f"{seconds:.1f} s", flush=True)
    for r in results:
        print(f"pytorch-epoch {r['epoch']} seconds {r['seconds']:.6f} accuracy {r['test_accuracy']:.6f} "
              f"loss {r['train_loss']:.6f}")

    if args.out is not None:
        provenance = {
            "peer": "pytorch", "torch_version": torch.__version__, "torch_threads": str(torch.get_num_threads()),
            "torch_blas": blas(),
            "torch_blas_library": blas_library(),
            "python": platform.python_version(), "device": cpu_model(), "cpu_cores": str(os.cpu_count()),
            "omp_num_threads": os.environ.get("OMP_NUM_THREADS", "unset"),
            "os": f"{platform.system()} {platform.release()} {platform.machine()}",
            "time": datetime.datetime.now(datetime.timezone.utc).isoformat(),
            "model": args.model, "updater": "adam", "schedule": f"constant(lr={args.lr})" if args.gamma == 1 else f"step(lr={args.lr}, factor={args.gamma}, every=1, unit=epoch)", "epochs": str(args.epochs),
            "batch": str(args.batch), "seed": str(args.seed), "data": str(args.data),
            "train_examples": str(len(train_x)), "test_examples": str(len(test_x)),
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"provenance": provenance, "epochs": results}, indent=2) + "\n")
        print(f"results written to {args.out}")


if __name__ == "__main__":
    main()
