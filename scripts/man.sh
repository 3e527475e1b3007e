#!/usr/bin/env bash
# docs/crampd.1 from swift-argument-parser's generated page (argument 1), on stdout: blank lines
# become paragraphs, every line of the help text keeps its break (.br), and the generic EXIT
# STATUS gives way to the hand-written ENVIRONMENT, FILES, EXIT STATUS and SEE ALSO of
# docs/crampd.1.sections. `make man` writes it; Tests/e2e/docs.sh compares.
set -euo pipefail
sections="$(dirname "$0")/../docs/crampd.1.sections"
awk -v sections="$sections" '
    /^\.Sh "EXIT STATUS"$/ { skipping = 1; while ((getline line < sections) > 0) print line; next }
    skipping && /^\.Sh / { skipping = 0 }
    skipping { next }
    /^$/ { print ".Pp"; text = 0; next }
    /^[.\x27]/ { print; text = 0; next }
    { if (text) print ".br"; print; text = 1 }
' "$1"
