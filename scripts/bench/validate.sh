#!/usr/bin/env bash
# Benchmark: validate 1,000 generated dashboards of 20 panels (read from files) against a 50,000-series
# catalogue, in one fresh JVM: the cold run is the figure that counts (target under 3 s), warm runs follow.
#   scripts/bench/validate.sh [DASHBOARDS] [PANELS] [SERIES] [WARM_RUNS]
set -euo pipefail
# shellcheck source=scripts/bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_help "$@"
names=(DASHBOARDS PANELS SERIES WARM_RUNS)
for i in "${!names[@]}"; do
  [ "$#" -gt "$i" ] && bench_count "${names[$i]}" "${@:$((i + 1)):1}"
done
cd "$bench_root"
bench_build target/test-classes/io/vertice/dash/validate/bench
# the JVM options of the `dash` launcher (serial GC, C1 only): the way `dash validate` runs
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp target/dash.jar:target/test-classes io.vertice.dash.validate.bench.ValidateBench "$@"
echo "(load: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc))"
