#!/usr/bin/env bash
# Benchmark: `dash validate --prometheus` against a real Prometheus holding only the cockpit's series (the
# simulator), then against one that also scrapes a synthetic fleet of N series (default 500,000). Prints both
# wall times and the peak memory (max RSS) of the dash process; target: at most 2x the time, under 384 MB.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/bench/remote-catalogue.sh [--series N] [--runs R] [--live] [--jar FILE]

Starts, on 127.0.0.1 with free ports and temporary directories (all stopped by PID on exit):
  - the cockpit simulator (dash simulate),
  - a synthetic exporter serving N series (50 metric names x N/50 pods; python3 http.server),
  - Prometheus (Debian's prometheus 2.42) scraping only the simulator, then another scraping both.
Runs `dash validate --prometheus URL` (our dashboards) R times against each (default 3) and prints every
wall time and peak RSS (/usr/bin/time), then the median of each and the ratio.
  --series N   synthetic series (default 500000)
  --runs R     runs per server (default 3)
  --live       also run every query (--live)
  --jar FILE   time this dash.jar (e.g. an older build, for comparison) instead of ./dash
USAGE
}

series=500000
runs=3
live=()
jar=""
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --series) series="${2:?--series needs a number}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --live) live=(--live); shift ;;
    --jar) jar="${2:?--jar needs a file}"; shift 2 ;;
    *) echo "remote-catalogue.sh: unknown argument '$1'; see --help" >&2; exit 2 ;;
  esac
done
for tool in prometheus python3 /usr/bin/time curl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "remote-catalogue.sh: $tool is missing (apt-get install prometheus python3 time curl)" >&2; exit 2; }
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./dash --version >/dev/null # builds target/dash.jar (and its class-data archive) when sources changed
dash=(./dash)
if [ -n "$jar" ]; then
  [ -f "$jar" ] || { echo "remote-catalogue.sh: --jar $jar does not exist" >&2; exit 2; }
  dash=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar")
fi

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 130" INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

await() { # URL, seconds
  local i
  for ((i = 0; i < $2 * 5; i++)); do
    curl -fsS --max-time 2 "$1" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "remote-catalogue.sh: $1 did not answer within $2 s" >&2
  exit 3
}

# the simulator
sim_port="$(free_port)"
java -XX:+UseSerialGC -jar target/dash.jar simulate --host 127.0.0.1 --port "$sim_port" --speed 10 >"$work/sim.log" 2>&1 &
pids+=($!)
await "http://127.0.0.1:$sim_port/metrics" 60

# the synthetic fleet: a static exposition of N series
mkdir -p "$work/fleet"
python3 - "$series" "$work/fleet/metrics" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
names = 50
pods = max(1, n // names)
with open(path, "w") as f:
    for m in range(names):
        name = "fleet_pod_metric_%02d" % m
        f.write("# HELP %s A synthetic per-pod gauge.\n# TYPE %s gauge\n" % (name, name))
        for p in range(pods):
            f.write('%s{namespace="ns-%d",pod="pod-%06d",node="node-%d"} %d\n' % (name, p % 100, p, p % 500, p))
PY
fleet_port="$(free_port)"
python3 -m http.server "$fleet_port" --bind 127.0.0.1 --directory "$work/fleet" >"$work/fleet.log" 2>&1 &
pids+=($!)
await "http://127.0.0.1:$fleet_port/metrics" 30

start_prometheus() { # name, targets...; prints the URL
  local name="$1"; shift
  local port; port="$(free_port)"
  mkdir -p "$work/$name"
  {
    echo "global: {scrape_interval: 15s, evaluation_interval: 15s}"
    echo "scrape_configs:"
    echo "  - job_name: maximus-core"
    echo "    static_configs: [{targets: ['127.0.0.1:$sim_port']}]"
    if [ $# -gt 0 ]; then
      echo "  - job_name: fleet"
      echo "    scrape_timeout: 15s"
      echo "    static_configs: [{targets: ['$1']}]"
    fi
  } >"$work/$name/prometheus.yml"
  prometheus --config.file="$work/$name/prometheus.yml" --storage.tsdb.path="$work/$name/data" \
    --web.listen-address="127.0.0.1:$port" >"$work/$name/log" 2>&1 &
  pids+=($!)
  echo "$! http://127.0.0.1:$port"
}

await_series() { # URL, selector, minimum count
  local i n
  for ((i = 0; i < 600; i++)); do
    n="$(curl -fsS --max-time 20 "$1/api/v1/query" --data-urlencode "query=count($2)" 2>/dev/null \
      | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else 0)' 2>/dev/null || echo 0)"
    [ "${n%%.*}" -ge "$3" ] && return 0
    sleep 1
  done
  echo "remote-catalogue.sh: $1 still has fewer than $3 series of $2 after 600 s" >&2
  exit 3
}

measure() { # label, URL
  local i
  for ((i = 1; i <= runs; i++)); do
    rc=0
    /usr/bin/time -f "%e %M" -o "$work/time" "${dash[@]}" validate --prometheus "$2" "${live[@]}" --format json >"$work/out.json" || rc=$?
    read -r secs kb < <(tail -n 1 "$work/time")
    if [ "$rc" -gt 1 ]; then
      echo "$1 run $i: FAILED with exit $rc after ${secs} s, peak RSS $((kb / 1024)) MB" >&2
      echo "$1: dash failed (exit $rc); see the sentence above"
      exit 1
    fi
    echo "$1 run $i: ${secs} s, peak RSS $((kb / 1024)) MB" >&2
    echo "$secs $kb" >>"$work/$1.times"
  done
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print("   findings:", s)' "$work/out.json" >&2
}

median() { sort -n -k1 "$1" | awk '{a[NR]=$1; m[NR]=$2} END {i=int((NR+1)/2); printf "%s %d\n", a[i], m[i]}'; }

start_prometheus small >"$work/small.url"
read -r small_pid small_url <"$work/small.url"
await "$small_url/-/ready" 60
await_series "$small_url" 'maximus_arousal_level' 2
measure small "$small_url"
kill "$small_pid"; wait "$small_pid" 2>/dev/null || true

start_prometheus big "127.0.0.1:$fleet_port" >"$work/big.url"
read -r _ big_url <"$work/big.url"
await "$big_url/-/ready" 60
await_series "$big_url" '{__name__=~"fleet_pod_metric_.*"}' "$((series / 50 * 50))"
await_series "$big_url" 'maximus_arousal_level' 2
measure big "$big_url"

read -r t_small m_small < <(median "$work/small.times")
read -r t_big m_big < <(median "$work/big.times")
ratio="$(python3 -c "print(f'{$t_big / $t_small:.2f}')")"
echo "cockpit series only:        ${t_small} s, peak RSS $((m_small / 1024)) MB (median of $runs)"
echo "plus $series fleet series: ${t_big} s, peak RSS $((m_big / 1024)) MB (median of $runs)"
echo "ratio ${ratio}x (target <= 2x), peak under 384 MB: $([ $((m_big / 1024)) -lt 384 ] && echo yes || echo NO)"
echo "(load: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc))"
