#!/usr/bin/env bash
# The pipeline's dashboard checks, runnable locally: drift, validation (GitHub annotations), docs drift.
set -uo pipefail
usage() {
  cat <<'TXT'
Usage: scripts/ci-check.sh

Runs, and reports every failure (not only the first):
  1. dash export --check             committed JSON equals the code
  2. dash validate --format github   every query valid against the metric catalogue
  3. dash docs --check               docs/dashboards.md, docs/rules.md and the README's rule table equal the code
Exit 0 when all pass, 1 otherwise. The tests themselves run with ./mvnw -B verify.
Example: scripts/ci-check.sh || echo "fix before pushing"
TXT
}
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
status=0
run() {
  echo "== dash $*"
  "$root/dash" "$@" || status=1
}
run export --check
run validate --format github
run docs --check
if [ "$status" -eq 0 ]; then echo "ci-check: all checks passed"; else echo "ci-check: some checks failed" >&2; fi
exit "$status"
