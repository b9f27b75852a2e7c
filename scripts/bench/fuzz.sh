#!/usr/bin/env bash
# Benchmark: the reading fuzz test (ReadingCommandsFuzzTest) at a chosen size, with the time of each
# layer: CASES broken dashboards through reader, validator, diff and normaliser; COMMAND_CASES broken
# dashboards through every reading command in-process. SEED replays a run.
set -euo pipefail
usage() {
  cat <<'TXT'
Usage: scripts/bench/fuzz.sh [CASES] [COMMAND_CASES] [SEED]

Runs the reading fuzz test through ./mvnw and prints how long each layer took, in seconds, and the
machine's load (wall times on a shared machine move with it).
  CASES          broken dashboards read, validated, diffed and normalised (default 2000)
  COMMAND_CASES  broken dashboards run through validate, diff, import, pull, export --check (default 40)
  SEED           the run's seed (default: a new one; a failure prints the seed of its case)
TXT
}
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
cases="${1:-2000}"
command_cases="${2:-40}"
seed_arg=()
if [ -n "${3:-}" ]; then seed_arg=("-Ddash.fuzz.seed=$3"); fi
for n in "$cases" "$command_cases"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: counts are whole numbers; see --help." >&2; exit 2; }
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -B -q -o test -Dtest=ReadingCommandsFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddash.fuzz.cases="$cases" -Ddash.fuzz.commandCases="$command_cases" "${seed_arg[@]}"
report=target/surefire-reports/TEST-io.vertice.dash.cli.ReadingCommandsFuzzTest.xml
sed -n 's/.*<testcase name="\([^"]*\)".* time="\([0-9.,]*\)".*/\2 s  \1/p' "$report"
echo "($cases + $command_cases cases; load: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc))"
