#!/usr/bin/env bash
# Benchmark: `dash import` of 100 dashboards into a WireMock fake of Grafana answering after 50 ms,
# --parallel 8 against --parallel 1 (median of 3 runs each). Target: at least 4x faster.
#   scripts/bench/import.sh [DASHBOARDS] [LATENCY_MS] [RUNS]      (default 100 50 3)
# Exits 1 when the speed-up is below 4x.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if [[ ! -f target/dash.jar || ! -d target/test-classes/io/vertice/dash/grafana/bench ]]; then
  mvn -o -q package -DskipTests            # compiles the test classes too (the benchmark and the fake)
fi
cp_file=target/bench.classpath
if [[ ! -s "$cp_file" || pom.xml -nt "$cp_file" ]]; then
  mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
fi
exec java -cp "target/classes:target/test-classes:$(cat "$cp_file")" \
  io.vertice.dash.grafana.bench.ImportBenchmark "${1:-100}" "${2:-50}" "${3:-3}"
