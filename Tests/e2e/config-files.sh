#!/usr/bin/env bash
# The files crampd reads, against the real daemon in the foreground (issue 13 items 2 and 9,
# issue 14 item 23): a config.toml that is a FIFO neither wedges a reload (SIGHUP, then
# `ctl status` answers within a second) nor check-config; a link to /dev/zero and a file over
# the cap are refused with the reason named; what config.d holds besides regular files, and
# a ctl change to a reminder the user's files no longer define, are warnings in check-config,
# `ctl status`, `ctl reload` and the journal. Everything started here is stopped by PID.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/systemd-env.sh
crampd="$PWD/.build/debug/crampd"
[ -x "$crampd" ] || sdenv_fail "missing $crampd: run swift build first"

sdenv_setup
ok() { printf 'ok   %s\n' "$*"; }
fail() { sdenv_journal -t crampd -o cat -n 20 >&2 || true; sdenv_fail "$@"; }

export XDG_CONFIG_HOME="$SDENV_TMP/config" XDG_STATE_HOME="$SDENV_TMP/state" XDG_DATA_HOME="$SDENV_TMP/data"
export CRAMPD_SOCKET="$SDENV_TMP/ctl.sock" TZ=UTC
config="$XDG_CONFIG_HOME/crampd/config.toml"
dropins="$XDG_CONFIG_HOME/crampd/config.d"
mkdir -p "$dropins"
write_config() {
    rm -f "$config"
    printf '[[reminder]]\nid = "tea"\nkind = "hydration"\nevery = "2h"\n' >"$config"
}
write_config
# What `crampd ctl set water every=45m` wrote on the built-in default, before this config existed.
printf '[[reminder]]\nid = "water"\nevery = "45m"\n' >"$dropins/50-crampd-ctl.toml"

"$crampd" run >"$SDENV_TMP/daemon.log" 2>&1 &
daemon=$!
sdenv_on_exit "kill -TERM $daemon; wait $daemon"
sdenv_wait_for 10 "$crampd" ctl status >/dev/null || { cat "$SDENV_TMP/daemon.log" >&2; fail "the daemon did not start"; }
ok "a ctl change to a reminder config.toml no longer defines does not stop the start"

status=$("$crampd" ctl status)
grep -q 'Warning: .*50-crampd-ctl.toml:2:6: warning: ignored the crampd ctl change to reminder "water"' <<<"$status" \
    && grep -q 'clear it with: crampd ctl reset water' <<<"$status" || { echo "$status" >&2; fail "ctl status does not list the leftover"; }
"$crampd" ctl status --json | python3 -c 'import json,sys; w=json.load(sys.stdin)["configWarnings"]; assert len(w)==1 and "reset water" in w[0], w'
ok "ctl status lists the leftover, in words and in JSON"
sdenv_wait_journal 5 -t crampd --grep 'ignored the crampd ctl change to reminder "water"' || fail "no warning in the journal"
ok "the journal has the warning"

rm "$config"; mkfifo "$config"
kill -HUP "$daemon"
sleep 0.2
started=$(date +%s%N)
status=$(timeout 1 "$crampd" ctl status) || fail "ctl status got no answer within a second after SIGHUP with a FIFO config"
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
grep -q "FAILED at .*, keeping the previous config:" <<<"$status" && grep -q "it is a FIFO, not a regular file" <<<"$status" \
    || { echo "$status" >&2; fail "ctl status does not say why the reload failed"; }
ok "a FIFO config.toml: SIGHUP does not wedge the daemon (ctl status answered in ${elapsed_ms} ms)"

out=$(timeout 5 "$crampd" check-config 2>&1) && fail "check-config accepted a FIFO"
[ $? -ne 124 ] || fail "check-config hung on a FIFO"
grep -qx "Failed to read $config: it is a FIFO, not a regular file; crampd reads only regular files" <<<"$out" || { echo "$out" >&2; fail "check-config: wrong message"; }
ok "check-config refuses a FIFO at once"

rm "$config"; ln -s /dev/zero "$config"
out=$(timeout 5 "$crampd" ctl reload 2>&1) && fail "ctl reload accepted /dev/zero"
grep -q "Failed to read $config: it is a character device, not a regular file" <<<"$out" || { echo "$out" >&2; fail "reload: wrong message for /dev/zero"; }
ok "a link to /dev/zero is refused before a byte is read"

rm "$config"; head -c 1100000 /dev/zero | tr '\0' '#' >"$config"
out=$(timeout 5 "$crampd" ctl reload 2>&1) && fail "ctl reload accepted a 1.1 MB config"
grep -q "Failed to read $config: larger than the 1 MiB cap for config files" <<<"$out" || { echo "$out" >&2; fail "reload: the cap is not named"; }
ok "a config over the cap is refused, naming the cap"

write_config
mkdir "$dropins/20-dir.toml"; mkfifo "$dropins/30-fifo.toml"
ln -s nowhere.toml "$dropins/40-dangling.toml"; ln -s 50-loop.toml "$dropins/50-loop.toml"
out=$("$crampd" ctl reload) || fail "reload failed"
grep -q "with 5 warnings (crampd ctl status lists them)" <<<"$out" || { echo "$out" >&2; fail "reload does not mention the warnings"; }
status=$("$crampd" ctl status)
for line in "20-dir.toml: it is a directory, not a regular file" "30-fifo.toml: it is a FIFO, not a regular file" \
            "40-dangling.toml: it is a link to a file that does not exist" "50-loop.toml: it is a symbolic link loop"; do
    grep -q "Ignored $dropins/$line" <<<"$status" || { echo "$status" >&2; fail "ctl status misses: $line"; }
    sdenv_wait_journal 5 -t crampd --grep "Ignored .*$line" || fail "the journal misses: $line"
done
out=$(timeout 5 "$crampd" check-config)
grep -q "^  Ignored $dropins/30-fifo.toml: it is a FIFO, not a regular file$" <<<"$out" || { echo "$out" >&2; fail "check-config misses the warnings"; }
ok "config.d entries that are not regular files are named in reload, status, check-config and the journal"

rc=0; out=$("$crampd" ctl set tea "message=caf$(printf '\351')" 2>&1) || rc=$?
[ "$rc" = 2 ] && grep -qx "crampd: expected UTF-8 text in argument 4, got invalid bytes; nothing was done" <<<"$out" \
    || { echo "exit $rc: $out" >&2; fail "invalid UTF-8 in a ctl set value was not refused"; }
"$crampd" ctl show tea | grep -q "Time for a glass of water" || fail "the message changed after a refused set"
ok "invalid UTF-8 in a ctl set value is refused, not stored as U+FFFD"

"$crampd" ctl reset water >/dev/null || fail "ctl reset water failed"
"$crampd" ctl status --json | python3 -c 'import json,sys; w=json.load(sys.stdin).get("configWarnings", []); assert not any("water" in x for x in w), w'
ok "crampd ctl reset water clears the leftover"
kill -0 "$daemon" || fail "the daemon died"
kill -TERM "$daemon"; wait "$daemon" || true

# The zone in effect is its rules, not its name: new contents under the same name (a tzdata
# update, a copied /etc/localtime) take effect at the next reload, in what the timer is armed
# for (status `next`) as in `ctl next`.
zonefile="$SDENV_TMP/zoneinfo/Test"
mkdir -p "$(dirname "$zonefile")"
cp /usr/share/zoneinfo/Etc/GMT-1 "$zonefile"
printf '[[reminder]]\nid = "tea"\nkind = "hydration"\nat = "12:00"\n' >"$config"
rm -rf "$dropins"
TZ="$zonefile" "$crampd" run >"$SDENV_TMP/daemon2.log" 2>&1 &
daemon=$!
sdenv_on_exit "kill -TERM $daemon; wait $daemon"
sdenv_wait_for 10 "$crampd" ctl status >/dev/null || { cat "$SDENV_TMP/daemon2.log" >&2; fail "the daemon did not start in zone $zonefile"; }
armed() { "$crampd" ctl status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["next"]["at"])'; }
listed() { "$crampd" ctl next --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["occurrences"][0]["at"])'; }
before=$(armed)
cat /usr/share/zoneinfo/Etc/GMT-5 >"$zonefile"
"$crampd" ctl reload >/dev/null || fail "reload failed"
after=$(armed); next=$(listed)
[ "$after" = "$next" ] || fail "the timer is armed for $after but ctl next says $next"
python3 -c "import sys; d=($before-$after)//1000000 % 86400; sys.exit(0 if d == 4*3600 else 1)" \
    || fail "12:00 moved from $before to $after, not by the 4 hours between GMT-1 and GMT-5"
ok "new contents of the zone file under the same name take effect at reload"
echo "config-files: all passed"
