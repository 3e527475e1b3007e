#!/usr/bin/env bash
# The daemon as a real systemd user service (issue 6): installed with the README's command
# into a temporary prefix, started through `systemctl --user`, a reminder two seconds ahead
# reaches the journal with every field, a broken config is refused on reload while the old
# schedule keeps running, a restart keeps the state, and a stop is clean.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/systemd-env.sh

step() { printf '== %s\n' "$*"; }
diagnose_fail() {
    systemctl --user status crampd.service crampd.socket --no-pager >&2 || true
    sdenv_journal -n 30 -o short-precise -t crampd >&2 || true
    sdenv_fail "$@"
}

sdenv_setup_for_install

step "install with the README's command into $SDENV_PREFIX"
make -s install PREFIX="$SDENV_PREFIX" >"$SDENV_TMP/install.log" 2>&1 || { cat "$SDENV_TMP/install.log" >&2; diagnose_fail "make install failed"; }
sdenv_wait_for 15 systemctl --user is-active --quiet crampd.service || diagnose_fail "crampd.service is not active"
status=$(systemctl --user status crampd.service --no-pager 2>&1 || true)
grep -q "Active: active (running)" <<<"$status" || diagnose_fail "not active (running)"
grep -q "Status: \"" <<<"$status" || diagnose_fail "no STATUS= line in systemctl status"
echo "$status" | grep -E "Active:|Status:"
main_pid=$(systemctl --user show -p MainPID --value crampd.service)

step "a reminder two seconds ahead reaches the journal with every field"
due_time=$(date -d '+3 seconds' +%H:%M:%S)
mkdir -p "$config_dir"
cat >"$config_dir/config.toml" <<TOML
[daemon]
grace = "1m"

[[reminder]]
id = "e2e-magnesium"
kind = "electrolyte"
electrolyte = "magnesium"
message = "Take your magnesium (e2e)"
amount = 200
at = "$due_time"
TOML
systemctl --user reload crampd.service
sdenv_wait_for 5 bash -c "systemctl --user show -p StatusText --value crampd.service | grep -q e2e-magnesium" \
    || diagnose_fail "STATUS= does not name the new reminder after reload"
sdenv_wait_journal 10 -t crampd CRAMPD_REMINDER=e2e-magnesium CRAMPD_EVENT=due || diagnose_fail "no reminder in the journal"
entry=$(sdenv_journal -o json -t crampd CRAMPD_REMINDER=e2e-magnesium CRAMPD_EVENT=due | tail -n 1)
python3 - "$entry" <<'PY'
import json, sys
e = json.loads(sys.argv[1])
expect = {"MESSAGE": "Take your magnesium (e2e)", "PRIORITY": "5", "SYSLOG_IDENTIFIER": "crampd",
          "MESSAGE_ID": "35dc5bf6d5da48e09834d50076fc15c0", "CRAMPD_REMINDER": "e2e-magnesium",
          "CRAMPD_KIND": "electrolyte", "CRAMPD_ELECTROLYTE": "magnesium", "CRAMPD_AMOUNT": "200"}
for key, value in expect.items():
    assert e.get(key) == value, f"{key}: expected {value!r}, got {e.get(key)!r}"
due, late = int(e["CRAMPD_DUE_USEC"]), int(e["CRAMPD_LATENESS_USEC"])
received = int(e["__REALTIME_TIMESTAMP"])
assert due % 1_000_000 == 0 and 0 <= late < 1_000_000, (due, late)
assert abs(received - (due + late)) < 1_000_000, (received, due, late)
print(f"journal entry ok: due {due}, lateness {late} us")
PY
[ "$(sdenv_journal -o cat -t crampd CRAMPD_REMINDER=e2e-magnesium CRAMPD_EVENT=due | wc -l)" = 1 ] || diagnose_fail "fired more than once"

step "the binary does not link libsystemd or libsqlite3 (ctl stays light); the daemon loaded both"
needed=$(readelf -d "$SDENV_PREFIX/bin/crampd" | grep NEEDED || true)
if grep -Eq "libsystemd|libsqlite3" <<<"$needed"; then diagnose_fail "crampd links them at exec: $needed"; fi
grep -q "libsystemd.so.0" "/proc/$main_pid/maps" || diagnose_fail "the daemon did not load libsystemd"
grep -q "libsqlite3.so.0" "/proc/$main_pid/maps" || diagnose_fail "the daemon did not load libsqlite3"
echo "NEEDED: $(awk -F'[][]' '{printf "%s ", $2}' <<<"$needed")"

step "the diary works inside the sandbox: the reminder is recorded, a drink is acknowledged"
drink=$("$SDENV_PREFIX/bin/crampd" ctl drink 250) || diagnose_fail "crampd ctl drink failed in the service"
grep -q "^Logged a drink of 250 ml at " <<<"$drink" || diagnose_fail "unexpected answer to drink: $drink"
[ -f "$state_dir/diary.sqlite" ] || diagnose_fail "no diary at $state_dir/diary.sqlite"
"$SDENV_PREFIX/bin/crampd" ctl export --csv | grep -q "^reminder,.*,e2e-magnesium,due," || diagnose_fail "the due reminder is not in the diary"
sdenv_journal_has -t crampd -p crit && diagnose_fail "a crit entry in the journal (diary?)"
echo "$drink"

step "a broken config is refused on reload; the old schedule keeps running"
cp "$config_dir/config.toml" "$SDENV_TMP/good.toml"
cat >"$config_dir/config.toml" <<'TOML'
[[reminder]]
id = "broken"
kind = "hydration"
every: "45m"
TOML
# ExecReload= runs `crampd ctl reload`: systemctl waits for the answer and reports the failure.
if systemctl --user reload crampd.service 2>"$SDENV_TMP/reload.err"; then diagnose_fail "systemctl --user reload succeeded with a broken config"; fi
systemctl --user show -p StatusText --value crampd.service | grep -q "^config error, kept the previous config: .*config.toml:4:6: expected '=' after key" \
    || diagnose_fail "STATUS= does not name the error: $(systemctl --user show -p StatusText --value crampd.service)"
sdenv_wait_journal 5 -t crampd -p err MESSAGE_ID=609b32cc24bb4d67a66b36fde949e0db || diagnose_fail "no config error in the journal"
error_text=$(sdenv_journal -o cat -t crampd MESSAGE_ID=609b32cc24bb4d67a66b36fde949e0db)
grep -q "config.toml:4:6: expected '=' after key \"every\", got ':'" <<<"$error_text" || diagnose_fail "error without file:line:column: $error_text"
grep -q "keeping the previous config" <<<"$error_text" || diagnose_fail "error does not say the old config stays"
systemctl --user is-active --quiet crampd.service || diagnose_fail "the service stopped after a bad reload"
[ "$(systemctl --user show -p MainPID --value crampd.service)" = "$main_pid" ] || diagnose_fail "the daemon was restarted"
systemctl --user show -p StatusText --value crampd.service | grep -q e2e-magnesium || diagnose_fail "the old schedule is gone"
echo "refused with: $(head -n 1 <<<"$error_text")"

step "a broken config at start: crampd runs the last good config and says so; the socket never fails"
# A daemon that exited here was started again by each ctl call, and six calls put crampd.socket
# into failed (service-start-limit-hit); one that runs on needs no start.
systemctl --user restart crampd.service || diagnose_fail "restart failed with a broken config"
for i in 1 2 3 4 5 6 7 8; do
    "$SDENV_PREFIX/bin/crampd" ctl status >/dev/null || diagnose_fail "ctl status $i failed with a broken config"
done
systemctl --user is-active --quiet crampd.service || diagnose_fail "not active with a broken config"
[ "$(systemctl --user show -p ActiveState --value crampd.socket)" = active ] || diagnose_fail "crampd.socket is $(systemctl --user show -p ActiveState --value crampd.socket)"
status_text=$(systemctl --user show -p StatusText --value crampd.service)
grep -q "^config error, running the last good config: .*config.toml:4:6: expected '=' after key" <<<"$status_text" \
    || diagnose_fail "STATUS= at start: $status_text"
ctl_status=$("$SDENV_PREFIX/bin/crampd" ctl status) || diagnose_fail "ctl status failed"
grep -q "Loaded: FAILED" <<<"$ctl_status" && grep -q "config.toml:4:6: expected '=' after key \"every\", got ':'" <<<"$ctl_status" \
    || diagnose_fail "ctl status does not name the error: $ctl_status"
grep -q "(last good copy)" <<<"$ctl_status" || diagnose_fail "ctl status does not say it runs the last good copy: $ctl_status"
"$SDENV_PREFIX/bin/crampd" ctl list | grep -q e2e-magnesium || diagnose_fail "the last good config is not the one running"
echo "$status_text"
cp "$SDENV_TMP/good.toml" "$config_dir/config.toml"
systemctl --user reload crampd.service || diagnose_fail "reload of the fixed file failed"
status_text=$(systemctl --user show -p StatusText --value crampd.service)
grep -q "config error" <<<"$status_text" && diagnose_fail "STATUS= still names an error after the fix: $status_text"
"$SDENV_PREFIX/bin/crampd" ctl status | grep -q "Loaded: ok" || diagnose_fail "ctl status not ok after the fix"
echo "fixed: $status_text"

step "a restart keeps the state: nothing fires twice"
state_before=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["reminders"]["e2e-magnesium"]["lastFired"])' "$state_dir/state.json")
systemctl --user restart crampd.service
sdenv_wait_for 15 systemctl --user is-active --quiet crampd.service || diagnose_fail "not active after restart"
[ "$(systemctl --user show -p MainPID --value crampd.service)" != "$main_pid" ] || diagnose_fail "restart kept the old process"
sleep 1
state_after=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["reminders"]["e2e-magnesium"]["lastFired"])' "$state_dir/state.json")
[ "$state_before" = "$state_after" ] || diagnose_fail "state changed across restart: $state_before -> $state_after"
[ "$(sdenv_journal -o cat -t crampd CRAMPD_REMINDER=e2e-magnesium CRAMPD_EVENT=due | wc -l)" = 1 ] || diagnose_fail "fired again after restart"
echo "state kept: lastFired $state_after"

step "as a new user: crampd ctl set water every=30m, at once, in list, across a restart, undone by reset"
crampd="$SDENV_PREFIX/bin/crampd"
rm "$config_dir/config.toml"        # back to the built-in default, which has "water"
systemctl --user reload crampd.service
sdenv_wait_for 5 bash -c "'$crampd' ctl list | grep -q '^.* water .*every 1h30m'" || diagnose_fail "default water reminder not listed"
"$crampd" ctl set water every=30m | tee "$SDENV_TMP/set.out"
grep -qx "  schedule: every 1h30m between 08:00-20:00 -> every 30m between 08:00-20:00" "$SDENV_TMP/set.out" || diagnose_fail "set did not report the change"
"$crampd" ctl list | grep -E " water +every 30m between 08:00-20:00" || diagnose_fail "list does not show every 30m"
systemctl --user restart crampd.service
sdenv_wait_for 15 systemctl --user is-active --quiet crampd.service || diagnose_fail "not active after restart"
"$crampd" ctl list | grep -E " water +every 30m between 08:00-20:00" || diagnose_fail "the change did not survive the restart"
"$crampd" ctl reset water
"$crampd" ctl list | grep -E " water +every 1h30m between 08:00-20:00" || diagnose_fail "reset did not undo the change"
[ ! -e "$config_dir/config.d/50-crampd-ctl.toml" ] || diagnose_fail "reset left the ctl drop-in behind"

step "stop is clean and quick"
began=$(date +%s%N)
systemctl --user stop crampd.service
elapsed_ms=$(( ($(date +%s%N) - began) / 1000000 ))
[ "$(systemctl --user show -p ExecMainStatus --value crampd.service)" = 0 ] || diagnose_fail "exit status not 0"
[ "$elapsed_ms" -lt 1000 ] || diagnose_fail "stop took $elapsed_ms ms"
sdenv_wait_journal 5 -t crampd MESSAGE_ID=a9a165e212344934a889e1e3fba03fc2 || diagnose_fail "no stopping entry"
echo "stopped in $elapsed_ms ms, exit status 0"
echo "daemon-service: ok"
