#!/usr/bin/env bash
# Draws the charts of docs/catalogue.md with the preview command: one PNG per schedule of the
# catalogue (640 x 320, the command's default size), plus the lecture's variants (the train
# command's presets), into docs/charts/.
#   bash docs/charts/generate.sh
# examples/run builds the project first when its sources changed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/docs/charts"

# chart FILE TITLE STEPS [preview options] SPEC... : one chart of the specs over STEPS steps.
chart() {
  local file="$1" title="$2" steps="$3"
  shift 3
  echo "docs/charts/$file.png" >&2
  "$root/examples/run" preview --steps "$steps" --title "$title" --at 0 \
    --chart "$out/$file.png" "$@" > /dev/null
}

chart constant "constant" 100 \
  "constant(lr=0.1)"
chart inverse-time "inverse-time (the lecture's worked example)" 20 \
  "inverse-time(lr=0.2, decay=1, unit=epoch, first=1)"
chart exponential "exponential: smooth and staircase" 100 \
  "exponential(lr=0.1, rate=0.5, period=20)" \
  "exponential(lr=0.1, rate=0.5, period=20, staircase=true)"
chart inverse-sqrt "inverse-sqrt" 20 \
  "inverse-sqrt(lr=0.1, unit=epoch)"
chart inverse-sqrt-warmup "inverse-sqrt with warm-up (fairseq)" 100 \
  "inverse-sqrt(lr=0.1, first=0, warmup=10)"
chart step "step" 20 \
  "step(lr=0.1, factor=0.5, every=4, unit=epoch)"
chart multistep "multistep (log scale)" 100 --log-y \
  "multistep(lr=0.1, factor=0.1, at=[30, 60, 80], unit=epoch)"
chart piecewise "piecewise" 100 \
  "piecewise(values=[0.1, 0.05, 0.01, 0.002], at=[20, 50, 80])"
chart polynomial "polynomial: once, and with cycle" 100 \
  "polynomial(lr=0.1, end=0.001, steps=100, power=2)" \
  "polynomial(lr=0.1, end=0.001, steps=30, power=2, cycle=true)"
chart cosine "cosine" 100 \
  "cosine(lr=0.1, steps=80, min=0.001)"
chart cosine-restarts "cosine-restarts (SGDR, mult=2, decay=0.7)" 150 \
  "cosine-restarts(lr=0.1, period=10, mult=2, decay=0.7, min=0.001)"
chart linear "linear" 100 \
  "linear(from=0.1, to=0.001, steps=80)"
chart cyclic "cyclic: the three modes" 100 --height 400 \
  "cyclic(min=0.001, max=0.1, half=10)" \
  "cyclic(min=0.001, max=0.1, half=10, mode=triangular2)" \
  "cyclic(min=0.001, max=0.1, half=10, mode=exp-range, gamma=0.98)"
chart one-cycle "one-cycle: two and three phases" 110 \
  "one-cycle(max=0.1, total=100)" \
  "one-cycle(max=0.1, total=100, three-phase=true)"
chart wsd "wsd: linear, cosine and one-minus-sqrt cooldowns" 100 \
  "wsd(lr=0.1, cooldown=30, warmup=10, stable=50)" \
  "wsd(lr=0.1, cooldown=30, warmup=10, stable=50, shape=cosine)" \
  "wsd(lr=0.1, cooldown=30, warmup=10, stable=50, shape=one-minus-sqrt)"
chart warmup "warmup + cosine" 100 \
  "warmup(steps=10, then=cosine(lr=0.1, steps=90))"
chart sequence "sequence: ramp, hold, cosine" 100 \
  "sequence(linear(from=0.01, to=0.1, steps=10), constant(lr=0.1), cosine(lr=0.1, steps=50, min=0.001), at=[10, 50])"
chart scaled "scaled" 100 \
  "cosine(lr=0.1, steps=100)" \
  "scaled(factor=0.5, of=cosine(lr=0.1, steps=100))"
# The bundled MNIST subset has 8,000 training digits: 125 iterations per epoch at batch 64.
chart lecture-variants "the lecture's variants (train --schedule presets), 20 epochs" 2500 \
  --iterations-per-epoch 125 --log-y --height 440 \
  constant inverse-time exponential inverse-sqrt-epoch inverse-sqrt-iteration staircase
# The recipe "Warm-up and the linear scaling rule" of docs/catalogue.md: batch 256 at lr 0.1 against
# batch 1024 at lr 0.4 with a 5-epoch warm-up, per epoch and per iteration (1,250 iterations per epoch).
recipe=(--iterations-per-epoch 1250 --height 420
  "multistep(lr=0.1, factor=0.1, at=[30, 60, 80], unit=epoch)"
  "warmup(steps=5, start=0.1, then=multistep(lr=0.4, factor=0.1, at=[25, 55, 75], unit=epoch), unit=epoch)"
  "warmup(steps=6250, start=0.1, then=multistep(lr=0.4, factor=0.1, at=[31250, 68750, 93750]))")
chart linear-scaling "linear scaling rule with warm-up: 90 epochs" 112500 "${recipe[@]}"
chart linear-scaling-warmup "linear scaling rule with warm-up: the first 8 epochs" 10000 "${recipe[@]}"
