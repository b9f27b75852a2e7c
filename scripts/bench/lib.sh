# shellcheck shell=bash
# Sourced by the benchmarks: their --help, their argument checks and the build they need.
bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# bench_help "$@": on -h/--help prints the script's header comment (its usage) and exits 0.
bench_help() {
  case "${1:-}" in
    -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;;
  esac
}

# bench_count NAME VALUE: VALUE must be a positive whole number, or one sentence and exit 2.
bench_count() {
  if ! [[ "$2" =~ ^[1-9][0-9]*$ ]]; then
    echo "$(basename "$0"): $1 must be a positive whole number, not '$2'; see '$0 --help'." >&2
    exit 2
  fi
}

# bench_build DIR: builds target/dash.jar and the test classes (the benchmarks live there) with the
# Maven wrapper, unless the jar and DIR (a folder of compiled benchmark classes) are already there.
bench_build() {
  if [[ ! -f "$bench_root/target/dash.jar" || ! -d "$bench_root/$1" ]]; then
    (cd "$bench_root" && ./mvnw -B -q -DskipTests package)
  fi
}
