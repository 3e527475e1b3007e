"""Sends the attack inputs of issue 13 item 1 (and friends) to a real daemon (see time-bounds.sh)."""
import json, os, re, shutil, signal, socket, subprocess, sys, time

sys.dont_write_bytecode = True  # no __pycache__ in the tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from foreground_daemon import Checks, private_home

CRAMPD = sys.argv[1]
ROOT, ENV, SOCKET = private_home("crampd-bounds-e2e-")
CONFIG = f"{ROOT}/config/crampd/config.toml"
STATE = f"{ROOT}/state/crampd/state.json"
INT64_MAX = 9223372036854775807
check = Checks()

BASE = """[daemon]
quiet_hours = []
grace = "2s"
snooze = "10m"

[[reminder]]
id = "water"
kind = "hydration"
message = "Drink a glass of water"
every = "2h"

[[reminder]]
id = "yearly"
kind = "custom"
message = "Once a year"
every = "366d"
anchor = "last-done"

[[reminder]]
id = "minute"
kind = "stretch"
message = "Stretch"
calendar = "*:*:00"
"""


def run(*args):
    return subprocess.run([CRAMPD, *args], env=ENV, capture_output=True, text=True, timeout=30)


def ctl(*args):
    return run("ctl", *args)


def write_config(text):
    os.makedirs(os.path.dirname(CONFIG), exist_ok=True)
    with open(CONFIG, "w") as f:
        f.write(text)


def request(fields):
    """One request on a fresh connection; the decoded answer."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(10)
    s.connect(SOCKET)
    try:
        s.sendall((json.dumps({"version": 1, "id": 1, **fields}) + "\n").encode())
        data = b""
        while not data.endswith(b"\n"):
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        return json.loads(data.split(b"\n")[0])
    finally:
        s.close()


class Daemon:
    def __init__(self):
        self.log_path = f"{ROOT}/daemon-{time.monotonic_ns()}.log"
        self.process = subprocess.Popen([CRAMPD, "run"], env=ENV, stderr=open(self.log_path, "w"))
        deadline = time.time() + 10
        while not os.path.exists(SOCKET) and time.time() < deadline and self.process.poll() is None:
            time.sleep(0.05)
        check(os.path.exists(SOCKET), f"daemon created its socket; log: {self.log()}")

    def alive(self):
        return self.process.poll() is None

    def log(self):
        return open(self.log_path).read()

    def stop(self):
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def config_refuses_what_is_out_of_bounds():
    for extra, error in [
        ('[[reminder]]\nid = "huge"\nkind = "custom"\nmessage = "x"\nevery = "2000000000h"\n',
         'expected a duration up to 366d for "every", got "2000000000h"'),
        ('[[reminder]]\nid = "huge"\nkind = "custom"\nmessage = "x"\nevery = "2562047788h"\nanchor = "last-done"\n',
         'expected a duration up to 366d for "every", got "2562047788h"'),
        ('[[reminder]]\nid = "flood"\nkind = "custom"\nmessage = "x"\ncalendar = "*-*-* *:*:*"\n',
         'expected a calendar expression that elapses at most once a minute, got "*-*-* *:*:*"'),
    ]:
        write_config(BASE + "\n" + extra)
        result = run("check-config")
        check(result.returncode == 1 and error in result.stderr, f"check-config refuses {extra!r}: {result.returncode} {result.stderr}")
    write_config(BASE.replace('snooze = "10m"', 'snooze = "2562047788h"'))
    result = run("check-config")
    check(result.returncode == 1 and 'config.toml:4:10: expected a duration up to 366d for "snooze", got "2562047788h"' in result.stderr,
          f"check-config refuses [daemon] snooze: {result.stderr}")
    # systemd's spellings, one grammar (issue 14 item 13).
    write_config(BASE.replace('every = "2h"', 'every = "1h 30min"').replace('snooze = "10m"', 'snooze = "10min"')
                 + '\n[[reminder]]\nid = "daily"\nkind = "custom"\nmessage = "x"\nevery = "1d"\n')
    result = run("check-config")
    check(result.returncode == 0, f"check-config takes 1h 30min, 10min, 1d: {result.stderr}")


def socket_attacks(daemon):
    for fields, what in [
        ({"command": "pause", "until": INT64_MAX}, "until"),
        ({"command": "pause", "until": -1}, "until"),
        ({"command": "pause", "duration": INT64_MAX}, "duration"),
        ({"command": "pause", "duration": -INT64_MAX - 1}, "duration"),
        ({"command": "snooze", "reminder": "water", "duration": INT64_MAX}, "duration"),
        ({"command": "snooze", "reminder": "water", "duration": 31622400000001}, "duration"),
    ]:
        answer = request(fields)
        check(answer.get("error", {}).get("code") == "bad-request" and f'"{what}"' in answer["error"]["message"],
              f"{fields}: {answer}")
        check(daemon.alive(), f"daemon survives {fields}")
    # The bounds themselves are accepted, and the daemon plans with them.
    answer = request({"command": "pause", "until": 253402300799999999})
    check("ok" in answer, f"pause until 9999-12-31: {answer}")
    answer = request({"command": "snooze", "reminder": "water", "duration": 31622400000000})
    check("ok" in answer, f"snooze 366 days: {answer}")
    check("ok" in request({"command": "resume"}), "resume")
    check("ok" in request({"command": "status"}) and daemon.alive(), "status after the attacks")


def ctl_attacks(daemon):
    result = ctl("snooze", "water")   # [daemon] snooze
    check(result.returncode == 0 and "Snoozed water until" in result.stdout, f"ctl snooze water: {result.stdout}{result.stderr}")
    result = ctl("snooze", "water", "2562047788h")
    check(result.returncode not in (0, 1, 69) and "expected a duration up to 366d" in result.stderr,
          f"ctl snooze water 2562047788h: {result.returncode} {result.stderr}")
    result = ctl("pause", "1w")
    check(result.returncode == 0, f"ctl pause 1w: {result.stderr}")
    result = ctl("pause", "--until", "tomorrow 08:00")
    check(result.returncode == 0 and "until tomorrow, " in result.stdout, f"ctl pause --until 'tomorrow 08:00': {result.stdout}{result.stderr}")
    # A time already past today (half an hour ago, or midnight just after it) means tomorrow's.
    now = time.time()
    earlier = time.gmtime(now - 1800)
    if earlier.tm_yday != time.gmtime(now).tm_yday:
        earlier = time.gmtime(now - now % 86400)
    past = f"{earlier.tm_hour:02d}:{earlier.tm_min:02d}"
    if time.gmtime(now)[3:5] != (earlier.tm_hour, earlier.tm_min):  # at 00:00 nothing is past yet
        result = ctl("pause", "--until", past)
        check(result.returncode == 0 and "until tomorrow, " in result.stdout, f"ctl pause --until {past} (past today): {result.stdout}")
        check(ctl("resume").returncode == 0, "resume")
    result = ctl("done", "yearly")
    check(result.returncode == 0, f"done yearly (366d, last-done): {result.stderr}")
    result = ctl("set", "water", "every=2000000000h")
    check(result.returncode == 1 and "expected a duration up to 366d" in result.stdout + result.stderr, f"ctl set every=2000000000h: {result.stdout}{result.stderr}")
    result = ctl("add", "flood", "kind=custom", "message=x", "calendar=*-*-* *:*:*")
    check(result.returncode == 1 and "at most once a minute" in result.stdout + result.stderr, f"ctl add calendar flood: {result.stdout}{result.stderr}")
    check(ctl("status").returncode == 0 and daemon.alive(), "daemon answers after the ctl attacks")


def stopped_across_a_due_time(daemon):
    """SIGSTOP before the minute's due time, SIGCONT after grace: a late catch-up, not downtime."""
    wait = 60 - time.time() % 60 - 1.0
    if wait < 0.5:
        wait += 60
    time.sleep(wait)
    os.kill(daemon.process.pid, signal.SIGSTOP)
    time.sleep(5)
    os.kill(daemon.process.pid, signal.SIGCONT)
    time.sleep(1.5)
    log = daemon.log()
    lines = [l for l in log.splitlines() if "Stretch (catch-up" in l]
    check(any("late by " in l and "crampd was held up" in l for l in lines), f"catch-up says late: {lines}")
    check(not any("not running" in l for l in lines), f"catch-up does not blame downtime: {lines}")


def main():
    os.makedirs(f"{ROOT}/run", mode=0o700, exist_ok=True)
    try:
        config_refuses_what_is_out_of_bounds()
        write_config(BASE)
        daemon = Daemon()
        try:
            socket_attacks(daemon)
            ctl_attacks(daemon)
            # A pause until the year 9999 is saved; the next start must plan with it.
            check("ok" in request({"command": "pause", "until": 253402300799999999}), "pause until 9999 again")
            for args in (("next", "-n", "5"), ("list",), ("show", "yearly"), ("status",)):
                result = ctl(*args)
                check(result.returncode == 0 and daemon.alive(), f"ctl {' '.join(args)} while paused until 9999: {result.stderr}")
        finally:
            check(daemon.stop() == 0, "daemon stops cleanly")
        daemon = Daemon()
        try:
            check(daemon.alive() and "ok" in request({"command": "status"}), f"restart with a pause until 9999: {daemon.log()}")
            check("ok" in request({"command": "resume"}), "resume after restart")
        finally:
            daemon.stop()
        # A state file with out-of-range values: repaired, never fatal.
        state = json.load(open(STATE))
        state["reminders"]["water"]["snoozedUntil"] = INT64_MAX
        state["reminders"]["minute"]["handledThrough"] = INT64_MAX
        state["pause"] = {"since": 0, "until": INT64_MAX}
        json.dump(state, open(STATE, "w"))
        daemon = Daemon()
        try:
            check(daemon.alive() and "ok" in request({"command": "status"}), f"start with snoozedUntil = Int64.max: {daemon.log()}")
            check('snoozedUntil 9223372036854775807 is outside the years 1970 to 9999' in daemon.log(), f"the repair is logged: {daemon.log()}")
            stopped_across_a_due_time(daemon)
            check(daemon.alive(), "daemon alive after SIGSTOP/SIGCONT")
        finally:
            check(daemon.stop() == 0, "daemon stops cleanly after the repaired start")
        saved = json.load(open(STATE))
        # The state file's current format, as AgendaState+Coding.swift declares it (2 added runningSince).
        current = int(re.search(r"formatVersion = (\d+)", open("Sources/CrampCore/Agenda/AgendaState+Coding.swift").read()).group(1))
        check(saved.get("version") == current and current >= 2 and "runningSince" in saved,
              f"state file format {current}: {list(saved)}, version {saved.get('version')}")
    finally:
        shutil.rmtree(ROOT, ignore_errors=True)
    print(check.summary("time bounds"))
    sys.exit(1 if check.failures else 0)


main()
