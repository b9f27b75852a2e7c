#!/usr/bin/env bash
# Benchmark: wall time of `./dash export` on an already built jar (median, min, max over N runs).
# Target: median at most 0.5 s on a 2-core machine.
#   scripts/bench/export.sh [RUNS] [SCHEMA]   (default 21 runs, schema classic; v2 times --schema v2)
set -euo pipefail
# shellcheck source=scripts/bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_help "$@"
root="$bench_root"
runs="${1:-21}"
schema="${2:-classic}"
bench_count RUNS "$runs"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

"$root/dash" --version >/dev/null          # builds the jar and the class-data archive if needed
"$root/dash" export --schema "$schema" --out "$out" >/dev/null  # first export writes; the timed ones find files unchanged too

times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$root/dash" export --schema "$schema" --out "$out" >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
median=${sorted[$(( runs / 2 ))]}
echo "dash export --schema $schema: runs=$runs median=${median}ms min=${sorted[0]}ms max=${sorted[$(( runs - 1 ))]}ms (load: $(cut -d' ' -f1-3 /proc/loadavg))"
