#!/usr/bin/env bash
# Checks the ./dash launcher the way a newcomer meets it, on a copy of this checkout (this one is left alone):
#  1. three ./dash started together after a source change: one builds, the others wait, all three run;
#  2. the checkout moved: the class-data archive is made again for the new path, and dash's classes
#     really come from it;
#  3. a JDK older than 17: one sentence and exit 2, no stack trace.
# Takes a few minutes (two Maven builds). Exit 0 when all hold, 1 otherwise.
set -euo pipefail

usage() {
  sed -n '2,7s/^# \{0,1\}//p' "$0"
  echo "usage: scripts/check-launcher.sh [--help]"
}
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  "") ;;
  *) echo "check-launcher: unknown argument '$1'; see 'scripts/check-launcher.sh --help'." >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }
# expect TEST-ARGS... -- WHAT: passes when the test command holds
expect() {
  local args=()
  while [ "$1" != -- ]; do args+=("$1"); shift; done
  shift
  if [ "${args[@]}" ]; then pass "$*"; else fail "$*"; fi
}

# The files git knows (committed or not, ignored ones left out): what a fresh clone plus local edits holds.
mkdir "$work/a"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$work/a"

echo "check-launcher: first build in a copy at $work/a (a minute or two)..."
"$work/a/dash" --version >/dev/null 2>"$work/first.err" || { cat "$work/first.err"; fail "the first build"; exit 1; }

# 1. Three at once after a source change.
touch "$work/a/src/main/java/io/vertice/dash/cli/Main.java"
pids=()
for i in 1 2 3; do
  "$work/a/dash" list >"$work/out.$i" 2>"$work/err.$i" &
  pids+=($!)
done
for i in 1 2 3; do
  if wait "${pids[$((i - 1))]}"; then :; else fail "dash #$i exited $? ($(head -c 300 "$work/err.$i"))"; fi
done
builds="$(cat "$work"/err.1 "$work"/err.2 "$work"/err.3 | grep -c 'dash: building' || true)"
expect "$builds" = 1 -- "three dash started together: $builds build(s), expected 1"
if cmp -s "$work/out.1" "$work/out.2" && cmp -s "$work/out.1" "$work/out.3" && [ -s "$work/out.1" ]; then
  pass "all three printed the same listing"
else
  fail "the three listings differ or are empty"
fi
leftovers="$(find "$work/a/target" -maxdepth 1 -name '.dash.jar.*' | wc -l)"
expect "$leftovers" = 0 -- "$leftovers temporary jar(s) left in target/"

# 2. The checkout moves: the archive keyed by the old path no longer fits; a new one is made and used.
mv "$work/a" "$work/b"
before="$(find "$work/b/target" -maxdepth 1 -name 'dash.*.jsa' | wc -l)"
"$work/b/dash" --version >/dev/null 2>&1 || fail "dash after the move"
after="$(find "$work/b/target" -maxdepth 1 -name 'dash.*.jsa' | wc -l)"
expect "$after" -gt "$before" -- "moved checkout: class-data archives $before before, $after after (one more for the new path)"
# dash's own classes come from the archive, not from the jar (the JDK's default archive has none of them)
if DASH_JAVA_OPTS=-Xlog:class+load=info:stdout "$work/b/dash" --version 2>&1 \
     | grep -q 'io\.vertice\.dash\.cli\.Main source: shared objects file'; then
  pass "after the move, dash's classes are mapped from the archive"
else
  fail "after the move, dash's classes are loaded from the jar: the archive is not used"
fi

# 3. An old JDK: a stand-in java that reports 11.
mkdir -p "$work/jdk11/bin"
printf '#!/bin/sh\necho '\''openjdk version "11.0.22" 2024-01-16'\'' >&2\n' >"$work/jdk11/bin/java"
chmod +x "$work/jdk11/bin/java"
set +e
JAVA_HOME="$work/jdk11" "$work/b/dash" --version >"$work/old.out" 2>"$work/old.err"
code=$?
set -e
lines="$(wc -l <"$work/old.err")"
if [ "$code" = 2 ] && [ "$lines" = 1 ] && grep -q 'needs Java 17 or newer' "$work/old.err" && ! grep -q Exception "$work/old.err"; then
  pass "JDK 11: one sentence, exit 2"
else
  fail "JDK 11: exit $code, $lines line(s): $(head -c 300 "$work/old.err")"
fi

if [ "$failures" -gt 0 ]; then
  echo "check-launcher: $failures check(s) failed."
  exit 1
fi
echo "check-launcher: the launcher holds."
