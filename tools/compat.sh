#!/usr/bin/env bash
# The compatibility matrix (README, "Which DL4J versions it runs on"): the library's own tests (schedules,
# spec language, DL4J integration: updaters, JSON, ModelSerializer, training listeners, ParallelWrapper)
# against each DL4J/ND4J version, with the library jar and its test jar built ONCE against 1.0.0-M2.1.
#   tools/compat.sh                      all versions
#   COMPAT_VERSIONS="1.0.0-M2" tools/compat.sh
# Each version is the compat module's profile dl4j-<version> (compat/pom.xml), which puts that version's
# deeplearning4j-nn/-core/-parallel-wrapper, nd4j-api and CPU backend (natives for javacpp.platform only)
# on the test class path. The first run downloads each version's stack. Logs: target/compat/<version>.log.
# Prints one table row per version; the exit status is that of the 1.0.0-M2.1 row (the build's own version).
set -uo pipefail
cd "$(dirname "$0")/.."
versions=(${COMPAT_VERSIONS:-1.0.0-M2.1 1.0.0-M2 1.0.0-M1.1 1.0.0-beta7})
logs=target/compat
mkdir -p "$logs"

echo "building the library jar and test jar once, against 1.0.0-M2.1 ..." >&2
if ! mvn -B -q install -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip -pl dl4j-schedules -am > "$logs/install.log" 2>&1; then
  echo "error: the library did not build; see $logs/install.log" >&2
  exit 1
fi

status=0
printf '%-12s | %-6s | %5s | %6s | %6s | %7s | %6s | %s\n' "DL4J/ND4J" result tests failed errors skipped time "failing classes / reason"
for version in "${versions[@]}"; do
  log="$logs/$version.log"
  start=$(date +%s)
  mvn -B -Pcompat,"dl4j-$version" -pl compat test > "$log" 2>&1
  rc=$?
  seconds=$(( $(date +%s) - start ))
  # Surefire's summary line: Tests run: N, Failures: F, Errors: E, Skipped: S
  summary=$(sed $'s/\x1b\\[[0-9;]*m//g' "$log" | grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' | tail -1)
  if [ -n "$summary" ]; then
    read -r tests failed errors skipped <<< "$(echo "$summary" | sed -E 's/.*Tests run: ([0-9]+), Failures: ([0-9]+), Errors: ([0-9]+), Skipped: ([0-9]+)/\1 \2 \3 \4/')"
    failing=$(sed $'s/\x1b\\[[0-9;]*m//g' "$log" | grep -oE '<<< (FAILURE|ERROR)! -+ in [A-Za-z0-9_.$]+' | sed -E 's/.* in io\.github\.dl4jschedules\.//; s/.* in //' | sort -u | paste -sd, -)
    # a test class whose JVM died (native crash) is in no count: name it
    crashed=$(sed $'s/\x1b\\[[0-9;]*m//g' "$log" | sed -n '/^\[ERROR\] Crashed tests:/,/^\[ERROR\] [^i]/p' | grep -oE '^\[ERROR\] io\.github\.[A-Za-z0-9_.$]+' | sed -E 's/^\[ERROR\] io\.github\.dl4jschedules\.//' | sort -u | paste -sd, -)
    if [ -n "$crashed" ]; then
      failing="${failing:+$failing; }JVM crashed in: $crashed"
    fi
  else
    tests=- failed=- errors=- skipped=-
    failing=$(sed $'s/\x1b\\[[0-9;]*m//g' "$log" | grep -m1 -E '^\[ERROR\]' | cut -c1-160)
  fi
  result=$([ "$rc" -eq 0 ] && echo pass || echo FAIL)
  printf '%-12s | %-6s | %5s | %6s | %6s | %7s | %5ss | %s\n' "$version" "$result" "$tests" "$failed" "$errors" "$skipped" "$seconds" "${failing:--}"
  if [ "$version" = "1.0.0-M2.1" ]; then
    status=$rc
  fi
done
exit "$status"
