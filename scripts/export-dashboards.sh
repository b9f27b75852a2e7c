#!/usr/bin/env bash
# Export the cockpit dashboards as JSON (validating them first), or check that the committed JSON is current.
set -euo pipefail
usage() {
  cat <<'TXT'
Usage: scripts/export-dashboards.sh [--check] [--out DIR]

Writes every dashboard to DIR/<uid>.json (default monitoring/grafana/dashboards), after validating
every query against the embedded metric catalogue; nothing is written when validation finds errors.
  --check     write nothing; exit 1 listing files that differ from the code (the CI drift check)
  --out DIR   write somewhere else
Example: scripts/export-dashboards.sh && git add monitoring/grafana/dashboards
TXT
}
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$root/dash" export "$@"
