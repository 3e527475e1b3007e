#!/usr/bin/python3
"""Stand-in for `crampd run`, used by Tests/e2e/units.sh to test crampd.service's sandbox.

From inside the sandbox it checks everything the real daemon needs (journal, state,
config and runtime directories, the socket-activated control socket, time zones, the
session bus) and what it must not reach (the rest of home, the network), writes one line
per check to ~/.local/state/crampd/standin-report, and then talks to systemd the way crampd
does: READY=1 with STATUS=, WATCHDOG=1, RELOADING=1 + MONOTONIC_USEC on SIGHUP or a "reload"
line on the control socket, STOPPING=1 on SIGTERM. It answers "reloaded" to "reload" and "pong"
to any other line. Run as `crampd ctl reload --socket PATH` (the unit's ExecReload=), it sends
"reload" to PATH and exits 0 only on "reloaded", as `crampd ctl reload` does.
Runs with /usr/bin/python3 because the sandbox hides $HOME (and with it pyenv).
"""
import os
import select
import signal
import socket
import sys
import time

results = []


def check(name, function):
    try:
        detail = function()
        results.append(f"{name}=ok" + (f" {detail}" if detail else ""))
    except Exception as error:  # report every failure, keep checking the rest
        results.append(f"{name}=FAIL {type(error).__name__}: {error}")


def notify(state):
    path = os.environ.get("NOTIFY_SOCKET")
    if not path:
        return
    if path.startswith("@"):
        path = "\0" + path[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.sendto(state.encode(), path)


def journal(message, **fields):
    lines = [f"MESSAGE={message}", "SYSLOG_IDENTIFIER=crampd-standin", "PRIORITY=5"]
    lines += [f"{name}={value}" for name, value in fields.items()]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.sendto(("\n".join(lines) + "\n").encode(), "/run/systemd/journal/socket")


def runtime_dir():
    return os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"


def state_directory():
    """Where crampd keeps its diary and state: the XDG state directory, as in a terminal."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local/state")
    return os.path.join(base, "crampd")


def state_writable():
    with open(os.path.join(state_directory(), "probe"), "w") as file:
        file.write("state\n")
    return f"{state_directory()} (STATE_DIRECTORY={os.environ.get('STATE_DIRECTORY')})"


def config_writable():
    directory = os.path.join(os.environ["CONFIGURATION_DIRECTORY"], "config.d")
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "90-standin.toml"), "w") as file:
        file.write("# written by the stand-in\n")
    return os.environ["CONFIGURATION_DIRECTORY"]


def runtime_bindable():
    path = os.path.join(os.environ["RUNTIME_DIRECTORY"], "probe.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.bind(path)
        sock.listen(1)
    os.unlink(path)
    return os.environ["RUNTIME_DIRECTORY"]


def listen_fd():
    if os.environ.get("LISTEN_PID") != str(os.getpid()) or os.environ.get("LISTEN_FDS") != "1":
        raise RuntimeError(f"LISTEN_PID={os.environ.get('LISTEN_PID')} LISTEN_FDS={os.environ.get('LISTEN_FDS')}")
    sock = socket.socket(fileno=3)
    accepting = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
    if sock.family != socket.AF_UNIX or sock.type != socket.SOCK_STREAM or not accepting:
        raise RuntimeError(f"fd 3 is {sock.family!r} {sock.type!r} accepting={accepting}")
    name = sock.getsockname()
    sock.detach()  # keep fd 3 open for the main loop
    return str(name)


def zoneinfo():
    with open("/usr/share/zoneinfo/Europe/Berlin", "rb") as file:
        if file.read(4) != b"TZif":
            raise RuntimeError("not a TZif file")
    if os.path.exists("/etc/localtime"):
        with open("/etc/localtime", "rb") as file:
            file.read(4)
    return None


def session_bus():
    path = os.path.join(runtime_dir(), "bus")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(2)
        sock.connect(path)
    return path


def home_hidden():
    secret = os.environ.get("CRAMPD_STANDIN_SECRET")
    if not secret:
        raise RuntimeError("CRAMPD_STANDIN_SECRET not set")
    if os.path.exists(secret):
        raise RuntimeError(f"{secret} is visible")
    # Home may be a writable private tmpfs; the test checks that this never reaches the real home.
    try:
        with open(os.path.join(os.path.expanduser("~"), "crampd-standin-probe"), "w"):
            pass
        return "writes stay private"
    except OSError as error:
        return f"writes fail ({error.strerror})"


def network_denied():
    try:
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
    except OSError:
        return None
    raise RuntimeError("AF_INET socket allowed")


def journal_reachable():
    journal("crampd stand-in checks the journal", CRAMPD_STANDIN="journal")
    return None


def main():
    for name, function in [
        ("journal", journal_reachable), ("state", state_writable), ("config", config_writable),
        ("runtime", runtime_bindable), ("listen-fd", listen_fd), ("zoneinfo", zoneinfo),
        ("bus", session_bus), ("home-hidden", home_hidden), ("network-denied", network_denied),
    ]:
        check(name, function)
    report_path = os.path.join(state_directory(), "standin-report")
    failed = [line for line in results if "=FAIL" in line]

    def write_report(extra=()):
        with open(report_path + ".new", "w") as file:
            file.write("\n".join(results + list(extra)) + "\n")
        os.replace(report_path + ".new", report_path)

    reloads = 0

    def reload():
        nonlocal reloads
        reloads += 1
        notify(f"RELOADING=1\nMONOTONIC_USEC={time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000}")
        write_report([f"reloads={reloads}"])
        notify(f"READY=1\nSTATUS=stand-in reloaded {reloads} times")

    write_report()
    print("stand-in checks: " + "; ".join(results), flush=True)
    watchdog_usec = int(os.environ.get("WATCHDOG_USEC", "0") or 0)
    period = watchdog_usec / 2e6 if watchdog_usec and os.environ.get("WATCHDOG_PID") == str(os.getpid()) else None

    state = {"hup": False, "term": False}
    # Python retries select() after a signal, so the handlers also wake it through this pipe.
    wake_read, wake_write = socket.socketpair()
    wake_read.setblocking(False)
    wake_write.setblocking(False)
    signal.set_wakeup_fd(wake_write.fileno())
    signal.signal(signal.SIGHUP, lambda *_: state.__setitem__("hup", True))
    signal.signal(signal.SIGTERM, lambda *_: state.__setitem__("term", True))
    notify(f"READY=1\nSTATUS=stand-in ready, {len(results) - len(failed)} of {len(results)} checks ok")

    listener = socket.socket(fileno=3) if os.environ.get("LISTEN_FDS") == "1" else None
    while not state["term"]:
        if state["hup"]:
            state["hup"] = False
            reload()
        readable = select.select([wake_read] + ([listener] if listener else []), [], [], period or 3600)[0]
        if wake_read in readable:
            wake_read.recv(64)
        if period:
            notify("WATCHDOG=1")
        if listener in readable:
            connection, _ = listener.accept()
            with connection:
                connection.settimeout(2)
                try:
                    if connection.recv(1024).startswith(b"reload"):
                        reload()
                        connection.sendall(b"reloaded\n")
                    else:
                        connection.sendall(b"pong\n")
                except OSError:
                    pass
    notify("STOPPING=1")
    return 0


def ctl_reload(arguments):
    """`crampd ctl reload --socket PATH`: what ExecReload= runs, from inside the same sandbox."""
    path = arguments[arguments.index("--socket") + 1]
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(5)
        sock.connect(path)
        sock.sendall(b"reload\n")
        answer = sock.recv(64)
    return 0 if answer.startswith(b"reloaded") else 1


if __name__ == "__main__":
    sys.exit(ctl_reload(sys.argv[3:]) if sys.argv[1:3] == ["ctl", "reload"] else main())
