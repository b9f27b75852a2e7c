#!/usr/bin/env bash
# Simulator exporter benchmark (issue 3). Rerunnable; builds the jar only when it is missing.
#   scripts/bench/simulator.sh [--quick | --latency-only]
#   SIM_JAVA_OPTS="-Xms64m -Xmx64m" scripts/bench/simulator.sh   # JVM options for the simulator process
# 1. scrape latency: median and p99 over 1,000 scrapes at the default catalogue, and with --services N
#    multiplying the series to about 10,000;
# 2. CPU and resident memory of the simulator process with 20 concurrent scrapers at 1 Hz: one minute of
#    warm-up (JIT), then 3 minutes sampled from /proc/<pid>/stat and /proc/<pid>/status every 10 s
#    (memory must stay flat).
# Targets: median <= 2 ms by default, <= 30 ms at 10,000 series, < 5 % of one core with 20 scrapers.
set -euo pipefail
# shellcheck source=scripts/bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_help "$@"
cd "$bench_root"

LOAD_SECONDS=180
WARMUP_SECONDS=60
SERVICES_10K=${SERVICES_10K:-23}
LATENCY_ONLY=false
case "${1:-}" in
  --quick) LOAD_SECONDS=30; WARMUP_SECONDS=15 ;;
  --latency-only) LATENCY_ONLY=true ;;
  "") ;;
  *) echo "simulator.sh: unknown option '$1'; see 'scripts/bench/simulator.sh --help'." >&2; exit 2 ;;
esac

bench_build target/test-classes/io/vertice/dash/simulator/bench
BENCH_CP="target/test-classes:target/dash.jar"
CLK_TCK=$(getconf CLK_TCK)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

SIM_PID=""
bench() { # runs the Java driver; on failure shows what the simulator logged
  java -cp "$BENCH_CP" io.vertice.dash.simulator.bench.ScrapeBench "$@" || { echo "bench failed; simulator log:"; cat /tmp/dash-bench-sim.$$.log; exit 1; }
}
stop_sim() { if [[ -n "$SIM_PID" ]]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; SIM_PID=""; fi; }
trap 'stop_sim; rm -f /tmp/dash-bench-sim.$$.log' EXIT

start_sim() { # args: extra simulate flags
  PORT=$(free_port)
  # shellcheck disable=SC2086 # SIM_JAVA_OPTS holds several options
  java ${SIM_JAVA_OPTS:-} -jar target/dash.jar simulate --port "$PORT" "$@" >/tmp/dash-bench-sim.$$.log 2>&1 &
  SIM_PID=$!
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/metrics" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "simulator did not start:"; cat /tmp/dash-bench-sim.$$.log; exit 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SIM_PID/stat"; }
jit_ticks() { cat /proc/"$SIM_PID"/task/*/stat 2>/dev/null | awk '/\((C1|C2) CompilerThre/ { sub(/^.*\) /, ""); s += $12 + $13 } END {print s + 0}'; } # fields after "(comm) "
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$SIM_PID/status"; }

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), simulator JVM options: ${SIM_JAVA_OPTS:-(defaults)}"

latency() { # url [accept]: 1,000 timed scrapes, plus the simulator's own CPU per scrape over them
  local c0 c1
  c0=$(cpu_ticks)
  bench latency "$@"
  c1=$(cpu_ticks)
  awk -v c="$((c1 - c0))" -v hz="$CLK_TCK" 'BEGIN { printf "   simulator cpu per scrape: %.2f ms (3,000 scrapes incl. warm-up)\n", 1000 * c / hz / 3000 }'
}

echo "== scrape latency, default catalogue (prod,staging of maximus-core), 1,000 scrapes"
start_sim
latency "http://127.0.0.1:$PORT/metrics" 1000
echo "   (text format 0.0.4)"
latency "http://127.0.0.1:$PORT/metrics" 1000 "text/plain;version=0.0.4"
stop_sim

echo "== scrape latency, --services $SERVICES_10K (about 10,000 series), 1,000 scrapes"
start_sim --services "$SERVICES_10K"
latency "http://127.0.0.1:$PORT/metrics" 1000
stop_sim

if $LATENCY_ONLY; then exit 0; fi

echo "== CPU and RSS, default catalogue, 20 scrapers at 1 Hz: ${WARMUP_SECONDS}s warm-up, then ${LOAD_SECONDS}s measured"
start_sim
bench load "http://127.0.0.1:$PORT/metrics" 20 "$((WARMUP_SECONDS + LOAD_SECONDS + 5))" &
LOAD_PID=$!
sleep "$WARMUP_SECONDS" # JIT compilation and the scrapers' connections settle
T0=$(date +%s.%N); C0=$(cpu_ticks); J0=$(jit_ticks)
echo "   t=0s rss=$(rss_kib) KiB"
elapsed=0
while (( elapsed < LOAD_SECONDS )); do
  sleep 10; elapsed=$((elapsed + 10))
  echo "   t=${elapsed}s rss=$(rss_kib) KiB cpu_ticks=$(( $(cpu_ticks) - C0 ))"
done
T1=$(date +%s.%N); C1=$(cpu_ticks); J1=$(jit_ticks)
wait "$LOAD_PID"
awk -v c0="$C0" -v c1="$C1" -v j0="$J0" -v j1="$J1" -v t0="$T0" -v t1="$T1" -v hz="$CLK_TCK" \
  'BEGIN { printf "   cpu: %.2f %% of one core over %.0f s (of which JIT compiler threads %.2f %%)\n", 100 * (c1 - c0) / hz / (t1 - t0), t1 - t0, 100 * (j1 - j0) / hz / (t1 - t0) }'
echo "   load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
stop_sim
