"""What the end-to-end scripts that run `crampd run` in the foreground share: a private
temporary home for it (config, state, runtime directory; no journal) and the tally of checks."""
import os, sys, tempfile


def private_home(prefix):
    """A new temporary directory, the environment that points crampd at it, and its socket path."""
    root = tempfile.mkdtemp(prefix=prefix)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NOTIFY_SOCKET", "LISTEN_", "CRAMPD_"))}
    env.update(XDG_CONFIG_HOME=f"{root}/config", XDG_STATE_HOME=f"{root}/state", XDG_RUNTIME_DIR=f"{root}/run",
               CRAMPD_NO_JOURNAL="1", TZ="UTC")
    return root, env, f"{root}/run/crampd/ctl.sock"


class Checks:
    """`check(condition, what)`: counts, and reports a failure on stderr as it happens."""

    def __init__(self):
        self.count = 0
        self.failures = []

    def __call__(self, condition, what):
        self.count += 1
        if not condition:
            self.failures.append(what)
            print(f"FAIL: {what}", file=sys.stderr)

    def summary(self, name):
        return f"{name}: {self.count - len(self.failures)} passed, {len(self.failures)} failed"
