#!/usr/bin/env bash
# The doctor's report end to end (issue 18, item 3): a real daemon with 30 days of diary,
# `crampd ctl report` writing one self-contained HTML page, and headless Chromium (a real
# browser) rendering it to PNG and PDF: the images must not be blank, the charts' colours must
# be on screen, diary text must arrive escaped, and bad spans are refused.
# REPORT_SAMPLE=docs/report-sample.png also keeps a 1000 px wide screenshot for the README.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v chromium >/dev/null || { echo "missing chromium: scripts/deps.sh test"; exit 1; }
source Tests/e2e/lib/foreground-daemon.sh
check() { local name=$1; shift; if "$@"; then ok "$name"; else fail "$name"; fi; }

cat >"$XDG_CONFIG_HOME/crampd/config.toml" <<'TOML'
[daemon]
timezone = "UTC"

[goals]
water_ml = 2000
sodium_mg = 1500
sodium_max_mg = 2300
magnesium_mg = 300
magnesium_max_mg = 400

[[reminder]]
id = "water"
kind = "hydration"
amount = 250
every = "2h"
between = "08:00-20:00"
TOML

# The daemon creates the diary; 30 days of history go in while it is stopped.
start_daemon; stop_daemon
python3 - "$diary" <<'PY'
import random, sqlite3, sys, time
random.seed(18)
db = sqlite3.connect(sys.argv[1])
today = int(time.time()) // 86400 * 86400
def usec(day, hour, minute): return (today - day * 86400 + hour * 3600 + minute * 60) * 1_000_000
for day in range(29, -1, -1):
    for hour in range(8, 21, 2):
        if day == 0 and hour * 3600 > time.time() % 86400: break
        if random.random() < 0.8:
            db.execute("INSERT INTO entry (kind, time_usec, amount) VALUES ('drink', ?, ?)", (usec(day, hour, 5), random.choice([200, 250, 330, 400])))
        planned = usec(day, hour, 0)
        fate = random.choices(["done", "snoozed", "skipped", "missed"], [70, 12, 8, 10])[0]
        db.execute("INSERT INTO reminder_event (reminder, event, planned_usec, actual_usec) VALUES ('water', ?, ?, ?)",
                   ("missed" if fate == "missed" else "due", planned, planned))
        if fate != "missed":
            db.execute("INSERT INTO reminder_event (reminder, event, planned_usec, actual_usec) VALUES ('water', ?, ?, ?)", (fate, planned, planned + 60_000_000))
    if day > 0:
        db.execute("INSERT INTO entry (kind, time_usec, amount, electrolyte) VALUES ('dose', ?, ?, 'magnesium')", (usec(day, 21, 0), random.choice([200, 300, 450])))
        db.execute("INSERT INTO entry (kind, time_usec, amount, electrolyte) VALUES ('dose', ?, ?, 'sodium')", (usec(day, 12, 0), random.choice([800, 1200, 1600, 2500])))
    if day % 4 == 1:
        hour = random.choice([2, 3, 4, 15, 23])
        db.execute("INSERT INTO entry (kind, time_usec, muscle, severity, at_night, note) VALUES ('cramp', ?, ?, ?, ?, ?)",
                   (usec(day, hour, 10), random.choice(["calf", "foot", "hamstring"]), random.randint(3, 8), int(hour >= 22 or hour < 7), None))
db.execute("INSERT INTO entry (kind, time_usec, muscle, severity, at_night, note) VALUES ('cramp', ?, ?, 7, 1, ?)",
           (usec(2, 3, 40), "<b>calf</b>", "woke me up; \"sharp\" <script>alert(1)</script> & stiff after"))
db.execute("INSERT INTO entry (kind, time_usec, amount, note) VALUES ('drink', ?, 500, ?)", (usec(3, 7, 30), "after the run, with salt"))
db.execute("INSERT INTO entry (kind, time_usec, amount, note) VALUES ('drink', ?, 250, ?)", (usec(5, 9, 0), "=SUM(A1:A9)"))
db.commit()
PY
start_daemon

since=$(date -u -d '-29 days' +%F)
"$crampd" ctl report --since "$since" --output "$work/report.html"
html="$work/report.html"
check "report written, mode 0600" test "$(stat -c %a "$html")" = 600
check "five charts: water, sodium, magnesium, reminders, cramps" test "$(grep -o '<svg class="chart"' "$html" | wc -l)" = 5
check "the guidance before the first chart" python3 -c '
import sys; h = open(sys.argv[1]).read()
assert h.index("See a doctor when cramps are severe, persistent, or come with weakness or numbness.") < h.index("<svg class=\"chart\"")' "$html"
check "diary text escaped" grep -qF '&quot;sharp&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; stiff' "$html"
check "no markup from the diary" bash -c '! grep -q "<script\|<b>" "$1"' _ "$html"
check "nothing fetched from the network" bash -c '! grep -o "https\?://[^\"]*" "$1" | grep -v "^http://www.w3.org/2000/svg$"' _ "$html"
check "30 days" grep -qF "$since to $(date -u +%F) (30 days)" "$html"
check "a night cramp marked" grep -qF '<td>night</td><td>&lt;b&gt;calf&lt;/b&gt;</td><td>7/10</td>' "$html"
"$crampd" ctl report --since "$since" > "$work/stdout.html"
check "standard output gets the same page" cmp -s "$html" "$work/stdout.html"
"$crampd" ctl report --since "$since" --json > "$work/report.json"
check "--json is the data" python3 -c '
import json, sys; r = json.load(open(sys.argv[1]))
assert len(r["stats"]["days"]) == 30 and r["stats"]["waterGoalMilliliters"] == 2000 and len(r["cramps"]) >= 8, r.keys()' "$work/report.json"

# Patterns: the report's counts as text, with the educational wording.
"$crampd" ctl patterns --days 30 > "$work/patterns.txt"
check "patterns: a line per finding" grep -qE '^night cramps: [0-9]+ of [0-9]+ followed a day under 60% of the water goal; cramp-free days: [0-9]+ of [0-9]+$' "$work/patterns.txt"
check "patterns: too few day cramps" grep -qE '^day cramps: too few cramps to say \([0-2]; at least 3 needed\)$' "$work/patterns.txt"
check "patterns: not a diagnosis" grep -qF "A pattern in your own log, not a diagnosis" "$work/patterns.txt"
"$crampd" ctl patterns --days 30 --json > "$work/patterns.json"
check "patterns --json matches the report's" python3 -c '
import json, sys; p = json.load(open(sys.argv[1])); r = json.load(open(sys.argv[2]))
assert p == r["patterns"] and p["groups"][0]["count"] >= 3, p' "$work/patterns.json" "$work/report.json"

# Export: a span and one kind of record; a formula stays text in a spreadsheet.
"$crampd" ctl export --csv --kind cramp --since "$since" --until "$(date -u -d '-2 days' +%F)" > "$work/cramps.csv"
check "export --kind cramp --until: only cramps, none after" python3 -c '
import csv, sys; rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert rows and all(r["type"] == "cramp" for r in rows) and max(r["time"] for r in rows) < sys.argv[2], rows[-1]' "$work/cramps.csv" "$(date -u -d '-1 days' +%F)"
"$crampd" ctl export --csv --kind drink > "$work/drinks.csv"
check "export: a formula is text" grep -qF ",'=SUM(A1:A9)" "$work/drinks.csv"

# Refused spans: the daemon's words, exit status 1; a malformed date is a usage error (2).
rc=0; "$crampd" ctl report --since 2026-11-10 --until 2026-11-01 2>"$work/err" >/dev/null || rc=$?
check "--until before --since refused" test "$rc:$(cat "$work/err")" = "1:expected --since on or before --until, got 2026-11-10 after 2026-11-01"
rc=0; "$crampd" ctl report --since 2024-01-01 --until 2025-06-30 2>"$work/err" >/dev/null || rc=$?
check "more than a year refused" test "$rc:$(cat "$work/err")" = "1:expected at most 366 days from --since to --until, got 547; make two reports"
rc=0; "$crampd" ctl report --since 2026-13-01 2>"$work/err" >/dev/null || rc=$?
check "a bad date is a usage error" test "$rc" = 2

# A real browser: screenshot and PDF, neither blank, the charts' colours on screen.
chrome() { timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/chromium" "$@" >>"$work/chromium.log" 2>&1; }
chrome --hide-scrollbars --window-size=1000,2600 --screenshot="$work/report.png" "file://$html"
chrome --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "file://$html"
check "screenshot written" test -s "$work/report.png"
stddev=$(convert "$work/report.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
check "screenshot not blank (grey deviation $stddev)" python3 -c "import sys; sys.exit(0 if float('$stddev') > 0.05 else 1)"
share() { convert "$work/report.png" -alpha off -fuzz 4% -fill black +opaque "$1" -fill white -opaque "$1" -format '%[fx:mean]' info:; }
water=$(share '#3b82c4'); night=$(share '#dfe3f3'); done_=$(share '#2e9d4f')
check "water bars on screen ($water)" python3 -c "import sys; sys.exit(0 if float('$water') > 0.002 else 1)"
check "night band on screen ($night)" python3 -c "import sys; sys.exit(0 if float('$night') > 0.002 else 1)"
check "reminder bars on screen ($done_)" python3 -c "import sys; sys.exit(0 if float('$done_') > 0.001 else 1)"
check "PDF written" bash -c 'head -c 5 "$1" | grep -q "%PDF-"' _ "$work/report.pdf"
pages=$(python3 -c '
import re, sys, zlib
data = open(sys.argv[1], "rb").read()
print(len(re.findall(rb"/Type\s*/Page[^s]", data)))' "$work/report.pdf")
check "PDF has pages ($pages)" test "$pages" -ge 2
if command -v gs >/dev/null; then
  gs -q -dNOPAUSE -dBATCH -sDEVICE=pnggray -r50 -dFirstPage=1 -dLastPage=1 -sOutputFile="$work/page1.png" "$work/report.pdf"
  pdfdev=$(convert "$work/page1.png" -format '%[fx:standard_deviation]' info:)
  check "PDF page 1 not blank ($pdfdev)" python3 -c "import sys; sys.exit(0 if float('$pdfdev') > 0.05 else 1)"
fi
if [ -n "${REPORT_SAMPLE:-}" ]; then
  convert "$work/report.png" -trim +repage -bordercolor white -border 10 -strip -colors 64 "PNG8:$REPORT_SAMPLE"
  echo "kept $REPORT_SAMPLE"
fi

stop_daemon
[ "$failures" = 0 ] && echo "PASS report" || { echo "FAILED $failures check(s)"; exit 1; }
