#!/usr/bin/env bash
# Benchmark: validate 1,000 generated dashboards of 20 panels (read from files) against a 50,000-series
# catalogue, in one fresh JVM: the cold run is the figure that counts (target under 3 s), warm runs follow.
#   scripts/bench/validate.sh [DASHBOARDS] [PANELS] [SERIES] [WARM_RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if [ ! -f target/test-classes/io/vertice/dash/validate/bench/ValidateBench.class ] || [ ! -f target/dash.jar ]; then
  mvn -o -q package -DskipTests
  mvn -o -q test-compile
fi
# the JVM options of the `dash` launcher (serial GC, C1 only): the way `dash validate` runs
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp target/dash.jar:target/test-classes io.vertice.dash.validate.bench.ValidateBench "$@"
echo "(load: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc))"
