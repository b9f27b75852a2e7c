#!/usr/bin/env bash
# Benchmark: wall time of one `./dash validate` over the development corpus of public dashboards
# (../shared/dashboards-corpus) plus our own exported dashboards, JVM start included (median, min, max).
set -euo pipefail
usage() {
  cat <<'TXT'
Usage: scripts/bench/validate-corpus.sh [RUNS]

Times `./dash validate FILE...` over every dashboard of ../shared/dashboards-corpus (or $DASH_CORPUS) and
monitoring/grafana/dashboards/*.json, in one process per run, JVM start included, RUNS times (default 11),
and prints the median, min and max wall time with the machine's load. Target: under 1.5 s on 2 cores.
The jar is built with ./mvnw (through ./dash) when it is missing or older than the sources.
Example: scripts/bench/validate-corpus.sh 21
TXT
}
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-11}"
corpus="${DASH_CORPUS:-$root/../shared/dashboards-corpus}"
if [ ! -d "$corpus" ]; then
  echo "validate-corpus.sh: $corpus is absent; set DASH_CORPUS to a folder of dashboard JSON files." >&2
  exit 2
fi
mapfile -t files < <(find "$corpus" "$root/monitoring/grafana/dashboards" -name '*.json' | sort)

"$root/dash" --version >/dev/null   # builds the jar (./mvnw) and the class-data archive when needed
"$root/dash" validate "${files[@]}" >/dev/null || true   # one untimed run: file cache warm

times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$root/dash" validate "${files[@]}" >/dev/null || true   # exit 1: the corpus has real findings
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
median=${sorted[$(( runs / 2 ))]}
echo "dash validate, ${#files[@]} dashboards: runs=$runs median=${median}ms min=${sorted[0]}ms max=${sorted[$(( runs - 1 ))]}ms" \
     "(load: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc))"
