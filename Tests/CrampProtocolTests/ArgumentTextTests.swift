import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in
import CrampProtocol
import Testing

struct ArgumentTextTests {
    @Test(arguments: [
        ("90s", 90), ("10m", 600), ("10min", 600), ("1h30m", 5400), ("1h 30min", 5400), ("2d", 172_800),
        ("1 hour", 3600), ("45 minutes", 2700), ("1w", 604_800), ("90min", 5400), ("10sec", 10), ("366d", 31_622_400),
    ] as [(String, Int64)])
    func durations(text: String, seconds: Int64) throws {
        #expect(try ArgumentText.duration(text) == .seconds(seconds))
    }

    @Test(arguments: ["", "10", "m", "10x", "1h30", "-5m", "0m", "1.5h", "１０m", "10M"])
    func badDurations(text: String) {
        #expect(throws: ArgumentError("expected a duration like \"10m\", \"90s\" or \"1h30m\", got \"\(text)\"")) {
            try ArgumentText.duration(text)
        }
    }

    /// The one bound (366 days), at the bound and past it, as the config reads it.
    @Test(arguments: ["367d", "366d 1s", "2562047788h", "99999999999999999999s", "9223372036854775807s"])
    func durationsPastTheBound(text: String) {
        #expect(throws: ArgumentError("expected a duration up to 366d, got \"\(text)\"")) {
            try ArgumentText.duration(text)
        }
    }

    @Test func timesOfDayMeanTheNextOne() throws {
        let now = Samples.now  // 14:00 UTC
        #expect(try ArgumentText.time("18:00", now: now, zone: .utc) == Samples.at(18, 0))
        #expect(try ArgumentText.time("09:30", now: now, zone: .utc) == Samples.at(24 + 9, 30))
        #expect(try ArgumentText.time("14:00", now: now, zone: .utc) == Samples.at(24 + 14, 0))
        #expect(try ArgumentText.time("2026-11-26 08:00", now: now, zone: .utc) == Samples.at(24 + 8, 0))
        #expect(try ArgumentText.time("2026-11-26T08:00:30", now: now, zone: .utc)
            == Instant(seconds: Samples.at(24 + 8, 0).seconds + 30))
    }

    @Test func timesAcrossDaylightSavingChanges() throws {
        let berlin = try Zone.named("Europe/Berlin")
        let before = Instant(seconds: CivilDate(year: 2026, month: 3, day: 1).daysSinceEpoch * 86_400)
        let day = { (y: Int, m: Int, d: Int, h: Int64, min: Int64) in
            Instant(seconds: CivilDate(year: y, month: m, day: d).daysSinceEpoch * 86_400 + h * 3600 + min * 60)
        }
        // 02:30 does not exist on 2026-03-29 (clocks jump 02:00 -> 03:00 CEST): the moment of the jump.
        #expect(try ArgumentText.time("2026-03-29 02:30", now: before, zone: berlin) == day(2026, 3, 29, 1, 0))
        // 02:30 happens twice on 2026-10-25: the first one, still CEST.
        #expect(try ArgumentText.time("2026-10-25 02:30", now: before, zone: berlin) == day(2026, 10, 25, 0, 30))
        #expect(try ArgumentText.time("2026-11-25 18:00", now: before, zone: berlin) == day(2026, 11, 25, 17, 0))
    }

    @Test func badTimes() {
        let now = Samples.now
        for text in ["", "18", "25:00", "18:60", "2026-13-01 08:00", "2026-02-30 08:00", "tomorrow", "someday 08:00",
                     "tomorrow  08:00", "10000-01-01 08:00"] {
            #expect(throws: ArgumentError("expected a time like \"18:00\", \"tomorrow 08:00\", \"mon 08:00\" or \"2026-12-07 08:00\", got \"\(text)\"")) {
                try ArgumentText.time(text, now: now, zone: .utc)
            }
        }
        #expect(throws: ArgumentError("expected a time in the future, got \"2026-11-25 08:00\"")) {
            try ArgumentText.time("2026-11-25 08:00", now: now, zone: .utc)
        }
    }

    @Test(arguments: [("330", 330), ("+330", 330), ("500ml", 500), ("500ML", 500), ("0.5l", 500), (".25l", 250),
                      ("1.5L", 1500), ("12oz", 355), ("8oz", 237), ("0.4ml", 0)])
    func volumes(text: String, milliliters: Int) throws {
        if milliliters == 0 {
            #expect(throws: ArgumentError.self) { try ArgumentText.volume(text) }
        } else {
            #expect(try ArgumentText.volume(text) == milliliters)
        }
    }

    @Test(arguments: ["", "ml", "lots", "5 ml", "1.2.3l", "5.l", "1e3", "0x10", "5kg", "-5", "nan", "9999999999999l"])
    func badVolumes(text: String) {
        #expect(throws: ArgumentError.self) { try ArgumentText.volume(text) }
    }
}
