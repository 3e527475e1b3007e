#!/usr/bin/env bash
# Durability of the diary (issue 8): a burst of 1,000 `crampd ctl drink` commands, each with
# a unique note, from 4 clients at once; the daemon is killed with SIGKILL in the middle and
# started again. Afterwards every drink that was acknowledged (exit 0) is in the diary exactly
# once, and no drink is there twice. A drink whose answer was lost in the kill may or may
# not be there (its COMMIT may have happened); it is never there twice.
set -euo pipefail
cd "$(dirname "$0")/../.."
crampd="$PWD/.build/debug/crampd"
[ -x "$crampd" ] || { echo "missing $crampd: run swift build first"; exit 1; }
total=${DURABILITY_DRINKS:-1000}
workers=4

work=$(mktemp -d)
daemon_pid=""
worker_pids=()
cleanup() {
  for p in "${worker_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$daemon_pid" ]; then kill "$daemon_pid" 2>/dev/null || true; wait "$daemon_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_RUNTIME_DIR="$work/run" CRAMPD_NO_JOURNAL=1 TZ=UTC
unset CRAMPD_SOCKET
mkdir -p "$XDG_CONFIG_HOME/crampd" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
printf '[goals]\nwater_ml = 2000\n' >"$XDG_CONFIG_HOME/crampd/config.toml"
diary="$XDG_STATE_HOME/crampd/diary.sqlite"
log="$work/daemon.log"

start_daemon() {
  "$crampd" run >>"$log" 2>&1 &
  daemon_pid=$!
  for _ in $(seq 100); do
    "$crampd" ctl status >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  cat "$log"; echo "FAIL the daemon did not answer"; exit 1
}

start_daemon
first_pid=$daemon_pid
echo "== $total drinks from $workers clients; SIGKILL of the daemon (pid $first_pid) half-way"
# Each worker writes "NOTE EXIT_STATUS" per command.
for w in $(seq 0 $((workers - 1))); do
  (
    for i in $(seq "$w" "$workers" $((total - 1))); do
      rc=0
      "$crampd" ctl drink 100 --note "burst-$i" >/dev/null 2>&1 || rc=$?
      echo "burst-$i $rc"
    done >"$work/acks.$w"
  ) &
  worker_pids+=($!)
done

# Kill when half the answers are in, then start a new daemon straight away.
while [ "$(cat "$work"/acks.* 2>/dev/null | wc -l)" -lt $((total / 2)) ]; do sleep 0.02; done
kill -9 "$daemon_pid"
wait "$daemon_pid" 2>/dev/null || true
killed_after=$(cat "$work"/acks.* | wc -l)
start_daemon
echo "   killed after $killed_after answers; restarted as pid $daemon_pid"
for p in "${worker_pids[@]}"; do wait "$p"; done
worker_pids=()
kill "$daemon_pid"; wait "$daemon_pid" 2>/dev/null || true; daemon_pid=""

cat "$work"/acks.* >"$work/acks"
python3 - "$work/acks" "$diary" "$total" <<'PY'
import collections, sqlite3, sys
acks = dict(line.split() for line in open(sys.argv[1]))
total = int(sys.argv[3])
assert len(acks) == total, f"{len(acks)} answers for {total} commands"
db = sqlite3.connect(sys.argv[2])
counts = collections.Counter(note for (note,) in db.execute("SELECT note FROM entry WHERE kind = 'drink'"))
acked = [n for n, rc in acks.items() if rc == "0"]
failed = {n: rc for n, rc in acks.items() if rc != "0"}
missing = [n for n in acked if counts[n] != 1]
duplicated = {n: c for n, c in counts.items() if c > 1}
unknown = [n for n in counts if n not in acks]
in_flight_kept = [n for n in failed if counts[n] == 1]
print(f"   acknowledged: {len(acked)}; not acknowledged: {len(failed)} "
      f"(exit codes {dict(collections.Counter(failed.values()))}; {len(in_flight_kept)} of them committed before the kill)")
print(f"   drinks in the diary: {sum(counts.values())}")
ok = True
if missing: print(f"FAIL acknowledged but not in the diary exactly once: {missing[:10]}"); ok = False
if duplicated: print(f"FAIL duplicated: {list(duplicated.items())[:10]}"); ok = False
if unknown: print(f"FAIL drinks nobody sent: {unknown[:10]}"); ok = False
if not failed: print("FAIL the kill did not interrupt anything: every command was acknowledged"); ok = False
if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok": print("FAIL integrity_check"); ok = False
sys.exit(0 if ok else 1)
PY
echo "diary-durability.sh: all passed"
