import Testing
@testable import CrampCore

/// Issue 14 item 14 and issue 15 item 3: one parser for local dates and times.
@Suite struct LocalTimeTextTests {
    /// Wednesday 2026-11-25 18:20 UTC.
    let now = agendaDay(18, 20)

    func instant(_ text: String, zone: Zone = .utc) -> Instant? {
        try? LocalTimeText.moment(text, now: now, zone: zone).get().instant
    }

    @Test func wordsAndDates() {
        #expect(instant("18:00") == agendaUTC(2026, 11, 26, 18))       // past today: tomorrow
        #expect(instant("19:00") == agendaDay(19))
        #expect(instant("8:00") == agendaUTC(2026, 11, 26, 8))
        #expect(instant("tomorrow 08:00") == agendaUTC(2026, 11, 26, 8))
        #expect(instant("Tomorrow 08:00:30") == agendaUTC(2026, 11, 26, 8, 0, 30))
        #expect(instant("today 21:00") == agendaDay(21))
        #expect(instant("mon 08:00") == agendaUTC(2026, 11, 30, 8))
        #expect(instant("Monday 08:00") == agendaUTC(2026, 11, 30, 8))
        #expect(instant("tue 08:00") == agendaUTC(2026, 12, 1, 8))
        #expect(instant("wed 19:00") == agendaDay(19))                   // later today
        #expect(instant("wed 18:00") == agendaUTC(2026, 12, 2, 18))      // a week on
        #expect(instant("2026-12-07 08:00") == agendaUTC(2026, 12, 7, 8))
        #expect(instant("2026-12-07T08:00") == agendaUTC(2026, 12, 7, 8))
    }

    @Test func thePastAndTheMalformed() {
        #expect(LocalTimeText.moment("today 18:00", now: now, zone: .utc) == .failure(.past))
        #expect(LocalTimeText.moment("2026-11-25 08:00", now: now, zone: .utc) == .failure(.past))
        for text in ["", "18", "tomorrow", "someday 08:00", "2026-02-30 08:00", "2026-12-07X08:00", "mon  08:00", "08:00 mon"] {
            #expect(LocalTimeText.moment(text, now: now, zone: .utc) == .failure(.malformed), "\(text)")
        }
    }

    @Test func answersSayTodayOrTomorrow() {
        #expect(LocalTimeText.relativeDay(of: agendaDay(19), now: now, zone: .utc) == "today")
        #expect(LocalTimeText.relativeDay(of: agendaUTC(2026, 11, 26, 18), now: now, zone: .utc) == "tomorrow")
        #expect(LocalTimeText.relativeDay(of: agendaUTC(2026, 11, 27, 18), now: now, zone: .utc) == nil)
    }

    @Test func baseTimesAreExactlyADateAndATime() {
        let expected = LocalDateTime(date: CivilDate(year: 2026, month: 3, day: 29), time: TimeOfDay(hour: 1, minute: 0))
        #expect(LocalTimeText.localDateTime("2026-03-29 01:00:00") == expected)
        #expect(LocalTimeText.localDateTime("2026-03-29T01:00") == expected)
        #expect(LocalTimeText.localDateTime("tomorrow 01:00") == nil)
        #expect(LocalTimeText.localDateTime("01:00") == nil)
        #expect(CivilDate(isoText: "2028-02-29") == CivilDate(year: 2028, month: 2, day: 29))
        #expect(CivilDate(isoText: "2027-02-29") == nil)
    }
}
