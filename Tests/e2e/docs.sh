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
./scripts/man.sh .build/plugins/GenerateManual/outputs/crampd/crampd.1 >"$generated"
diff -u docs/crampd.1 "$generated" >/dev/null || fail "docs/crampd.1 is out of date; run: make man"
# The hand-written sections are there, and the help text keeps its line breaks.
for section in ENVIRONMENT FILES '"EXIT STATUS"' '"SEE ALSO"'; do
    grep -qx ".Sh $section" docs/crampd.1 || fail "crampd(1) has no $section section"
done
rendered=$(MANWIDTH=100 man -l docs/crampd.1 2>/dev/null)
for code in 0 1 2 69 78; do
    grep -qE "^ {5,}$code( |$)" <<<"$rendered" || fail "crampd(1) EXIT STATUS does not explain $code"
done
grep -q "crampd.toml(5), systemd.service(5)" <<<"$rendered" || fail "crampd(1) SEE ALSO misses crampd.toml(5) or systemd.service(5)"
grep -qE "^ +systemctl --user start crampd$" <<<"$rendered" || fail "crampd(1) runs the start command into the next line"

# Every key of the default config: `key = ` lines and commented `# key = ` examples.
keys=$(.build/debug/crampd default-config | sed -nE 's/^#? ?([a-z_]+) = .*/\1/p' | sort -u)
[ -n "$keys" ] || fail "no keys found in the default config"
for key in $keys; do
    grep -qE "^\.(B|BR|TP) .*\b$key\b|\b$key\b" docs/crampd.toml.5 || fail "crampd.toml(5) does not mention $key"
done
echo "docs: crampd.1 current, crampd.toml.5 names $(echo "$keys" | wc -l) keys, both render cleanly"
