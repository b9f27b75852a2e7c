#!/usr/bin/env bash
# A local stack: the simulator and a real Prometheus on 127.0.0.1, live validation against it, and
# (with GRAFANA_URL set) an import of the dashboards. Ctrl-C stops everything.
set -euo pipefail
usage() {
  cat <<'TXT'
Usage: scripts/dev-stack.sh [--once]

Starts `dash simulate` on 127.0.0.1:${SIM_PORT:-9464} and Debian's Prometheus on
127.0.0.1:${PROM_PORT:-9090} with monitoring/prometheus/prometheus.yml (data in a temporary
directory), waits until Prometheus has simulator data, runs `dash validate --live` against it, prints
the URLs, and keeps running until Ctrl-C, which stops both. With GRAFANA_URL (and GRAFANA_TOKEN) set
it also imports the dashboards.
  --once    stop after the live validation (exit code is the validation's)
Every wait is bounded (READY_SECONDS, default 120, for Prometheus to have data): a port already taken,
an engine that stops or never answers is one sentence and exit 3.
Needs: a JDK, and the prometheus package (apt-get install prometheus).
Example: scripts/dev-stack.sh
TXT
}
once=false
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  --once) once=true ;;
  "") ;;
  *) echo "dev-stack: unknown option $1; see --help." >&2; exit 2 ;;
esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sim_port="${SIM_PORT:-9464}"
prom_port="${PROM_PORT:-9090}"
ready_seconds="${READY_SECONDS:-120}"

# A port something already listens on (even a listener that never answers) would make the engine fail
# to start, or the waits below talk to a stranger: refuse it before starting anything.
port_taken() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}
for port_var in SIM_PORT:"$sim_port" PROM_PORT:"$prom_port"; do
  if port_taken "${port_var#*:}"; then
    echo "dev-stack: 127.0.0.1:${port_var#*:} is already in use; set ${port_var%%:*} to a free port." >&2
    exit 3
  fi
done
command -v prometheus >/dev/null || { echo "dev-stack: prometheus not found; apt-get install prometheus" >&2; exit 2; }

work="$(mktemp -d)"
sim_pid=""
prom_pid=""
# SIGTERM, then up to 10 s for a clean exit, then SIGKILL. (Polls: bash's `wait` can block for
# good inside an EXIT trap.)
# shellcheck disable=SC2317 # called from the EXIT trap
stop_pid() {
  local pid="$1"
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}
# shellcheck disable=SC2317 # the EXIT trap
stop() {
  stop_pid "$prom_pid"
  stop_pid "$sim_pid"
  rm -rf "$work"
  echo "dev-stack: stopped"
}
trap stop EXIT
trap 'exit 130' INT TERM

"$root/dash" --version >/dev/null   # build once, before timing anything
"$root/dash" simulate --host 127.0.0.1 --port "$sim_port" >"$work/simulate.log" 2>&1 &
sim_pid=$!
sed "s/127.0.0.1:9464/127.0.0.1:$sim_port/" "$root/monitoring/prometheus/prometheus.yml" >"$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$prom_port" >"$work/prometheus.log" 2>&1 &
prom_pid=$!

prom="http://127.0.0.1:$prom_port"
# every request bounded: a server that accepts and never answers costs 2 s, not forever
fetch() {
  curl -fsS --connect-timeout 2 --max-time 2 "$1" 2>/dev/null
}
echo "dev-stack: waiting for Prometheus to have simulator data (at most $ready_seconds s)..."
deadline=$((SECONDS + ready_seconds))
ready=false
while [ "$SECONDS" -lt "$deadline" ]; do
  if fetch "$prom/api/v1/query?query=maximus_arousal_level" | grep -q '"result":\[{'; then
    ready=true
    break
  fi
  kill -0 "$sim_pid" 2>/dev/null || { echo "dev-stack: the simulator stopped:"; tail -5 "$work/simulate.log"; exit 3; } >&2
  kill -0 "$prom_pid" 2>/dev/null || { echo "dev-stack: Prometheus stopped:"; tail -5 "$work/prometheus.log"; exit 3; } >&2
  sleep 1
done
if ! $ready; then
  echo "dev-stack: Prometheus on $prom had no simulator data after $ready_seconds s; its log ends:" >&2
  tail -5 "$work/prometheus.log" >&2
  exit 3
fi

# $__rate_interval needs a few scrapes of history before rates have data
sleep "${WARMUP_SECONDS:-25}"
set +e
"$root/dash" validate --prometheus "$prom" --live
validation=$?
set -e
if [ -n "${GRAFANA_URL:-}" ]; then
  "$root/dash" import --validate --folder "${GRAFANA_FOLDER:-Cockpit}" || true
fi

if $once; then
  # the stack stops right here, and its temporary directory with it: no URLs or logs to point at
  exit "$validation"
fi
cat <<TXT
dev-stack: running
  simulator   http://127.0.0.1:$sim_port/metrics
  prometheus  $prom   (try: maximus_arousal_level)
  logs        $work (removed on stop)
Ctrl-C to stop.
TXT
while kill -0 "$sim_pid" 2>/dev/null && kill -0 "$prom_pid" 2>/dev/null; do
  sleep 1
done
echo "dev-stack: the simulator or Prometheus stopped:" >&2
tail -5 "$work/simulate.log" "$work/prometheus.log" >&2
exit 3
