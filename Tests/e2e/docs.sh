#!/usr/bin/env bash
# The man pages stay true: crampd(1) is what `make man` generates from the current command
# tree, crampd.toml(5) names every key the default config documents, and both render cleanly.
set -euo pipefail
cd "$(dirname "$0")/../.."
fail() { echo "FAIL: $*" >&2; exit 1; }

for page in docs/crampd.1 docs/crampd.toml.5; do
    warnings=$(MANWIDTH=80 man -l "$page" 2>&1 >/dev/null || true)
    [ -z "$warnings" ] || fail "$page renders with warnings: $warnings"
done

generated=$(mktemp)
trap 'rm -f "$generated"' EXIT
swift package --allow-writing-to-package-directory generate-manual --configuration debug \
    --date 2026-11-25 --authors 'crampd developers' >/dev/null 2>&1
sed 's/^$/.Pp/' .build/plugins/GenerateManual/outputs/crampd/crampd.1 >"$generated"
diff -u docs/crampd.1 "$generated" >/dev/null || fail "docs/crampd.1 is out of date; run: make man"

# Every key of the default config: `key = ` lines and commented `# key = ` examples.
keys=$(.build/debug/crampd default-config | sed -nE 's/^#? ?([a-z_]+) = .*/\1/p' | sort -u)
[ -n "$keys" ] || fail "no keys found in the default config"
for key in $keys; do
    grep -qE "^\.(B|BR|TP) .*\b$key\b|\b$key\b" docs/crampd.toml.5 || fail "crampd.toml(5) does not mention $key"
done
echo "docs: crampd.1 current, crampd.toml.5 names $(echo "$keys" | wc -l) keys, both render cleanly"
