#!/usr/bin/env bash
# PromQL parse benchmark over 100,000 generated dashboard-style expressions (rates with $__rate_interval,
# sums by labels, histogram_quantile, binary ops, variables in label values).
#  1. wall time of `java -jar target/dash.jar promql check --file F` including JVM start, median of 5 runs
#     (target: under 1 s), plus CPU time (user+sys) of each run;
#  2. the same with launcher-style JVM flags (C1 only, serial GC) passed through JDK_JAVA_OPTIONS, as a
#     short-lived CLI launcher would use them;
#  3. in-process throughput (expressions/second) after warm-up, with the parsing thread's CPU time and
#     bytes allocated per expression;
#  4. deep and long expressions (10,000 nested parentheses, 100,000 chained operators) in-process, to show
#     parse time stays linear in their size.
# The machine's load average is printed first: on a shared machine wall times scale with it.
# Usage: scripts/bench/promql-parse.sh [--rebuild] [COUNT]   (builds the jar when it is missing, or with --rebuild)
set -euo pipefail
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }
REBUILD=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --rebuild) REBUILD=1; shift ;;
    [0-9]*) COUNT="$1"; shift ;;
    *) echo "promql-parse.sh: unknown argument '$1'; see --help" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/../.."
COUNT="${COUNT:-100000}"
if [[ $REBUILD == 1 || ! -f target/dash.jar || ! -d target/test-classes/io/vertice/dash/bench ]]; then
  ./mvnw -B -o -q package -DskipTests
fi
CP="target/test-classes:target/dash.jar"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
F="$TMP/expressions.txt"
java -cp "$CP" io.vertice.dash.bench.PromqlParseBench generate "$F" "$COUNT"
echo "generated $(wc -l < "$F") expressions ($(du -h "$F" | cut -f1)) into a temp file; cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# run LABEL [JDK_JAVA_OPTIONS [LAUNCHER]]: 5 timed runs, prints each and the median
run() {
  local label="$1" opts="${2:-}" launcher="${3:-java -jar target/dash.jar}" times=() i start end ms cpu rc cmd
  read -ra cmd <<< "$launcher"
  for i in 1 2 3 4 5; do
    start=$(date +%s%N)
    set +e
    if [[ -x /usr/bin/time ]]; then
      JDK_JAVA_OPTIONS="$opts" /usr/bin/time -f "%U %S" -o "$TMP/cpu" "${cmd[@]}" promql check --file "$F" > "$TMP/out.txt" 2>/dev/null
      rc=$?
      cpu=$(awk '{printf "%.2f s CPU", $1 + $2}' "$TMP/cpu")
    else
      JDK_JAVA_OPTIONS="$opts" "${cmd[@]}" promql check --file "$F" > "$TMP/out.txt" 2>/dev/null
      rc=$?
      cpu="CPU n/a"
    fi
    set -e
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    times+=("$ms")
    echo "  $label run $i: ${ms} ms wall, $cpu (exit $rc, $(grep -c '^ok ' "$TMP/out.txt") ok lines)"
  done
  echo "$label: median wall time for $COUNT expressions: $(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p) ms (target < 1000 ms)"
}

run "java -jar dash.jar promql check --file"
run "same with JDK_JAVA_OPTIONS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
./dash --version >/dev/null   # builds the launcher's class-data archive outside the timed runs
run "./dash promql check --file (the launcher: C1, class-data sharing)" "" "./dash"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" io.vertice.dash.bench.PromqlParseBench inprocess "$F"
java -cp "$CP" io.vertice.dash.bench.PromqlParseBench deep
