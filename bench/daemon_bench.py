"""Measures the crampd daemon: idle cost, reminder lateness, start to READY=1.

Runs the real release binary in the foreground with temporary XDG directories;
systemd is simulated only by a NOTIFY_SOCKET datagram socket, as systemd does.
"""
import datetime, os, shutil, socket, statistics, subprocess, sys, tempfile, time

BINARY = os.path.abspath(sys.argv[1])
IDLE_SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 60
IDLE_COST = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "tools", "idle_cost.sh")


def environment(root, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NOTIFY_SOCKET", "LISTEN_", "CRAMPD_"))}
    for name in ("config", "state", "run"):
        os.makedirs(os.path.join(root, name), mode=0o700, exist_ok=True)
    env.update(XDG_CONFIG_HOME=f"{root}/config", XDG_STATE_HOME=f"{root}/state", XDG_RUNTIME_DIR=f"{root}/run",
               CRAMPD_NO_JOURNAL="1")
    env.update(extra)
    return env


def night_zone():
    """An Etc/GMT zone where it is now about 03:00: inside the default quiet hours, nothing due."""
    hour = datetime.datetime.now(datetime.timezone.utc).hour
    offset = (3 - hour + 12) % 24 - 12          # local = utc + offset, in -12..11
    return "Etc/GMT" + ("-" if offset > 0 else "+") + str(abs(offset))  # Etc/GMT-3 is UTC+3


def start(root, args=(), notify=None, **extra):
    env = environment(root, **extra)
    if notify:
        env["NOTIFY_SOCKET"] = notify
    return subprocess.Popen([BINARY, "run", *args], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def idle_cost():
    root = tempfile.mkdtemp(prefix="crampd-idle-")
    try:
        os.makedirs(f"{root}/config/crampd/config.d")
        zone = night_zone()
        # The default config (no config file) plus one drop-in that only sets the zone.
        with open(f"{root}/config/crampd/config.d/10-zone.toml", "w") as f:
            f.write(f'[daemon]\ntimezone = "{zone}"\n')
        proc = start(root)
        time.sleep(6)  # let Dispatch's start-up worker threads retire (about 5 s)
        out = subprocess.run(["bash", IDLE_COST, "-v", str(proc.pid), str(IDLE_SECONDS)], capture_output=True, text=True)
        stop(proc)
        rss, pss, cpu, ctxsw, threads = out.stdout.split()
        print(f"idle ({IDLE_SECONDS} s, default config, zone {zone}): RSS {int(rss)/1024:.1f} MB, PSS {int(pss)/1024:.1f} MB, "
              f"CPU {cpu} ms, context switches {ctxsw}, threads {threads}")
        print(f"  detail: {out.stderr.strip()}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def lateness(fires=50):
    root = tempfile.mkdtemp(prefix="crampd-late-")
    try:
        with open(f"{root}/c.toml", "w") as f:
            # `every` is at least 1m (a typo must not flood the journal); a calendar can say every second.
            f.write('[daemon]\nquiet_hours = []\n\n[[reminder]]\nid = "tick"\nkind = "custom"\nmessage = "tick"\ncalendar = "*:*:*"\n')
        proc = start(root, ["--config", f"{root}/c.toml"])
        values = []
        for line in proc.stderr:
            if "CRAMPD_EVENT=due" in line:
                field = [p for p in line.split() if p.startswith("CRAMPD_LATENESS_USEC=")][0]
                values.append(int(field.split("=")[1].rstrip("]")))
                if len(values) == fires:
                    break
        stop(proc)
        values.sort()
        p = lambda q: values[min(len(values) - 1, int(q * len(values)))]
        print(f"lateness over {len(values)} fires (calendar *:*:*, every second): median {statistics.median(values)/1000:.3f} ms, "
              f"p99 {p(0.99)/1000:.3f} ms, max {values[-1]/1000:.3f} ms")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def start_to_ready(runs=20):
    times = []
    for _ in range(runs):
        root = tempfile.mkdtemp(prefix="crampd-ready-")
        try:
            path = f"{root}/notify"
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            sock.bind(path)
            sock.settimeout(5)
            began = time.perf_counter()
            proc = start(root, notify=path)
            while True:
                message = sock.recv(4096).decode()
                if "READY=1" in message:
                    times.append((time.perf_counter() - began) * 1000)
                    break
            stop(proc)
            sock.close()
        finally:
            shutil.rmtree(root, ignore_errors=True)
    print(f"start to READY=1 over {runs} runs (default config): median {statistics.median(times):.2f} ms, "
          f"min {min(times):.2f} ms, max {max(times):.2f} ms")


if __name__ == "__main__":
    parts = sys.argv[3:] or ["ready", "lateness", "idle"]
    if "ready" in parts: start_to_ready()
    if "lateness" in parts: lateness()
    if "idle" in parts: idle_cost()
