#!/usr/bin/env bash
# What one simulator serves, by number of services: the figures behind `dash simulate`'s bounds
# (--services at most 100, --speed at most 3600). Rerunnable; builds the jar with ./mvnw only when missing.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: scripts/bench/simulator-limits.sh [--speed X] [SERVICES...]

Starts `dash simulate --port 0 --services N` for each N (default: 1 25 100), waits until it serves,
then scrapes /metrics twice (3 s and 8 s after start-up) and prints per N: seconds until serving,
series exposed, the two scrape times, resident memory (RSS) and CPU used over 5 s.
Each simulator is stopped by its own PID. --speed X runs them at that speed (default 1).
The machine's load is printed first: on a shared machine the times move with it.
USAGE
}

speed=1
services=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --speed) speed="$2"; shift 2 ;;
    *) services+=("$1"); shift ;;
  esac
done
[[ ${#services[@]} -eq 0 ]] && services=(1 25 100)

cd "$(dirname "$0")/../.."
if [[ ! -f target/dash.jar ]]; then
  ./mvnw -B -q -o -DskipTests package
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"

log=$(mktemp)
body=$(mktemp)
pid=""
cleanup() { if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -f "$log" "$body"; }
trap cleanup EXIT

for n in "${services[@]}"; do
  start=$(date +%s.%N)
  java -jar target/dash.jar simulate --port 0 --services "$n" --speed "$speed" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q serving "$log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  url=$(grep -o 'http://[^ ]*/metrics' "$log" || true)
  if [[ -z "$url" ]]; then
    echo "services=$n: not serving after 60 s: $(tail -1 "$log")"
  else
    ready=$(echo "$(date +%s.%N) - $start" | bc)
    sleep 3
    first=$(curl -s -o "$body" -w '%{time_total}' --max-time 60 "$url")
    series=$(grep -vc '^#' "$body" || true)
    sleep 5
    second=$(curl -s -o /dev/null -w '%{time_total}' --max-time 60 "$url")
    cpu1=$(awk '{print $14+$15}' "/proc/$pid/stat")
    sleep 5
    cpu2=$(awk '{print $14+$15}' "/proc/$pid/stat")
    rss=$(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status")
    printf 'services=%-4s speed=%-5s serving after %.1f s  %6s series  scrape %.2f s / %.2f s  RSS %s  CPU %s%% of a core\n' \
      "$n" "$speed" "$ready" "$series" "$first" "$second" "$rss" "$(( (cpu2 - cpu1) * 100 / (5 * $(getconf CLK_TCK)) ))"
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
done
