#!/usr/bin/env bash
# LeNet's convolution and pooling ops, each timed alone (tools/speed/ConvOps.java; docs/speed.md).
# Needs the examples built (examples/run builds them on first use).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/java-tool.sh"
compile_tool ConvOps
machine_line
OMP_NUM_THREADS=1 java -cp "$classpath" ConvOps 2>/dev/null
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
