#!/usr/bin/env bash
# A diary held locked by another program (issue 13 item 4), and a clean stop (item 8): the
# real daemon in the foreground with temporary XDG dirs; the sqlite3 shell holds the diary with
# BEGIN EXCLUSIVE while `crampd ctl` runs. While it is locked, `ctl status` answers at once, a
# reminder fires on time, and each `ctl drink` is answered within crampd's bounded wait:
# recorded, or `diary-busy` with nothing recorded. After the lock is released the reminder's
# event is in the diary, every acknowledged drink is there once, and a drink sent while a short
# lock is held commits when it is released. SIGTERM then leaves every record in diary.sqlite
# itself (the WAL checkpointed), so a copy of that one file is a complete backup.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/foreground-daemon.sh
command -v sqlite3 >/dev/null || { echo "missing sqlite3: scripts/deps.sh test"; exit 1; }
holder_pid="" holder_fd=""
release_lock() {
  if [ -n "$holder_fd" ]; then echo "COMMIT;" >&"$holder_fd" || true; exec {holder_fd}>&-; holder_fd=""; fi
  if [ -n "$holder_pid" ]; then
    for _ in $(seq 50); do kill -0 "$holder_pid" 2>/dev/null || break; sleep 0.1; done
    kill "$holder_pid" 2>/dev/null || true; wait "$holder_pid" 2>/dev/null || true; holder_pid=""
  fi
}
trap 'release_lock; stop_daemon; rm -rf "$work"' EXIT
ms() { date +%s%3N; }

# The reminder below is a few seconds ahead: not across midnight.
while [ "$(date -u +%H%M)" -ge 2358 ]; do sleep 5; done

# Holds the diary with BEGIN EXCLUSIVE in the sqlite3 shell until release_lock.
hold_lock() {
  rm -f "$work/holder.in" "$work/holder.out"; mkfifo "$work/holder.in"
  sqlite3 "$diary" <"$work/holder.in" >"$work/holder.out" 2>&1 &
  holder_pid=$!
  exec {holder_fd}>"$work/holder.in"
  printf 'BEGIN EXCLUSIVE;\nSELECT %s;\n' "'locked'" >&"$holder_fd"
  for _ in $(seq 50); do grep -q locked "$work/holder.out" 2>/dev/null && return 0; sleep 0.1; done
  echo "FAIL sqlite3 did not take the lock: $(cat "$work/holder.out")"; exit 1
}

# drink NOTE: runs `ctl drink 100 --note NOTE`, writes "NOTE RC MILLISECONDS" to $work/drinks.
drink() {
  local started rc=0
  started=$(ms)
  "$crampd" ctl drink 100 --note "$1" >"$work/out.$1" 2>"$work/err.$1" || rc=$?
  echo "$1 $rc $(( $(ms) - started ))" >>"$work/drinks"
}

t1=$(date -u -d '+7 seconds' +%H:%M:%S)
cat >"$XDG_CONFIG_HOME/crampd/config.toml" <<TOML
[daemon]
timezone = "UTC"

[[reminder]]
id = "water"
kind = "hydration"
at = "$t1"
TOML
"$crampd" run >>"$log" 2>&1 &
daemon_pid=$!
for _ in $(seq 100); do "$crampd" ctl status >/dev/null 2>&1 && break; sleep 0.1; done
drink before

echo "== the diary locked by sqlite3 (BEGIN EXCLUSIVE): three drinks at once, status, a reminder"
hold_lock
pids=()
for n in 1 2 3; do drink "locked-$n" & pids+=($!); done
sleep 0.3
started=$(ms)
"$crampd" ctl status >/dev/null || fail "ctl status failed while the diary was locked"
status_ms=$(( $(ms) - started ))
echo "   ctl status took $status_ms ms"
[ "$status_ms" -lt 1000 ] && ok "status answers at once while the diary is locked" || fail "status took $status_ms ms"
for p in "${pids[@]}"; do wait "$p"; done
while read -r note rc took; do
  echo "   $note: exit $rc after $took ms: $(cat "$work/out.$note" "$work/err.$note")"
  [ "$took" -lt 4500 ] || fail "$note took $took ms (more than the bounded wait)"
  if [ "$rc" != 0 ]; then
    grep -q "another program holds it locked" "$work/err.$note" && ok "$note: diary busy, said so" || fail "$note: unexpected error"
  fi
done < <(grep locked- "$work/drinks")
# The reminder fires while the lock is still held.
for _ in $(seq 100); do grep -q "CRAMPD_EVENT=due CRAMPD_REMINDER=water" "$log" && break; sleep 0.1; done
line=$(grep "CRAMPD_EVENT=due CRAMPD_REMINDER=water" "$log" || true)
late=$(sed -n 's/.*CRAMPD_LATENESS_USEC=\([0-9]*\).*/\1/p' <<<"$line")
[ -n "$late" ] && [ "$late" -lt 1000000 ] && ok "the reminder fired on time while the diary was locked ($late us late)" \
  || fail "the reminder was late or did not fire: ${line:-nothing}"
kill -0 "$holder_pid" 2>/dev/null || fail "sqlite3 let go of the lock before the reminder fired"
release_lock

echo "== a short lock: the drink waits and commits when it is released"
hold_lock
drink short-lock & short=$!
sleep 1
release_lock
wait "$short"
read -r _ rc took < <(grep short-lock "$work/drinks")
[ "$rc" = 0 ] && ok "the drink was recorded once the lock was released ($took ms)" || fail "short-lock: exit $rc: $(cat "$work/err.short-lock")"

for _ in $(seq 30); do
  [ "$(sqlite3 "$diary" "SELECT count(*) FROM reminder_event WHERE reminder = 'water' AND event = 'due'")" = 1 ] && break; sleep 0.1
done
[ "$(sqlite3 "$diary" "SELECT count(*) FROM reminder_event WHERE reminder = 'water' AND event = 'due'")" = 1 ] \
  && ok "the reminder event fired during the lock is in the diary" || fail "the reminder event fired during the lock was lost"
before_check=$failures
while read -r note rc _; do
  count=$(sqlite3 "$diary" "SELECT count(*) FROM entry WHERE note = '$note'")
  if [ "$rc" = 0 ]; then [ "$count" = 1 ] || fail "acknowledged drink $note is there $count times"
  else [ "$count" = 0 ] || fail "drink $note answered busy is there $count times"; fi
done <"$work/drinks"
[ "$failures" = "$before_check" ] && ok "every acknowledged drink is in the diary once, none answered busy is"

echo "== SIGTERM: every record in diary.sqlite itself"
kill "$daemon_pid"; wait "$daemon_pid" 2>/dev/null || true; daemon_pid=""
wal=$(stat -c %s "$diary-wal" 2>/dev/null || echo 0)
[ "$wal" = 0 ] && ok "the WAL is empty after a clean stop" || fail "the WAL still holds $wal bytes after a clean stop"
mkdir "$work/backup"; cp "$diary" "$work/backup/diary.sqlite"
want=$(awk '$2 == 0' "$work/drinks" | wc -l)
got=$(sqlite3 "$work/backup/diary.sqlite" "SELECT count(*) FROM entry" 2>&1 || true)
[ "$got" = "$want" ] && ok "a copy of diary.sqlite alone has all $want drinks" || fail "a copy of diary.sqlite alone has $got of $want drinks"

[ "$failures" = 0 ] && echo "diary-locked: all passed" || { echo "diary-locked: $failures failed"; exit 1; }
