#!/usr/bin/env bash
# Import the cockpit dashboards into Grafana, validating them first. Settings come from the environment.
set -euo pipefail
usage() {
  cat <<'TXT'
Usage: scripts/import-dashboards.sh [--dry-run] [extra dash import options]

Environment:
  GRAFANA_URL        Grafana base URL (required), e.g. https://grafana.example.org
  GRAFANA_TOKEN      service account token (or GRAFANA_USER and GRAFANA_PASSWORD)
  GRAFANA_ORG_ID     organisation id (optional)
  GRAFANA_FOLDER     folder path, nested with '/', default "Cockpit"
  GRAFANA_MESSAGE    version message (default: dash version and git commit)

Validates every dashboard first (nothing is pushed on an error), then imports them; unchanged
dashboards are not pushed again. Exit 0 all imported, 1 validation errors, 3 a dashboard failed.
Example: GRAFANA_URL=https://grafana.example.org GRAFANA_TOKEN=... scripts/import-dashboards.sh --dry-run
TXT
}
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
if [ -z "${GRAFANA_URL:-}" ]; then
  echo "import-dashboards: set GRAFANA_URL (and GRAFANA_TOKEN); see --help." >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
args=(import --validate --folder "${GRAFANA_FOLDER:-Cockpit}")
[ -n "${GRAFANA_MESSAGE:-}" ] && args+=(--message "$GRAFANA_MESSAGE")
exec "$root/dash" "${args[@]}" "$@"
