#!/usr/bin/env bash
# The CUDA check (README, "Backends: CPU and CUDA"), for whoever has a Linux x86-64 machine with an NVIDIA GPU and
# its driver: builds with -Dcuda (nd4j-cuda-11.6 and JavaCPP's CUDA 11.6 runtime, a large download on the first run),
# trains LeNet for one epoch on the GPU, runs the library's DL4J-integration tests (dl4j, training and parallel
# packages) on the GPU, and prints the device, the epoch time and the test summary.
#   tools/gpu-check.sh                   CUDA runtime from Maven (driver only on the machine)
#   CUDA_ARG=-Dcuda=system tools/gpu-check.sh   CUDA 11.6 toolkit installed on the machine instead
# Output and logs: target/gpu-check/. Exit status 0 only if the training ran on CUDA and the tests passed.
set -uo pipefail
cd "$(dirname "$0")/.."
cuda_arg="${CUDA_ARG:--Dcuda}"
out=target/gpu-check
mkdir -p "$out"

echo "== driver"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | tee "$out/nvidia-smi.txt" \
  || echo "nvidia-smi failed: no NVIDIA driver?"

echo "== LeNet, 1 epoch, on the GPU (examples/run builds with $cuda_arg first)"
MAVEN_ARGS="$cuda_arg" examples/run train --epochs 1 --no-fast --no-progress 2>&1 | tee "$out/train.txt"
train_rc=${PIPESTATUS[0]}

echo "== the library's DL4J-integration tests on the GPU"
mvn -B "$cuda_arg" -pl dl4j-schedules test \
  -Dtest='io.github.dl4jschedules.dl4j.*Test,io.github.dl4jschedules.training.*Test,io.github.dl4jschedules.parallel.*Test' \
  > "$out/tests.log" 2>&1
tests_rc=$?

device=$(grep -m1 '^backend ' "$out/train.txt")
epoch=$(grep -m1 '^epoch 1/1' "$out/train.txt")
summary=$(sed $'s/\x1b\\[[0-9;]*m//g' "$out/tests.log" | grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' | tail -1)
failing=$(sed $'s/\x1b\\[[0-9;]*m//g' "$out/tests.log" | grep -oE '<<< (FAILURE|ERROR)! -+ in [A-Za-z0-9_.$]+' | sed -E 's/.* in //' | sort -u | paste -sd, -)
{
  echo "== summary ($(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo no-git))"
  echo "driver:   $(head -1 "$out/nvidia-smi.txt")"
  echo "device:   ${device:-none (training did not start; see $out/train.txt)}"
  echo "epoch:    ${epoch:-none}"
  echo "tests:    ${summary:-none (see $out/tests.log)} ${failing:+failing: $failing}"
} | tee "$out/summary.txt"

[[ "$device" == "backend CUDA"* ]] && [ "$train_rc" -eq 0 ] && [ "$tests_rc" -eq 0 ]
