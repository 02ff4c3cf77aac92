#!/usr/bin/env bash
# The levers of docs/speed.md ("What was tried"): LeNet on the fast path with one thing changed per
# variant, each variant in its own JVM, all variants alternating for ROUNDS rounds (A B C A B C ...), so
# that a change of load hits them alike. Prints each run's line and, per variant, the means over the
# rounds of epochs 2.. (wall and CPU seconds of fit), with the load average and the CPU model.
#   tools/speed/levers.sh                          all levers, 2 rounds, 3 epochs
#   ROUNDS=3 EPOCHS=3 tools/speed/levers.sh fast input-gradient
# MODEL=mlp trains the MLP instead of LeNet (the conv, pool and nhwc levers change nothing there).
# PROFILE=1 runs the last epoch under ND4J's op profiler and prints its dashboard after each line.
# A lever "NAME:JVM-OPTION" runs lever NAME with that JVM option, e.g. fast:-XX:+UseParallelGC. Every lever
# runs with examples/run's -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 unless its option sets it (25g is about
# JavaCPP's own default on a 24 GiB machine: 4x the default maximum heap).
# Needs the examples built (examples/run builds them on first use).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/java-tool.sh"
rounds="${ROUNDS:-2}"
epochs="${EPOCHS:-3}"
model="${MODEL:-lenet}"
levers=("$@")
[ ${#levers[@]} -eq 0 ] && levers=(fast input-gradient no-conv-helpers pool-helpers nhwc no-workspaces
  "fast:-XX:+UseParallelGC" "fast:-Dorg.bytedeco.javacpp.maxPhysicalBytes=25g")
compile_tool Levers
echo "model $model; $(machine_line)"
results="$work/results.txt"
for round in $(seq "$rounds"); do
  for lever in "${levers[@]}"; do
    name="${lever%%:*}"; option=""
    [[ "$lever" == *:* ]] && option="${lever#*:}"
    [[ "$option" == *maxPhysicalBytes* ]] || option="-Dorg.bytedeco.javacpp.maxPhysicalBytes=0 $option"
    out=$(OMP_NUM_THREADS=1 java $option -Dlevers.profile="${PROFILE:+true}" -cp "$classpath" Levers "$name" "$epochs" "$model" 2>&1)
    line=$(grep '^result ' <<< "$out") || { echo "error: lever $lever failed:" >&2; tail -20 <<< "$out" >&2; exit 1; }
    echo "round $round  ${lever}: ${line#result $name }"
    [ -n "${PROFILE:-}" ] && sed -n '/^result /,$p' <<< "$out" | grep -v '^result '
    echo "$lever ${line#result $name }" >> "$results"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-50s %9s %9s  %s\n' "variant (means over $rounds rounds, epochs 2-$epochs)" "wall s" "CPU s" "accuracies per epoch (last round)"
for lever in "${levers[@]}"; do
  awk -v lever="$lever" '$1 == lever { wall += $3; cpu += $5; n++; acc = ""; for (i = 7; i <= NF; i++) acc = acc " " $i }
    END { if (n) printf "%-50s %9.3f %9.3f %s\n", lever, wall / n, cpu / n, acc }' "$results"
done
