#!/usr/bin/env python3
"""Oracle test: `crampd calendar` against `systemd-analyze calendar` on this machine.

Seeded random OnCalendar= expressions (valid and invalid) are run in six zones with
unusual DST, from base times around DST changes, month and year ends and Feb 29.
Both must accept/reject alike, print the same normalized form and the same elapses.
systemd-analyze prints elapses to the second, so elapses are compared to the second
(the microseconds of our output are checked against the normalized seconds field only
through the unit tests).

Each expression gets its own systemd-analyze process, like each gets its own crampd:
glibc keeps state between calls in one process (mktime's offset guess, and tzname, which
decides which trailing abbreviations parse), so expressions given together to one
systemd-analyze influence each other's results.

CALENDAR_ORACLE_SEEDS picks the seeds, e.g. "20261125,1-4" (the default) or "1-20";
CALENDAR_ORACLE_SEED=n runs the one seed n.
"""
import datetime as dt
import os
import random
import subprocess
import sys
import zoneinfo
from concurrent.futures import ThreadPoolExecutor

CRAMPD = os.environ.get("CRAMPD", ".build/debug/crampd")
CASES = int(os.environ.get("CALENDAR_ORACLE_CASES", "624"))
ITERATIONS = 12
ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Europe/Dublin",
         "America/Sao_Paulo", "Asia/Kolkata"]


def seeds():
    if "CALENDAR_ORACLE_SEED" in os.environ:
        return [int(os.environ["CALENDAR_ORACLE_SEED"])]
    out = []
    for part in os.environ.get("CALENDAR_ORACLE_SEEDS", "20261125,1-4").split(","):
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


rng = random.Random()  # reseeded per seed by run()


# ---------- expressions ----------
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
FULL = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def weekday_name(i):
    name = rng.choice([WEEKDAYS[i], FULL[i]])
    return rng.choice([name, name.lower(), name.upper()]) if rng.random() < 0.2 else name


def weekdays():
    parts = []
    for _ in range(rng.randint(1, 3)):
        a = rng.randrange(7)
        r = rng.random()
        if r < 0.4 and a < 6:
            b = rng.randint(a, 6)
            parts.append(weekday_name(a) + rng.choice(["..", "..", "-"]) + weekday_name(b))
        else:
            parts.append(weekday_name(a))
    return ",".join(parts)


def component(lo, hi, width, hot=None):
    def value():
        if hot and rng.random() < 0.6:
            return rng.choice(hot)
        return rng.randint(lo, hi)

    def fmt(v):
        return str(v).zfill(width) if rng.random() < 0.7 else str(v)

    r = rng.random()
    a = value()
    if r < 0.45:
        return fmt(a)
    if r < 0.65:
        b = rng.randint(a, min(hi, a + rng.randint(0, hi - lo)))
        return fmt(a) + ".." + fmt(b)
    if r < 0.85:
        return fmt(a) + "/" + str(rng.randint(1, max(1, (hi - lo) // 2)))
    b = rng.randint(a, hi)
    return fmt(a) + ".." + fmt(b) + "/" + str(rng.randint(1, max(1, (b - a) or 1)))


def chain(lo, hi, width, star=0.4, hot=None):
    if rng.random() < star:
        return "*"
    return ",".join(component(lo, hi, width, hot) for _ in range(rng.choice([1, 1, 1, 2, 3])))


def year_chain():
    r = rng.random()
    if r < 0.6:
        return "*"
    if r < 0.75:
        return str(rng.choice([24, 26, 27, 28, 69, 70, 99]))
    return chain(2024, 2032, 4, star=0)


def date():
    r = rng.random()
    days_hot = [1, 28, 29, 30, 31]
    if r < 0.25:
        return ""
    if r < 0.4:  # month-day
        sep = "~" if rng.random() < 0.2 else "-"
        d = chain(1, 28 if sep == "~" else 31, 2, hot=[1, 2, 3, 7] if sep == "~" else days_hot)
        return chain(1, 12, 2, hot=[2, 3, 10, 11, 12]) + sep + d
    sep = "~" if rng.random() < 0.15 else "-"
    d = chain(1, 28 if sep == "~" else 31, 2, hot=[1, 2, 3, 7] if sep == "~" else days_hot)
    return year_chain() + "-" + chain(1, 12, 2, hot=[2, 3, 4, 10, 11, 12]) + sep + d


def seconds():
    r = rng.random()
    if r < 0.5:
        return rng.choice(["00", "0", "30", "*", "59"])
    if r < 0.7:
        return chain(0, 59, 2, star=0.2)
    if r < 0.85:
        frac = rng.choice(["5", "25", "123456", "1234567", "999999", "000001"])
        return f"{rng.randint(0, 58):02d}.{frac}"
    return f"{rng.randint(0, 10):02d}/{rng.choice(['0.5', '1.5', '7', '15', '2.25'])}"


def time():
    r = rng.random()
    if r < 0.15:
        return ""
    h = chain(0, 23, 2, star=0.25, hot=[0, 1, 2, 3, 22, 23])
    m = chain(0, 59, 2, star=0.3, hot=[0, 15, 30, 45, 59])
    if rng.random() < 0.5:
        return f"{h}:{m}"
    return f"{h}:{m}:{seconds()}"


SHORTHANDS = ["minutely", "hourly", "daily", "weekly", "monthly", "yearly", "annually", "anually",
              "quarterly", "semiannually", "semi-annually", "biannually", "bi-annually", "Daily", "HOURLY"]


def suffix(zone):
    r = rng.random()
    if r < 0.8:
        return ""
    if r < 0.87:
        return rng.choice([" UTC", " utc"])
    if r < 0.95:
        return " " + rng.choice(ZONES + ["Etc/GMT+5", "CET", "GMT", "europe/berlin"])
    abbr = {"Europe/Berlin": ["CET", "CEST"], "America/New_York": ["EST", "EDT"],
            "Australia/Lord_Howe": ["+1030", "+11"], "Europe/Dublin": ["IST", "GMT"],
            "America/Sao_Paulo": ["-03"], "Asia/Kolkata": ["IST"]}[zone]
    return " " + rng.choice(abbr)


def mutate(s):
    """A nearby string that is often invalid."""
    if not s:
        return "*"
    i = rng.randrange(len(s))
    op = rng.random()
    if op < 0.3:
        return s[:i] + s[i + 1:]
    if op < 0.6:
        return s[:i] + rng.choice("0123456789:-~.,/* @xZ") + s[i:]
    if op < 0.8:
        return s[:i] + rng.choice("0123456789:-~.,/*") + s[i + 1:]
    return rng.choice(["", " ", "  "]) + s + rng.choice(["", " ", "\t"])


def expression(zone):
    r = rng.random()
    if r < 0.06:
        body = rng.choice(SHORTHANDS)
    elif r < 0.08:
        body = "@" + str(rng.choice([0, 1234567, 1790000000, 1800000000, 2000000000, 7258118399, 7258118400]))
    else:
        parts = []
        if rng.random() < 0.3:
            parts.append(weekdays())
        d, t = date(), time()
        if d:
            parts.append(d)
        if t:
            parts.append(t)
        body = " ".join(parts) or "*-*-*"
    e = body + suffix(zone)
    if rng.random() < 0.15:
        e = mutate(e)
    return e


# ---------- base times ----------
def transitions(zone, years):
    """Instants (UTC seconds) where the zone's offset changes, found by bisection per hour."""
    z = zoneinfo.ZoneInfo(zone)
    out = []
    for y in years:
        t = int(dt.datetime(y, 1, 1, tzinfo=dt.timezone.utc).timestamp())
        end = int(dt.datetime(y + 1, 1, 1, tzinfo=dt.timezone.utc).timestamp())
        prev = dt.datetime.fromtimestamp(t, z).utcoffset()
        while t < end:
            n = t + 3600
            off = dt.datetime.fromtimestamp(n, z).utcoffset()
            if off != prev:
                lo, hi = t, n
                while hi - lo > 1:
                    mid = (lo + hi) // 2
                    if dt.datetime.fromtimestamp(mid, z).utcoffset() == prev:
                        lo = mid
                    else:
                        hi = mid
                out.append(hi)
                prev = off
            t = n
    return out


def local_string(zone, seconds):
    return dt.datetime.fromtimestamp(seconds, zoneinfo.ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M:%S")


def base_times(zone):
    """(label for systemd and crampd) base times: before/inside/after DST changes, month/year ends, Feb 29."""
    years = [2018, 2019] if zone == "America/Sao_Paulo" else [2026]
    bases = []
    for tr in transitions(zone, years):
        for delta in (-3 * 3600, -1800, -1, 0, 1200, 2700, 3 * 3600):
            bases.append("@%d" % (tr + delta))
    z = zoneinfo.ZoneInfo(zone)
    for local in ["2026-01-31 23:59:59", "2026-04-30 23:30:00", "2026-12-31 23:59:30",
                  "2028-02-28 23:00:00", "2028-02-29 12:00:00", "2027-02-28 22:00:00", "2026-06-15 10:20:30"]:
        naive = dt.datetime.strptime(local, "%Y-%m-%d %H:%M:%S")
        # Only unambiguous local times are given as text (systemd reads ambiguous ones by the current date's DST).
        a = naive.replace(tzinfo=z, fold=0)
        b = naive.replace(tzinfo=z, fold=1)
        if a.utcoffset() == b.utcoffset():
            bases.append(local)
        else:
            bases.append("@%d" % int(a.timestamp()))
    return bases


# ---------- running both ----------
def systemd(zone, base, exprs):
    env = dict(os.environ, TZ=zone, SYSTEMD_COLORS="0", LC_ALL="C")
    p = subprocess.run(["systemd-analyze", "calendar", f"--iterations={ITERATIONS}", f"--base-time={base}", "--"] + exprs,
                       capture_output=True, text=True, env=env)
    # Rejected expressions are named on stderr; the others get one block each, in order
    # (a block has "Original form:" only when it differs from the normalized form).
    rejected, failed = set(), set()
    for line in p.stderr.splitlines():
        for prefix, into in (("Failed to parse calendar specification '", rejected),
                             ("Failed to determine next elapse for '", failed)):
            if line.startswith(prefix):
                into.add(line[len(prefix):line.rindex("'")])
    accepted = [e for e in exprs if e not in rejected and e not in failed]
    blocks = []
    current = None
    for line in p.stdout.splitlines():
        s = line.strip()
        if s.startswith("Normalized form: "):
            current = {"normalized": s[len("Normalized form: "):], "utc": [], "local": []}
            blocks.append(current)
        elif current is None:
            continue
        elif s.startswith("(in UTC): "):
            current["utc"].append(" ".join(s.split()[3:5]))
        elif s.startswith("Next elapse: ") or s.startswith("Iter. #"):
            rest = s.split(": ", 1)[1]
            if rest != "never":
                current["local"].append(" ".join(rest.split()[1:3]))
    if len(blocks) != len(accepted):
        raise SystemExit(f"calendar-oracle: cannot match systemd-analyze output ({len(blocks)} blocks for {len(accepted)} expressions)")
    results = dict(zip(accepted, blocks))
    results.update({e: "rejected" for e in rejected})
    results.update({e: "failed" for e in failed})
    return results


def crampd(zone, base, expr):
    env = dict(os.environ, TZ=zone)
    p = subprocess.run([CRAMPD, "calendar", f"--iterations={ITERATIONS}", f"--base-time={base}", "--", expr],
                       capture_output=True, text=True, env=env)
    if p.returncode != 0:
        return "failed" if "Failed to determine next elapse" in p.stderr else "rejected"
    normalized = None
    for line in p.stderr.splitlines():
        if line.startswith("Normalized form: "):
            normalized = line[len("Normalized form: "):]
    utc, local = [], []
    for line in p.stdout.splitlines():
        t = dt.datetime.fromisoformat(line)
        local.append(t.strftime("%Y-%m-%d %H:%M:%S"))
        utc.append(t.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S"))
    return {"normalized": normalized, "utc": utc, "local": local}


def run(seed):
    """Returns the number of differences for one seed."""
    rng.seed(seed)
    groups = []
    for zone in ZONES:
        for base in base_times(zone):
            groups.append((zone, base))
    per_group = -(-CASES // len(groups))
    cases = []
    for zone, base in groups:
        for _ in range(per_group):
            cases.append((zone, base, expression(zone)))
    with ThreadPoolExecutor(max_workers=2) as pool:
        reference = list(pool.map(lambda c: systemd(c[0], c[1], [c[2]])[c[2]], cases))
        ours = list(pool.map(lambda c: crampd(*c), cases))
    passed = failed = accepted = 0
    for (zone, base, e), theirs, mine in zip(cases, reference, ours):
        ok = theirs == mine
        if theirs != "rejected":
            accepted += 1
        if ok:
            passed += 1
        else:
            failed += 1
            if failed <= 25:
                print(f"DIFF TZ={zone} --base-time='{base}' {e!r}\n  systemd: {theirs}\n  crampd:  {mine}")
    print(f"calendar-oracle: {passed} passed, {failed} failed ({accepted} accepted by systemd, "
          f"{len(cases) - accepted} rejected; {len(groups)} zone/base-time groups; seed {seed})")
    return failed


def main():
    return 1 if sum([run(seed) for seed in seeds()]) else 0


if __name__ == "__main__":
    sys.exit(main())
