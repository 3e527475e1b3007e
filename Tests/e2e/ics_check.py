"""Checks `crampd ctl export --ics` with real iCalendar readers (Debian's python3-icalendar
and python3-dateutil): the file parses, every event has what RFC 5545 wants, and expanding
each RRULE in the file's own VTIMEZONE (dateutil's tzical, not a zone database) gives exactly
the occurrences `crampd ctl next --json` lists over the same span.

usage: ics_check.py FILE.ics NEXT.json DAYS
"""
import datetime
import io
import json
import sys

from dateutil import tz
from dateutil.rrule import rrulestr
from icalendar import Calendar

ics_path, next_path, days = sys.argv[1], sys.argv[2], int(sys.argv[3])
raw = open(ics_path, "rb").read()
text = raw.decode("utf-8")

# Form: CRLF everywhere, no physical line over 75 octets.
assert b"\n" not in raw.replace(b"\r\n", b""), "a line ends without CR"
for line in raw.split(b"\r\n"):
    assert len(line) <= 75, f"line longer than 75 octets: {line!r}"

cal = Calendar.from_ical(raw)
assert cal["VERSION"] == "2.0" and "PRODID" in cal
zones = tz.tzical(io.StringIO(text)) if "BEGIN:VTIMEZONE" in text else None

upcoming = json.load(open(next_path))["occurrences"]
now = datetime.datetime.now(datetime.timezone.utc)
# The span both sides cover: DAYS ahead, cut at the last occurrence `next` listed.
end = now + datetime.timedelta(days=days)
if len(upcoming) == 1000:
    end = min(end, datetime.datetime.fromtimestamp(upcoming[-1]["at"] / 1e6, datetime.timezone.utc))
want = sorted((o["reminder"], o["at"]) for o in upcoming
              if datetime.datetime.fromtimestamp(o["at"] / 1e6, datetime.timezone.utc) <= end)

got, uids, rules = [], set(), 0
for event in cal.walk("VEVENT"):
    uid = str(event["UID"])
    assert uid not in uids, f"UID twice: {uid}"
    uids.add(uid)
    assert "DTSTAMP" in event and "SUMMARY" in event and "DESCRIPTION" in event, uid
    assert "Quiet hours" in str(event["DESCRIPTION"]) and "crampd ctl next" in str(event["DESCRIPTION"]), uid
    reminder = uid.split("@")[0].split(".")[0]
    start_prop = event["DTSTART"]
    tzid = start_prop.params.get("TZID")
    naive = start_prop.dt.replace(tzinfo=None)
    if tzid:
        assert zones is not None, "a TZID without a VTIMEZONE"
        start = naive.replace(tzinfo=zones.get(tzid))
    else:
        start = naive.replace(tzinfo=datetime.timezone.utc)
    if "RRULE" in event:
        rules += 1
        rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
        times = rule.between(now, end, inc=True)
    else:
        times = [start] if now <= start <= end else []
    for t in times:
        got.append((reminder, round(t.astimezone(datetime.timezone.utc).timestamp() * 1e6)))
got.sort()
if got != want:
    missing = sorted(set(want) - set(got))[:5]
    extra = sorted(set(got) - set(want))[:5]
    sys.exit(f"occurrences differ: {len(got)} in the calendar, {len(want)} from ctl next; missing {missing}; extra {extra}")
print(f"{len(got)} occurrences from {len(uids)} events ({rules} with RRULE) match ctl next")
