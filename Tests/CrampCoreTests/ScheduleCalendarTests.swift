import CrampCore
import CrampDaemon  // Zone.named(_:): the system tzdata, handed in
import Testing

@Suite("Schedule as iCalendar")
struct ScheduleCalendarTests {
    func instant(_ zone: Zone, _ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) -> Instant {
        zone.instant(LocalDateTime(date: CivilDate(year: y, month: m, day: d), time: TimeOfDay(hour: h, minute: min)))
    }

    @Test func textIsEscapedAndLinesFoldAt75OctetsWithoutSplittingACharacter() {
        #expect(ICalendarText.escaped("a;b,c\\d\ne\r") == "a\\;b\\,c\\\\d\\ne")
        let long = "DESCRIPTION:" + String(repeating: "é", count: 70)
        let folded = ICalendarText.folded(long)
        #expect(folded.hasSuffix("\r\n"))
        let bytes = Array(folded.utf8.dropLast(2))
        var lines: [[UInt8]] = [[]]
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { lines.append([]); i += 2 } else { lines[lines.count - 1].append(bytes[i]); i += 1 }
        }
        #expect(lines.count == 3 && lines.allSatisfy { $0.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.first == 0x20 })
        // Unfolding (each CRLF and the one space after it removed) gives the line back.
        #expect(String(decoding: lines[0] + lines.dropFirst().flatMap { $0.dropFirst() }, as: UTF8.self) == long)
        #expect(ICalendarText.folded("SHORT") == "SHORT\r\n")
        #expect(ICalendarText.offset(-12600) == "-0330" && ICalendarText.offset(3600) == "+0100")
    }

    @Test func vtimezoneComesFromThePOSIXRule() throws {
        let now = instant(.utc, 2026, 12, 6, 12)
        let berlin = try #require(VTimeZone.lines(try Zone.named("Europe/Berlin"), now: now))
        #expect(berlin.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU") && berlin.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"))
        #expect(berlin.contains("DTSTART:19700329T020000") && berlin.contains("DTSTART:19701025T030000"))
        let sydney = try #require(VTimeZone.lines(try Zone.named("Australia/Sydney"), now: now))
        #expect(sydney.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU") && sydney.contains("RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU"))
        let kolkata = try #require(VTimeZone.lines(try Zone.named("Asia/Kolkata"), now: now))
        #expect(kolkata == ["BEGIN:VTIMEZONE", "TZID:Asia/Kolkata", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0530",
                            "TZOFFSETTO:+0530", "TZNAME:IST", "END:STANDARD", "END:VTIMEZONE"])
    }

    @Test func atTimesAreARuleAndATimeInTheSpringGapIsListed() throws {
        let berlin = try Zone.named("Europe/Berlin")
        let now = instant(berlin, 2026, 3, 20, 12)
        let morning = Schedule.at(AtSchedule(times: [TimeOfDay(hour: 8, minute: 30)], days: [.monday, .wednesday]))
        guard case .daily(let rule) = ScheduleRecurrence.of(morning, in: berlin, lastDone: nil, now: now, days: 30) else {
            Issue.record("at 08:30 on mon,wed should be a rule"); return
        }
        #expect(rule.first == instant(berlin, 2026, 3, 23, 8, 30))
        // 02:30 does not exist on 2026-03-29 in Berlin: crampd skips it, iCalendar would move it to 03:30.
        let night = Schedule.at(AtSchedule(times: [TimeOfDay(hour: 2, minute: 30)]))
        guard case .occurrences(let list) = ScheduleRecurrence.of(night, in: berlin, lastDone: nil, now: now, days: 30) else {
            Issue.record("at 02:30 across a spring gap cannot be a rule"); return
        }
        #expect(list.count == 29 && !list.contains { berlin.localDateTime(at: $0).date == CivilDate(year: 2026, month: 3, day: 29) })
        // Away from the change, the same schedule is a rule.
        if case .occurrences = ScheduleRecurrence.of(night, in: berlin, lastDone: nil, now: instant(berlin, 2026, 5, 1, 12), days: 30) {
            Issue.record("at 02:30 in May should be a rule")
        }
    }

    @Test func everyWithAWindowIsARuleButNotAcrossMidnightOrFromTheLastDone() {
        let now = instant(.utc, 2026, 12, 6, 12)
        let window = DailyWindow(start: TimeOfDay(hour: 8, minute: 0), end: TimeOfDay(hour: 20, minute: 0))
        let every = EverySchedule(interval: .minutes(30), windows: [window])
        guard case .daily(let rule) = ScheduleRecurrence.of(.every(every), in: .utc, lastDone: nil, now: now, days: 7) else {
            Issue.record("every 30m 08:00-20:00 should be a rule"); return
        }
        #expect(rule.times.count == 24)
        let ics = ScheduleCalendar.render([.init(reminder: Reminder(id: "water", kind: .hydration, message: "Water", amount: 250, schedule: .every(every)),
                                                 zone: .utc, lastDone: nil)], quietHours: [], now: now, days: 7, version: "0.2.0")
        #expect(ics.contains("\r\nRRULE:FREQ=DAILY;BYHOUR=8,9,10,11,12,13,14,15,16,17,18,19;BYMINUTE=0,30;BYS\r\n ECOND=0\r\n"))
        #expect(ics.contains("\r\nDTSTART:20261206T123000Z\r\n") && ics.contains("\r\nUID:water@crampd\r\n"))
        #expect(!ics.contains("VTIMEZONE"))
        let late = EverySchedule(interval: .minutes(90), windows: [DailyWindow(start: TimeOfDay(hour: 22, minute: 0), end: TimeOfDay(hour: 2, minute: 0))])
        if case .daily = ScheduleRecurrence.of(.every(late), in: .utc, lastDone: nil, now: now, days: 7) { Issue.record("across midnight is listed") }
        let anchored = EverySchedule(interval: .minutes(30), windows: [window], anchor: .lastDone)
        if case .daily = ScheduleRecurrence.of(.every(anchored), in: .utc, lastDone: now - .minutes(7), now: now, days: 7) {
            Issue.record("an anchor on the last done is listed")
        }
    }

    @Test func occurrencesAreBoundedAndDescriptionsSayWhatTheCalendarLeavesOut() {
        let now = instant(.utc, 2026, 12, 6, 12)
        let monthly = Reminder(id: "s", kind: .custom, message: "Check supplies", schedule: .every(EverySchedule(interval: .minutes(1))))
        let quiet = [DailyWindow(start: TimeOfDay(hour: 22, minute: 0), end: TimeOfDay(hour: 7, minute: 0))]
        // every 1m is a rule (a grid of every hour and minute); a zone without one lists.
        let ics = ScheduleCalendar.render([.init(reminder: monthly, zone: .utc, lastDone: nil)], quietHours: quiet, now: now, days: 366, version: "0")
            .replacing("\r\n ", with: "")  // unfolded
        #expect(ics.contains("BYMINUTE=0,1,2,"))
        #expect(ics.contains("Quiet hours (22:00-07:00) hold what falls due inside them until they end"))
        let listed = ScheduleRecurrence.of(monthly.schedule, in: .utc, lastDone: nil, now: now, days: 366, allowRule: false, limit: 100)
        #expect(listed == .occurrences((1...100).map { now + .minutes(Int64($0)) }))
    }

    /// The example of docs/protocol.md ("export", `--ics`), byte for byte.
    @Test func theProtocolExampleIsWhatIsRendered() {
        let magnesium = Reminder(id: "magnesium", kind: .electrolyte, electrolyte: .magnesium, message: "Magnesium with dinner", amount: 200,
                                 schedule: .at(AtSchedule(times: [TimeOfDay(hour: 21, minute: 0)])))
        let ics = ScheduleCalendar.render([.init(reminder: magnesium, zone: .utc, lastDone: nil)], quietHours: [],
                                          now: instant(.utc, 2026, 11, 25, 14), days: 7, version: "0.2.0")
        #expect(ics == "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//crampd//crampd 0.2.0//EN\r\nCALSCALE:GREGORIAN\r\nX-WR-CALNAME:crampd reminders\r\nBEGIN:VEVENT\r\nUID:magnesium@crampd\r\nDTSTAMP:20261125T140000Z\r\nDTSTART:20261125T210000Z\r\nRRULE:FREQ=DAILY\r\nDURATION:PT5M\r\nSUMMARY:Magnesium with dinner\r\nDESCRIPTION:crampd reminder \"magnesium\" (electrolyte\\, 200 mg): at 21:00. A\r\n  dose cap\\, a met water goal or a drink logged recently may skip one. The \r\n calendar shows the plan\\, not these: crampd ctl next shows what will reall\r\n y fire.\r\nCATEGORIES:crampd,electrolyte\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    }
}
