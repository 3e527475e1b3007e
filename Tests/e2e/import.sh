#!/usr/bin/env bash
# Restore (issue 18): `crampd ctl import` of what `crampd ctl export` writes, CSV and JSON,
# against the real daemon in the foreground with temporary XDG dirs: export, wipe the diary,
# import, and `today`, `stats` and `export` say exactly what they said before; importing again
# adds nothing; a damaged file, a record from the future or a file over the cap changes
# nothing and names the place to fix.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/foreground-daemon.sh

# Everything below happens on one local day.
while [ "$(date -u +%H%M)" -ge 2355 ]; do sleep 5; done

due=$(date -u -d '+4 seconds' +%H:%M:%S)
cat >"$XDG_CONFIG_HOME/crampd/config.toml" <<TOML
[daemon]
timezone = "UTC"

[goals]
water_ml = 3000

[[reminder]]
id = "water"
kind = "hydration"
amount = 300
at = "$due"
TOML
start_daemon

ctl() { "$crampd" ctl "$@"; }
# snapshot NAME: what the diary says, in every form the round trip must keep.
snapshot() {
  ctl today >"$work/$1.today"; ctl stats --days 7 >"$work/$1.stats"
  ctl export --csv >"$work/$1.csv"; ctl export --json >"$work/$1.json"
}
same() {  # same WHAT A B
  if cmp -s "$work/$2.$1" "$work/$3.$1"; then ok "$1 after $3 is as $2"; else fail "$1 after $3 differs from $2"; diff "$work/$2.$1" "$work/$3.$1" | head -10; fi
}
wipe() {
  stop_daemon
  rm -f "$diary" "$diary-wal" "$diary-shm"
  start_daemon
  [ "$(ctl export --csv | wc -l)" = 1 ] && ok "the diary is empty after the wipe" || fail "the diary is not empty after the wipe"
}

echo "== a diary: drinks (notes a spreadsheet would run), doses, cramps, reminder events"
ctl drink 250 --note="=HYPERLINK(\"http://x\")" >/dev/null
ctl drink 250 --note="-5 ml spilled, then \"more\"" >/dev/null
ctl drink 250 >/dev/null
ctl drink 250 >/dev/null   # the same drink twice in a second or so: both must come back
ctl take magnesium 200 >/dev/null
ctl take sodium 500 >/dev/null
ctl cramp --muscle calf --severity 7 --at 00:00 --note="@night, woke me" >/dev/null
ctl cramp --severity 3 --note="+1 after
the run" >/dev/null
for _ in $(seq 100); do grep -q "CRAMPD_EVENT=due" "$log" && break; sleep 0.1; done
ctl done water >/dev/null
snapshot before
grep -q "^reminder,.*,water,due," "$work/before.csv" && grep -q "^reminder,.*,water,done," "$work/before.csv" \
  && ok "the export has reminder events" || fail "no reminder events in the export"
grep -q "'=HYPERLINK" "$work/before.csv" && grep -q "'-5 ml" "$work/before.csv" && grep -q "'@night" "$work/before.csv" \
  && ok "formula-like notes are exported as text" || fail "formula escaping"
head -1 "$work/before.csv" | grep -q ",note,id"$'\r'"$" && ok "the CSV carries the id column" || fail "CSV header: $(head -1 "$work/before.csv")"
cp "$work/before.csv" "$work/diary.csv"; cp "$work/before.json" "$work/diary.json"
records=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1], newline=""))))' "$work/diary.csv")
[ "$records" = 11 ] && ok "11 records exported" || fail "records: $records"

echo "== CSV: wipe, import, the same diary"
wipe
out=$(ctl import "$work/diary.csv")
[ "$out" = "Imported $records records; 0 already in the diary." ] && ok "import CSV says what it did" || fail "import CSV: $out"
snapshot csv1
same today before csv1; same stats before csv1; same csv before csv1
out=$(ctl import "$work/diary.csv" --json)
python3 - "$out" "$records" <<'PY' && ok "import twice adds nothing (--json)" || fail "second import: $out"
import json, sys
r = json.loads(sys.argv[1])
assert r == {"added": 0, "alreadyPresent": int(sys.argv[2]), "committed": True, "staged": 0}, r
PY
snapshot csv2
same csv csv1 csv2; same today csv1 csv2
out=$(ctl import "$work/diary.json")
[ "$out" = "Imported 0 records; $records already in the diary." ] && ok "the JSON of the same diary adds nothing after its CSV" || fail "JSON after CSV: $out"

echo "== JSON: wipe, import, the same diary to the microsecond"
wipe
ctl import "$work/diary.json" >/dev/null && ok "import JSON" || fail "import JSON"
snapshot json1
same today before json1; same stats before json1; same csv before json1; same json before json1
out=$(ctl import "$work/diary.json")
[ "$out" = "Imported 0 records; $records already in the diary." ] && ok "JSON twice adds nothing" || fail "JSON twice: $out"

echo "== refusals change nothing and name the place"
rc=0
# Line 4's amount made implausible: caught with its line, nothing of lines 2 and 3 is written.
awk -F, 'BEGIN{OFS=","} NR==4 && $1=="drink" {$4=60000} {print}' "$work/diary.csv" >"$work/damaged.csv"
sed -n 4p "$work/damaged.csv" | grep -q "^drink,.*,60000,ml" || fail "the damaged line is not a drink: $(sed -n 4p "$work/damaged.csv")"
wipe
err=$(ctl import "$work/damaged.csv" 2>&1) && rc=0 || rc=$?
[ "$rc" = 1 ] && [[ "$err" == "$work/damaged.csv:4:1: 60000 ml is more than the 5000 ml accepted for one drink"*"nothing was imported"* ]] \
  && ok "an implausible amount is refused with its line" || fail "damaged CSV: rc $rc: $err"
[ "$(ctl export --csv | wc -l)" = 1 ] && ok "nothing was imported from the damaged file" || fail "the damaged file left records"
printf 'type,time,utc_offset,amount,unit\r\ndrink,2026-11-25 14:03:07,+00:00,250,ml\r\ndrink,2026-11-25 14:03:08,+01:0,250,ml\r\n' >"$work/offset.csv"
err=$(ctl import "$work/offset.csv" 2>&1) && rc=0 || rc=$?
[ "$rc" = 1 ] && [[ "$err" == "$work/offset.csv:3:27: expected a UTC offset like \"+01:00\", got \"+01:0\""* ]] \
  && ok "a bad cell is named by line and column" || fail "bad offset: rc $rc: $err"
python3 - "$work/diary.json" "$work/future.json" <<'PY'
import json, sys, time
d = json.load(open(sys.argv[1]))
d["drinks"][1]["time"] = int((time.time() + 86400) * 1e6)
d["drinks"][1].pop("id")
json.dump(d, open(sys.argv[2], "w"), indent=1)
PY
err=$(ctl import "$work/future.json" 2>&1) && rc=0 || rc=$?
[ "$rc" = 1 ] && [[ "$err" == *"future.json:"*": expected a time up to now"*"(in the future)"* ]] \
  && ok "a record from the future is refused" || fail "future: rc $rc: $err"
line=$(grep -n '"time": '"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["drinks"][1]["time"])' "$work/future.json")" "$work/future.json" | cut -d: -f1)
[[ "$err" == *"future.json:$((line - 4)):"* || "$err" == *"future.json:$((line - 3)):"* || "$err" == *"future.json:$((line - 2)):"* ]] \
  && ok "the JSON refusal names the record's line" || fail "JSON line: want about $line: $err"
truncate -s 65M "$work/big.csv"
err=$(ctl import "$work/big.csv" 2>&1) && rc=0 || rc=$?
[ "$rc" = 1 ] && [[ "$err" == *"big.csv"*"diary import files"* ]] && ok "a file over the cap is refused" || fail "big file: rc $rc: $err"
err=$(ctl import /dev/zero 2>&1) && rc=0 || rc=$?
[ "$rc" = 1 ] && [[ "$err" == *"/dev/zero"* ]] && ok "a device is refused" || fail "/dev/zero: rc $rc: $err"
[ "$(ctl export --csv | wc -l)" = 1 ] && ok "no refusal left a record" || fail "a refusal left records"

stop_daemon
[ "$failures" = 0 ] && echo "PASS import" || { echo "FAIL import: $failures"; cat "$log" | tail -20; exit 1; }
