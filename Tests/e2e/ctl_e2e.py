"""Drives a real `crampd run` with the real `crampd ctl` (see ctl.sh)."""
import json, os, pwd, re, shutil, signal, socket, subprocess, sys, tempfile, threading, time

sys.dont_write_bytecode = True  # no __pycache__ in the tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from foreground_daemon import Checks, private_home

CRAMPD = sys.argv[1]
ROOT, ENV, SOCKET = private_home("crampd-ctl-e2e-")
check = Checks()
failures = check.failures


def ctl(*args, env=None):
    result = subprocess.run([CRAMPD, "ctl", *args], env=env or ENV, capture_output=True, text=True, timeout=20)
    return result.returncode, result.stdout, result.stderr


def normalized(text):
    """Clock readings change from run to run; their shape must not."""
    text = re.sub(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", "<DATE>", text)
    text = re.sub(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d\b", "<DAY HH:MM>", text)
    text = re.sub(r"\b\d\d:\d\d:\d\d\b", "<HH:MM:SS>", text)
    text = re.sub(r"\b\d\d:\d\d\b", "<HH:MM>", text)
    text = re.sub(r"\b(\d+d )?(\d+h ?)?(\d+min)?( \d+s)?( ago)?\b(?=[ ,:\n]|$)", lambda m: "<LEFT>" if m.group(0).strip() else "", text)
    text = re.sub(r"pid \d+", "pid <PID>", text)
    return re.sub(r" +\n", "\n", text)


def expect_output(args, status, stdout_lines, stderr_contains=None):
    code, out, err = ctl(*args)
    check(code == status, f"ctl {' '.join(args)}: exit {code}, expected {status}; stderr: {err.strip()}")
    if stdout_lines is not None:
        got = normalized(out)
        want = "".join(line + "\n" for line in stdout_lines)
        check(got == want, f"ctl {' '.join(args)}: output\n{got}\n---expected---\n{want}")
    if stderr_contains:
        check(stderr_contains in err, f"ctl {' '.join(args)}: stderr {err!r} lacks {stderr_contains!r}")
    return out


def fd_count(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def raw(payload, read=True, timeout=7.0):
    """Sends raw bytes on a fresh connection and returns what comes back before close."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(SOCKET)
    try:
        try:
            if payload:
                s.sendall(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the daemon answered and closed before reading everything: read the answer
        data = b""
        while read:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        return data
    finally:
        s.close()


def error_code(data):
    line = data.split(b"\n")[0]
    return json.loads(line)["error"]["code"] if line else None


def main():
    os.makedirs(f"{ROOT}/config/crampd", exist_ok=True)
    os.makedirs(f"{ROOT}/run", mode=0o700, exist_ok=True)
    with open(f"{ROOT}/config/crampd/config.toml", "w") as f:
        f.write("""[daemon]
quiet_hours = []

[[reminder]]
id = "water"
kind = "hydration"
message = "Drink a glass of water"
amount = 250
every = "2h"

[[reminder]]
id = "magnesium"
kind = "electrolyte"
electrolyte = "magnesium"
message = "Take your magnesium"
amount = 200
calendar = "*-*-* 00/6:00:00"
""")
    daemon = subprocess.Popen([CRAMPD, "run"], env=ENV, stderr=open(f"{ROOT}/daemon.log", "w"))
    try:
        deadline = time.time() + 10
        while not os.path.exists(SOCKET) and time.time() < deadline:
            time.sleep(0.05)
        check(os.path.exists(SOCKET), "daemon created its socket")
        check(oct(os.stat(SOCKET).st_mode & 0o777) == "0o600", "socket is 0600")
        check(oct(os.stat(os.path.dirname(SOCKET)).st_mode & 0o777) == "0o700", "socket directory is 0700")
        run_commands()
        shell_completion()
        run_bad_input(daemon.pid)
        second_instance_refused()
    finally:
        daemon.send_signal(signal.SIGTERM)
        try:
            daemon.wait(timeout=5)
        except subprocess.TimeoutExpired:
            daemon.kill()
            failures.append("daemon did not stop within 5 s of SIGTERM")
    check(daemon.returncode == 0, f"daemon exit status {daemon.returncode}")
    check(not os.path.exists(SOCKET), "socket file removed at exit")
    log = open(f"{ROOT}/daemon.log").read()
    check("Stopping on SIGTERM" in log, "daemon logged its stop")
    damaged_state_is_kept_aside()
    pages_given_back_at_a_watchdog_ping()
    shutil.rmtree(ROOT, ignore_errors=True)
    print(check.summary("ctl"))
    sys.exit(1 if failures else 0)


def run_commands():
    code, out, err = ctl("status")
    version = open(os.path.join(os.path.dirname(__file__), "..", "..", "VERSION")).read().strip()
    check(code == 0 and f"crampd {version}, pid" in out and f"Config: {ROOT}/config/crampd/config.toml" in out
          and "Loaded: ok" in out and "Paused: no" in out and "Next: " in out, f"status: {out}{err}")

    code, out, err = ctl("list")
    lines = out.split("\n")
    check(code == 0 and re.fullmatch(r"NEXT +LEFT +LAST +REMINDER +SCHEDULE", lines[0]) is not None, f"list header: {out}")
    # Sorted by NEXT (issue 14 item 15): whichever is due first comes first.
    water_row = next((l for l in lines[1:3] if " water " in l), "")
    magnesium_row = next((l for l in lines[1:3] if " magnesium " in l), "")
    # Past 22:00 the next water is tomorrow's: then the weekday leads the time, as for magnesium.
    check(re.fullmatch(r"(\w{3} )?\d\d:\d\d +(\d+h )?\d+min +- +water +every 2h", water_row) is not None, f"list water row: {water_row!r}")
    check(re.fullmatch(r"(\w{3} )?\d\d:\d\d +(\d+d \d+h |\d+h )?\d+min +- +magnesium +calendar \*-\*-\* 00/6:00:00", magnesium_row)
          is not None, f"list magnesium row: {magnesium_row!r}")
    listed = json.loads(ctl("list", "--json")[1])["reminders"]
    by_next = [r["id"] for r in sorted(listed, key=lambda r: r["next"])]
    check([("water" if " water " in l else "magnesium") for l in lines[1:3]] == by_next, f"list sorted by NEXT: {out}")
    check(lines[3:] == ["", "2 reminders listed.", ""], f"list footer: {lines[3:]}")
    check(len({line.index("REMINDER") if "REMINDER" in line else line.find(" water") + 1 for line in [lines[0], water_row]}) == 1,
          f"list columns aligned: {out}")
    listing = json.loads(ctl("list", "--json")[1])
    ids = [r["id"] for r in listing["reminders"]]
    check(ids == ["water", "magnesium"], f"list --json ids {ids}")
    water = listing["reminders"][0]
    check(water["schedule"] == "every 2h" and water["kind"] == "hydration" and water["enabled"] is True
          and isinstance(water["next"], int), f"list --json water row {water}")
    now_us = int(time.time() * 1e6)
    check(0 < water["next"] - now_us <= 2 * 3600 * 10**6, "water is due within 2h")

    upcoming = json.loads(ctl("next", "-n", "4", "--json")[1])["occurrences"]
    times = [o["at"] for o in upcoming]
    check(len(upcoming) == 4 and times == sorted(times), f"next -n 4 merged in time order: {upcoming}")

    detail = json.loads(ctl("show", "magnesium", "--json")[1])
    check(detail["row"]["schedule"] == "calendar *-*-* 00/6:00:00" or "00/6" in detail["row"]["schedule"],
          f"show magnesium schedule {detail['row']['schedule']}")
    check(detail["amount"] == "200 mg" and detail["electrolyte"] == "magnesium", f"show magnesium {detail}")
    expect_output(["show", "nope"], 1, "", 'No reminder "nope"; see: crampd ctl list')
    expect_output(["show", "watr"], 1, "", 'did you mean "water"?')

    code, out, _ = ctl("done", "water")
    check(code == 0 and re.fullmatch(r"Marked water as done\. Logged the drink of 250 ml at \d{4}-\d\d-\d\d \d\d:\d\d\.\n", out) is not None,
          f"done records the intake: {out!r}")
    state = json.load(open(f"{ROOT}/state/crampd/state.json"))
    check("lastDone" in state["reminders"]["water"], "done is saved before the reply")

    out = expect_output(["snooze", "water", "15m"], 0, None)
    check(out.startswith("Snoozed water until "), f"snooze: {out}")
    row = json.loads(ctl("list", "--json")[1])["reminders"][0]
    check(abs(row["snoozedUntil"] - (time.time() + 900) * 1e6) < 5e6, "snoozed 15 min")
    out = expect_output(["skip", "water"], 0, None)
    check(out.startswith("Skipping"), f"skip: {out}")
    expect_output(["trigger", "magnesium"], 0, ["Triggered magnesium now."])
    time.sleep(0.2)
    check("Take your magnesium" in open(f"{ROOT}/daemon.log").read(), "trigger fired into the log")

    out = expect_output(["pause", "1h"], 0, None)
    check(out.startswith("Paused all reminders until "), f"pause: {out}")
    status = json.loads(ctl("status", "--json")[1])
    check("pause" in status and abs(status["pause"]["until"] - (time.time() + 3600) * 1e6) < 5e6, f"status pause {status.get('pause')}")
    expect_output(["resume"], 0, ["Resumed reminders."])
    expect_output(["resume"], 0, ["Not paused; nothing to resume."])

    code, out, _ = ctl("set", "water", "every=30m")
    check(code == 0 and out == "Changed water.\n  schedule: every 2h -> every 30m\n", f"set: {out!r}")
    check(json.loads(ctl("list", "--json")[1])["reminders"][0]["schedule"] == "every 30m", "set takes effect at once")
    dropin = open(f"{ROOT}/config/crampd/config.d/50-crampd-ctl.toml").read()
    check('every = "30m"' in dropin and 'id = "water"' in dropin, f"drop-in written: {dropin}")
    # set replies only what changed, for every key, without trailing spaces (issue 14 item 18).
    code, out, _ = ctl("set", "water", "every=30m")
    check(code == 0 and out == "No change to water: it already has those values.\n", f"set to the same value: {out!r}")
    code, out, _ = ctl("set", "water", "skip_if_logged_within=10m", "catch_up=skip", "--runtime")
    check(code == 0 and out == "Changed water until crampd restarts.\n  catch_up: default -> skip\n"
          "  skip_if_logged_within: none -> 10m\n", f"set shows every key it changed: {out!r}")
    ctl("reset", "water", "--runtime")
    check(not re.search(r" +\n", open(f"{ROOT}/daemon.log").read()), "no trailing spaces in the log")
    code, out, err = ctl("set", "water", "every=soon")
    check(code == 1 and "nothing was changed" in err and "every=soon: expected a duration" in err
          and "50-crampd-ctl.toml" not in err, f"bad set refused, naming the argument typed: {code} {err}")
    code, out, _ = ctl("drink", "0.5l")
    check(code == 0 and out.startswith("Logged a drink of 500 ml"), f"drink 0.5l: {out!r}")
    code, out, _ = ctl("undo")
    check(code == 0, f"undo the drink: {out!r}")
    check(json.loads(ctl("list", "--json")[1])["reminders"][0]["schedule"] == "every 30m", "bad set changed nothing")
    expect_output(["add", "stretch", "kind=stretch", "at=21:30"], 0, ["Added stretch.", "  added: at <HH:MM>"])
    expect_output(["remove", "stretch"], 0, ["Removed stretch.", "  removed: at <HH:MM>"])
    code, out, _ = ctl("reset", "water")
    check(code == 0 and out == "Reset water to the config files.\n  schedule: every 30m -> every 2h\n", f"reset: {out!r}")
    check(not os.path.exists(f"{ROOT}/config/crampd/config.d/50-crampd-ctl.toml"), "reset removed the emptied drop-in")
    # reset undoes every ctl change, --runtime ones included (issue 14 item 10).
    ctl("set", "water", "every=45m", "--runtime")
    code, out, _ = ctl("reset", "water")
    check(code == 0 and out == "Reset water to the config files (runtime changes dropped).\n  schedule: every 45m -> every 2h\n",
          f"reset drops a runtime change: {out!r}")
    check(json.loads(ctl("list", "--json")[1])["reminders"][0]["schedule"] == "every 2h", "reset: no runtime change left")
    ctl("set", "water", "every=30m"); ctl("set", "water", "every=45m", "--runtime")
    code, out, _ = ctl("reset", "water")
    check(code == 0 and out == "Reset water to the config files (runtime changes dropped too).\n  schedule: every 45m -> every 2h\n",
          f"reset drops saved and runtime changes: {out!r}")
    code, _, err = ctl("reset", "water")
    check(code == 1 and "No changes to reset" in err, f"nothing left to reset: {code} {err!r}")

    # skip counts occurrences and says which (issue 14 item 11).
    ctl("set", "water", "every=30m", "--runtime")
    # Enough occurrences for three of water's even when magnesium's 6-hourly one falls among them.
    before = json.loads(ctl("next", "-n", "8", "--json")[1])["occurrences"]
    code, out, _ = ctl("skip", "water", "2")
    check(code == 0 and re.fullmatch(r"Skipping the next 2 of water: \w{3} [-\d]+ [:\d]+ UTC and \w{3} [-\d]+ [:\d]+ UTC\.\n", out)
          is not None, f"skip 2: {out!r}")
    again = ctl("skip", "water", "2")[1]
    check(again == out, f"skip 2 again is the same skip: {again!r}")
    after = json.loads(ctl("list", "--json")[1])["reminders"][0]
    water_times = [o["at"] for o in before if o["reminder"] == "water"]
    check(len(water_times) >= 3 and after["next"] == water_times[2], f"skip 2 drops two: {water_times} next {after['next']}")
    code, out, _ = ctl("skip", "water", "--today", "--json")
    check(code == 0 and re.match(r"Skipping (every )?water until ", json.loads(out)["summary"]) is not None, f"skip --today: {out!r}")
    ctl("reset", "water", "--runtime")

    out = expect_output(["reload"], 0, None)
    check(out.startswith("Reloaded configuration (crampd ctl reload): 2 reminders"), f"reload: {out}")
    path = f"{ROOT}/config/crampd/config.toml"
    good = open(path).read()
    open(path, "w").write(good.replace('every = "2h"', 'every = 2'))
    code, out, err = ctl("reload")
    check(code == 1 and "keeping the previous config" in err and "config.toml:9:9:" in err, f"bad reload: {code} {err}")
    check(json.loads(ctl("status", "--json")[1])["lastReload"]["succeeded"] is False, "status shows the failed reload")
    open(path, "w").write(good)

    # Usage errors exit 2; a daemon that is not there, 69.
    code, _, err = ctl("snooze")
    check(code == 2 and "Missing expected argument" in err, f"usage exit {code}")
    code, _, err = ctl("status", "--socket", f"{ROOT}/nothing.sock")
    check(code == 69 and "systemctl --user start crampd" in err, f"not running exit {code}: {err}")


def shell_completion():
    """Bash completion for real (issue 14 item 20): the generated script, sourced, its function
    called with COMP_WORDS as bash would, against this running daemon; then without one."""
    script = subprocess.run([CRAMPD, "--generate-completion-script", "bash"], capture_output=True, text=True).stdout
    path = f"{ROOT}/completion.bash"
    open(path, "w").write(script)
    driver = f"""
source {path}
complete -p crampd >/dev/null || exit 3
try() {{ COMP_WORDS=("$@"); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 )); COMP_LINE="${{COMP_WORDS[*]}}"; COMP_POINT=${{#COMP_LINE}}
       COMPREPLY=(); _crampd crampd "${{COMP_WORDS[-1]}}" "${{COMP_WORDS[-2]}}"; echo "${{COMPREPLY[*]}}"; }}
try crampd ctl done w
try crampd ctl skip ''
try crampd ctl take ''
try crampd ctl set water sk
"""
    env = dict(ENV, PATH=os.path.dirname(CRAMPD) + ":" + ENV.get("PATH", "/usr/bin:/bin"))
    started = time.time()
    result = subprocess.run(["bash", "-c", driver], env=env, capture_output=True, text=True, timeout=20)
    lines = result.stdout.split("\n")
    check(result.returncode == 0 and lines[0] == "water", f"complete done w: {result.stdout!r} {result.stderr!r}")
    check(lines[1].split() == ["water", "magnesium"], f"complete skip: {lines[1:2]}")
    check(lines[2].split() == ["sodium", "potassium", "magnesium", "calcium"], f"complete take: {lines[2:3]}")
    check(lines[3] == "skip_if_logged_within=", f"complete set keys: {lines[3:4]}")
    check(time.time() - started < 5, f"completion took {time.time() - started:.1f} s")
    # No daemon: no ids, no error, no wait.
    gone = dict(env, CRAMPD_SOCKET=f"{ROOT}/nothing.sock")
    started = time.time()
    result = subprocess.run(["bash", "-c", driver], env=gone, capture_output=True, text=True, timeout=20)
    check(result.stdout.split("\n")[0] == "" and result.stderr == "" and time.time() - started < 5,
          f"completion without a daemon: {result.stdout!r} {result.stderr!r}")


def run_bad_input(pid):
    state_before = open(f"{ROOT}/state/crampd/state.json").read()
    fds_before = fd_count(pid)
    check(error_code(raw(b"{not json\n")) == "bad-request", "malformed JSON gets bad-request")
    check(error_code(raw(b'{"version":9,"id":1,"command":"status"}\n')) == "unsupported-version", "unknown version")
    check(error_code(raw(b'{"version":1,"id":1,"command":"explode"}\n')) == "unknown-command", "unknown command")
    check(error_code(raw(b"x" * (1 << 20) + b"\n")) == "too-large", "1 MiB line gets too-large")
    check(error_code(raw(bytes(range(256)) * 4 + b"\n")) == "bad-request", "binary garbage gets bad-request")
    began = time.time()
    data = raw(b'{"version":1,"id":1,"comm', timeout=10)
    waited = time.time() - began
    check(error_code(data) == "timeout" and 4.0 <= waited <= 7.0, f"half a request dropped after {waited:.1f} s: {data[:80]}")

    # 200 clients at once: every one gets an answer (served, or busy and retried by ctl).
    results = [None] * 200
    def client(i):
        results[i] = ctl("status", "--json")[0]
    threads = [threading.Thread(target=client, args=(i,)) for i in range(200)]
    for t in threads: t.start()
    for t in threads: t.join()
    check(all(r == 0 for r in results), f"200 concurrent clients: exit codes {sorted(set(results))}")

    # Another user: a socket path they can reach, and the daemon says no.
    nobody = pwd.getpwnam("nobody")
    os.chmod(f"{ROOT}", 0o755); os.chmod(f"{ROOT}/run", 0o755)
    os.chmod(os.path.dirname(SOCKET), 0o755); os.chmod(SOCKET, 0o666)
    probe = subprocess.run(["python3", "-c", """
import socket, sys
s = socket.socket(socket.AF_UNIX); s.settimeout(5); s.connect(sys.argv[1])
try: s.sendall(b'{"version":1,"id":1,"command":"status"}\\n')
except BrokenPipeError: pass
print(s.recv(4096).decode())
""", SOCKET], capture_output=True, text=True, timeout=10,
        preexec_fn=lambda: (os.setgid(nobody.pw_gid), os.setuid(nobody.pw_uid)))
    os.chmod(SOCKET, 0o600); os.chmod(os.path.dirname(SOCKET), 0o700); os.chmod(f"{ROOT}/run", 0o700)
    check('"permission-denied"' in probe.stdout, f"another user is refused: {probe.stdout} {probe.stderr}")

    code, _, _ = ctl("status")
    check(code == 0, "daemon still serves after bad input")
    check(open(f"{ROOT}/state/crampd/state.json").read() == state_before, "state unchanged by bad input")
    time.sleep(0.5)
    check(fd_count(pid) == fds_before, f"no descriptor leak: {fds_before} before, {fd_count(pid)} after")


def damaged_state_is_kept_aside():
    """A state file that does not decode is moved aside, never deleted, and the daemon starts."""
    state = f"{ROOT}/state/crampd/state.json"
    open(state, "w").write('{"reminders": garbage')
    daemon = subprocess.Popen([CRAMPD, "run"], env=ENV, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 10
    while not os.path.exists(SOCKET) and time.time() < deadline:
        time.sleep(0.05)
    code, _, _ = ctl("status")
    daemon.send_signal(signal.SIGTERM)
    _, err = daemon.communicate(timeout=5)
    kept = [name for name in os.listdir(os.path.dirname(state)) if name.startswith("state.json.corrupt-")]
    check(code == 0 and daemon.returncode == 0, f"daemon runs on a damaged state file: {err}")
    check(len(kept) == 1 and open(f"{os.path.dirname(state)}/{kept[0]}").read() == '{"reminders": garbage',
          f"damaged state kept aside: {kept}")
    check("is damaged" in err and "started afresh" in err, f"damaged state reported: {err}")


def rss_kib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def pages_given_back_at_a_watchdog_ping():
    """Code pages that commands touched are given back at a wake-up the daemon has anyway."""
    env = dict(ENV, WATCHDOG_USEC="2000000")  # a ping every second; no NOTIFY_SOCKET: sent nowhere
    daemon = subprocess.Popen([CRAMPD, "run"], env=env, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 10
        while not os.path.exists(SOCKET) and time.time() < deadline:
            time.sleep(0.05)
        for args in (["status"], ["list"], ["next"], ["today"], ["stats"], ["show", "water"]):
            ctl(*args)
        touched = rss_kib(daemon.pid)
        time.sleep(2.5)
        settled = rss_kib(daemon.pid)
        check(settled < touched - 1024, f"RSS given back after commands: {touched} KiB, then {settled} KiB")
        code, _, _ = ctl("status")
        check(code == 0, "the daemon answers after giving its pages back")
    finally:
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=5)


def second_instance_refused():
    result = subprocess.run([CRAMPD, "run"], env=ENV, capture_output=True, text=True, timeout=10)
    check(result.returncode == 69 and "already" in result.stderr, f"second instance refused: {result.returncode} {result.stderr}")


if __name__ == "__main__":
    main()
