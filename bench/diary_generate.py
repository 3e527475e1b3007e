#!/usr/bin/env python3
"""Fill a crampd diary with DAYS days of generated entries up to now, through SQLite directly.

The daemon must have created the file (schema) and be stopped. The pattern follows
bench/diary-bench.swift: a day has 10 drinks (a few short of the goal now and then), 3 doses,
8 water reminders (7 done, 1 skipped), a night cramp every other day and a daytime one every fifth.
Usage: bench/diary_generate.py DIARY.sqlite DAYS   (times in UTC days)
"""
import sqlite3, sys, time

path, days = sys.argv[1], int(sys.argv[2])
now = int(time.time())
midnight = now - now % 86400
db = sqlite3.connect(path)
rows = events = 0
with db:
    for back in range(days):
        start = midnight - back * 86400
        at = lambda h, m: (start + h * 3600 + m * 60) * 1_000_000
        entries = []
        for i in range(10 - back % 4):
            entries.append(("drink", at(7 + i * 3 // 2, (i * 17) % 60), 150 + (back * 7 + i * 31) % 300, None, None, None, None, None))
        for e, mg, h in (("magnesium", 200, 8), ("potassium", 300, 13), ("sodium", 500, 18)):
            entries.append(("dose", at(h, 5), mg, e, None, None, None, None))
        if back % 2 == 0:
            entries.append(("cramp", at(3, 10), None, None, "calf", 3 + back % 6, 1, None))
        if back % 5 == 0:
            entries.append(("cramp", at(16, 40), None, None, "foot", 4, 0, "after a walk"))
        for e in entries:
            if e[1] <= now * 1_000_000:
                db.execute("INSERT INTO entry (kind, time_usec, amount, electrolyte, muscle, severity, at_night, note) VALUES (?,?,?,?,?,?,?,?)", e)
                rows += 1
        for r in range(8):
            planned = at(8 + r * 2, 0)
            if planned > now * 1_000_000:
                continue
            for i, kind in enumerate(("due", "skipped") if r == 7 else ("due", "done")):
                db.execute("INSERT INTO reminder_event (reminder, event, planned_usec, actual_usec) VALUES (?,?,?,?)",
                           ("water", kind, planned, planned + i * 180_000_000))
                events += 1
print(f"{rows} entries, {events} reminder events over {days} days")
