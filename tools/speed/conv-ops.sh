#!/usr/bin/env bash
# LeNet's convolution and pooling ops, each timed alone (tools/speed/ConvOps.java; docs/speed.md).
# Needs the examples built (examples/run builds them on first use).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
classpath_file="$root/examples/target/runtime-classpath.txt"
[ -f "$classpath_file" ] || { echo "error: examples not built; run examples/run --help once" >&2; exit 1; }
classpath="$root/examples/target/classes:$(cat "$classpath_file")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
javac -d "$work" -cp "$classpath" "$root/tools/speed/ConvOps.java"
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
OMP_NUM_THREADS=1 java -cp "$work:$classpath" ConvOps 2>/dev/null
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
