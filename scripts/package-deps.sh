#!/usr/bin/env bash
# Which package of dash uses which, from the compiled classes (jdeps), and any cycle among them.
#   scripts/package-deps.sh [CLASSES_DIR]      (default target/classes; run ./mvnw compile first)
# Prints one "from -> to" line per edge between io.vertice.dash packages, then the cycles (or "no cycle").
# Exit 0 without a cycle, 1 with one.
set -euo pipefail
case "${1:-}" in
  -h|--help) sed -n '2,5s/^# \{0,1\}//p' "$0"; exit 0 ;;
esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
classes="${1:-$root/target/classes}"
if [ ! -d "$classes/io/vertice/dash" ]; then
  echo "package-deps: no compiled classes in $classes; run './mvnw -q compile' first." >&2
  exit 2
fi
edges="$(jdeps -verbose:package -filter:none "$classes" 2>/dev/null \
  | awk '$1 ~ /^io\.vertice\.dash/ && $3 ~ /^io\.vertice\.dash/ && $1 != $3 {
           sub(/^io\.vertice\.dash\.?/, "", $1); sub(/^io\.vertice\.dash\.?/, "", $3);
           print ($1 == "" ? "(root)" : $1) " -> " ($3 == "" ? "(root)" : $3) }' | sort -u)"
echo "$edges"
# a cycle: two packages that reach each other (transitive closure over the edges)
echo "$edges" | awk '
  { edge[$1, $3] = 1; node[$1] = 1; node[$3] = 1 }
  END {
    for (k in node) for (i in node) for (j in node)
      if ((i, k) in edge && (k, j) in edge) edge[i, j] = 1
    found = 0
    for (i in node) for (j in node)
      if (i < j && (i, j) in edge && (j, i) in edge) { print "cycle: " i " <-> " j; found = 1 }
    if (!found) print "no cycle"
    exit found
  }'
