# Sourced by the scripts of tools/speed: compiles one of its Java programs against the built examples.
#   compile_tool Levers        sets $classpath (the examples' run-time class path plus the compiled tool),
#                              in a temporary folder deleted on exit
# and machine_line prints the CPU model, the cores and the load average, for the head of a report.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

compile_tool() {
  local classpath_file="$root/examples/target/runtime-classpath.txt"
  [ -f "$classpath_file" ] || { echo "error: examples not built; run examples/run --help once" >&2; exit 1; }
  local examples="$root/examples/target/classes:$(cat "$classpath_file")"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  javac -d "$work" -cp "$examples" "$root/tools/speed/$1.java"
  classpath="$work:$examples"
}

machine_line() {
  echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
}
