#!/usr/bin/env bash
# PromQL parse benchmark: 100,000 dashboard-style expressions.
# 1. wall time of `java -jar target/dash.jar promql check --file F` including JVM start, median of 5 runs
#    (target: under 1 s);
# 2. in-process throughput (expressions/second) after warm-up.
# Usage: scripts/bench/promql-parse.sh [COUNT]   (run from anywhere; builds the jar only when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT="${1:-100000}"
if [[ ! -f target/dash.jar || ! -d target/test-classes/io/vertice/dash/bench ]]; then
  mvn -o -q package -DskipTests
fi
CP="target/test-classes:target/dash.jar"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
F="$TMP/expressions.txt"
java -cp "$CP" io.vertice.dash.bench.PromqlParseBench generate "$F" "$COUNT"
echo "generated $(wc -l < "$F") expressions ($(du -h "$F" | cut -f1)) into a temp file"

times=()
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  set +e
  java -jar target/dash.jar promql check --file "$F" > "$TMP/out.txt"
  rc=$?
  set -e
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms (exit $rc, $(grep -c '^ok ' "$TMP/out.txt") ok lines)"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "median wall time, $COUNT expressions, java -jar dash.jar promql check --file: ${median} ms (target < 1000 ms)"

java -cp "$CP" io.vertice.dash.bench.PromqlParseBench inprocess "$F"
