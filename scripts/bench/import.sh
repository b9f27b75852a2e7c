#!/usr/bin/env bash
# Benchmark: `dash import` of 100 dashboards into a WireMock fake of Grafana answering after 50 ms,
# --parallel 8 against --parallel 1 (median of 3 runs each). Target: at least 4x faster.
#   scripts/bench/import.sh [DASHBOARDS] [LATENCY_MS] [RUNS]      (default 100 50 3)
# Exits 1 when the speed-up is below 4x.
set -euo pipefail
# shellcheck source=scripts/bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_help "$@"
bench_count DASHBOARDS "${1:-100}"
bench_count LATENCY_MS "${2:-50}"
bench_count RUNS "${3:-3}"
cd "$bench_root"
bench_build target/test-classes/io/vertice/dash/grafana/bench   # the benchmark and the fake Grafana
cp_file=target/bench.classpath
if [[ ! -s "$cp_file" || pom.xml -nt "$cp_file" ]]; then
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
fi
exec java -cp "target/classes:target/test-classes:$(cat "$cp_file")" \
  io.vertice.dash.grafana.bench.ImportBenchmark "${1:-100}" "${2:-50}" "${3:-3}"
