import Testing
@testable import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in

let oracleZones = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Europe/Dublin", "America/Sao_Paulo", "Asia/Kolkata"]

@Suite struct ZoneTests {
    @Test(arguments: oracleZones)
    func agreesWithZdumpAtEveryTransition(name: String) throws {
        let zone = try Zone.named(name)
        // 1900...2100 crosses the v1 range, the 64-bit table and, after 2037, the POSIX footer.
        let lines = zdump(name, from: 1900, to: 2100)
        #expect(lines.count > 10 || name == "Asia/Kolkata")
        for line in lines {
            let type = zone.localTimeType(at: line.instant)
            #expect(type.utcOffsetSeconds == line.offset, "\(name) at \(line.instant.seconds)")
            #expect(type.isDaylightSaving == line.isDST, "\(name) at \(line.instant.seconds)")
            #expect(type.abbreviation == line.abbreviation, "\(name) at \(line.instant.seconds)")
        }
    }

    /// Version 3 files whose footer rules need the extensions: hours past 24 (`/26`, `/50`)
    /// and negative (`/-1`). Past the table's end only the footer decides.
    @Test(arguments: ["Asia/Jerusalem", "America/Nuuk", "America/Santiago", "Asia/Gaza", "Pacific/Easter"])
    func extendedFooterRulesAgreeWithZdump(name: String) throws {
        let zone = try Zone.named(name)
        let lines = zdump(name, from: 2040, to: 2100)
        #expect(lines.count > 100)
        for line in lines {
            #expect(zone.offsetSeconds(at: line.instant) == line.offset, "\(name) at \(line.instant.seconds)")
            #expect(zone.abbreviation(at: line.instant) == line.abbreviation, "\(name) at \(line.instant.seconds)")
        }
    }

    @Test func everySystemZoneFileDecodes() throws {
        let names = shellOutput("cd /usr/share/zoneinfo && find . -type f | sed 's|^./||'").split(separator: "\n").map(String.init)
        var decoded = 0
        for name in names where TZDatabase.system.hasTZifFile(name) && TZDatabase.isValidName(name) {
            _ = try TZDatabase.system.zone(named: name)
            decoded += 1
        }
        #expect(decoded > 500)
    }

    /// A hand-made version 1 file (32-bit times, no footer): type 0 before the one transition.
    @Test func decodesVersion1() throws {
        func be32(_ v: Int32) -> [UInt8] { withUnsafeBytes(of: v.bigEndian) { Array($0) } }
        var bytes = Array("TZif".utf8) + [0] + [UInt8](repeating: 0, count: 15)
        bytes += be32(0) + be32(0) + be32(0) + be32(1) + be32(2) + be32(8)   // isut, isstd, leap, time, type, char
        bytes += be32(1_000_000_000) + [1]                                    // one transition to type 1
        bytes += be32(3600) + [0, 0] + be32(7200) + [1, 4]                    // AAA +1h, BBB +2h DST
        bytes += Array("AAA\0BBB\0".utf8)
        let rules = try TZif.decode(bytes, name: "test")
        let zone = Zone(name: "test", rules: rules)
        #expect(zone.offsetSeconds(at: Instant(seconds: 999_999_999)) == 3600)
        #expect(zone.abbreviation(at: Instant(seconds: 1_000_000_000)) == "BBB")
        #expect(zone.isDaylightSaving(at: Instant(seconds: 2_000_000_000)) == true)
        #expect(throws: ZoneError.self) { try TZif.decode(Array(bytes.prefix(50)), name: "truncated") }
        #expect(throws: ZoneError.self) { try TZif.decode(Array("TZxf".utf8) + bytes.dropFirst(4), name: "magic") }
    }

    @Test func berlinFacts() throws {
        let berlin = try Zone.named("Europe/Berlin")
        #expect(berlin.offsetSeconds(at: utc(2026, 3, 29, 0, 59, 59)) == 3600)
        #expect(berlin.offsetSeconds(at: utc(2026, 3, 29, 1)) == 7200)
        #expect(berlin.abbreviation(at: utc(2026, 7, 1)) == "CEST")
        #expect(berlin.abbreviation(at: utc(2026, 1, 1)) == "CET")
        #expect(berlin.resolve(local(2026, 3, 29, 2, 30)) == .gap(transition: utc(2026, 3, 29, 1)))
        #expect(berlin.resolve(local(2026, 10, 25, 2, 30)) == .repeated(earlier: utc(2026, 10, 25, 0, 30), later: utc(2026, 10, 25, 1, 30)))
        #expect(berlin.resolve(local(2026, 10, 25, 3, 0)) == .unique(utc(2026, 10, 25, 2)))
        #expect(berlin.localDateTime(at: utc(2026, 10, 25, 1, 30)) == local(2026, 10, 25, 2, 30))
        // Past the 2037 end of the table: the footer rule (last Sunday of March at 01:00 UT).
        #expect(berlin.resolve(local(2099, 3, 29, 2, 30)) == .gap(transition: utc(2099, 3, 29, 1)))
    }

    @Test func lordHoweHasHalfHourShifts() throws {
        let z = try Zone.named("Australia/Lord_Howe")
        #expect(z.resolve(local(2026, 10, 4, 2, 10)) == .gap(transition: utc(2026, 10, 3, 15, 30)))
        #expect(z.resolve(local(2026, 10, 4, 2, 30)) == .unique(utc(2026, 10, 3, 15, 30)))
        #expect(z.resolve(local(2026, 4, 5, 1, 45)) == .repeated(earlier: utc(2026, 4, 4, 14, 45), later: utc(2026, 4, 4, 15, 15)))
        #expect(z.abbreviation(at: utc(2026, 12, 1)) == "+11")
    }

    @Test func dublinWinterIsFlaggedDaylightSaving() throws {
        let z = try Zone.named("Europe/Dublin")
        #expect(z.isDaylightSaving(at: utc(2026, 1, 15)) == true)
        #expect(z.abbreviation(at: utc(2026, 1, 15)) == "GMT")
        #expect(z.isDaylightSaving(at: utc(2026, 7, 15)) == false)
        #expect(z.offsetSeconds(at: utc(2026, 7, 15)) == 3600)
        #expect(z.resolve(local(2026, 3, 29, 1, 30)) == .gap(transition: utc(2026, 3, 29, 1)))
    }

    @Test func saoPauloSkippedMidnight() throws {
        let z = try Zone.named("America/Sao_Paulo")
        #expect(z.resolve(local(2018, 11, 4, 0, 0)) == .gap(transition: utc(2018, 11, 4, 3)))
        #expect(z.resolve(local(2018, 2, 17, 23, 30)) == .repeated(earlier: utc(2018, 2, 18, 1, 30), later: utc(2018, 2, 18, 2, 30)))
        #expect(z.offsetSeconds(at: utc(2030, 1, 1)) == -3 * 3600)
    }

    @Test func kolkataIsFixed() throws {
        let z = try Zone.named("Asia/Kolkata")
        #expect(z.offsetSeconds(at: utc(2026, 3, 29, 1)) == 19_800)
        #expect(z.resolve(local(2026, 3, 29, 2, 30)) == .unique(utc(2026, 3, 28, 21)))
    }

    @Test func localRoundTripsForEveryQuarterHour() throws {
        for name in oracleZones {
            let z = try Zone.named(name)
            var t = utc(2026, 1, 1).microseconds
            while t < utc(2027, 1, 1).microseconds {
                let i = Instant(microseconds: t)
                switch z.resolve(z.localDateTime(at: i)) {
                case .unique(let u): #expect(u == i)
                case .repeated(let a, let b): #expect(a == i || b == i)
                case .gap: Issue.record("\(name): a shown time cannot be in a gap")
                }
                t += 900_000_000
            }
        }
    }

    @Test func unknownAndInvalidNames() {
        #expect(throws: ZoneError.self) { try Zone.named("Mars/Olympus_Mons") }
        #expect(throws: ZoneError.self) { try Zone.named("../../etc/passwd") }
        #expect(throws: ZoneError.self) { try TZDatabase(SystemZoneFiles(location: "/etc")).zone(named: "hostname") }
    }

    @Test func systemZoneFromEnvironment() throws {
        #expect(try Zone.system(environment: ["TZ": ":Europe/Berlin"]).name == "Europe/Berlin")
        #expect(try Zone.system(environment: ["TZ": "America/New_York"]).name == "America/New_York")
        #expect(try Zone.system(environment: ["TZ": ""]) == .utc)
        let fromPath = try Zone.system(environment: ["TZ": "/usr/share/zoneinfo/Asia/Kolkata"])
        #expect(fromPath.name == "Asia/Kolkata")
        let posix = try Zone.system(environment: ["TZ": "CET-1CEST,M3.5.0,M10.5.0/3"])
        #expect(posix.offsetSeconds(at: utc(2026, 7, 1)) == 7200)
        #expect(posix.resolve(local(2026, 3, 29, 2, 30)) == .gap(transition: utc(2026, 3, 29, 1)))
        #expect(throws: ZoneError.self) { try Zone.system(environment: ["TZ": "No/Such_Zone"]) }
        // Without $TZ: /etc/localtime, or UTC when the file is missing.
        let missing = try Zone.system(environment: [:], database: .system, localtime: "/nonexistent/localtime")
        #expect(missing == .utc)
        let berlinFile = try Zone.system(environment: [:], database: .system, localtime: "/usr/share/zoneinfo/Europe/Berlin")
        #expect(berlinFile.offsetSeconds(at: utc(2026, 7, 1)) == 7200)
    }
}

@Suite struct POSIXRuleTests {
    @Test func parsesTheForms() throws {
        let berlin = try POSIXTimeZoneRule.parse("CET-1CEST,M3.5.0,M10.5.0/3")
        #expect(berlin.standard == LocalTimeType(utcOffsetSeconds: 3600, isDaylightSaving: false, abbreviation: "CET"))
        #expect(berlin.daylight?.type.utcOffsetSeconds == 7200)
        #expect(berlin.daylight?.end == .init(day: .monthWeekDay(month: 10, week: 5, weekday: 0), timeSeconds: 3 * 3600))
        let lordHowe = try POSIXTimeZoneRule.parse("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0")
        #expect(lordHowe.standard.utcOffsetSeconds == 37_800)
        #expect(lordHowe.standard.abbreviation == "+1030")
        let julian = try POSIXTimeZoneRule.parse("XXX3YYY,J60/-1,300/26:30")
        #expect(julian.standard.utcOffsetSeconds == -3 * 3600)
        #expect(julian.daylight?.type.utcOffsetSeconds == -2 * 3600)
        #expect(julian.daylight?.start == .init(day: .julianNoLeap(60), timeSeconds: -3600))
        #expect(julian.daylight?.end == .init(day: .zeroBased(300), timeSeconds: 26 * 3600 + 1800))
        #expect(try POSIXTimeZoneRule.parse("<+0530>-5:30").daylight == nil)
    }

    @Test func dayRules() {
        // J60 is March 1 in every year; zero-based 59 is Feb 29 in leap years.
        #expect(POSIXTimeZoneRule.DayRule.julianNoLeap(60).date(in: 2024) == CivilDate(year: 2024, month: 3, day: 1))
        #expect(POSIXTimeZoneRule.DayRule.julianNoLeap(60).date(in: 2025) == CivilDate(year: 2025, month: 3, day: 1))
        #expect(POSIXTimeZoneRule.DayRule.zeroBased(59).date(in: 2024) == CivilDate(year: 2024, month: 2, day: 29))
        // Last Sunday of March 2026 is the 29th; second Sunday of March 2026 is the 8th.
        #expect(POSIXTimeZoneRule.DayRule.monthWeekDay(month: 3, week: 5, weekday: 0).date(in: 2026) == CivilDate(year: 2026, month: 3, day: 29))
        #expect(POSIXTimeZoneRule.DayRule.monthWeekDay(month: 3, week: 2, weekday: 0).date(in: 2026) == CivilDate(year: 2026, month: 3, day: 8))
    }

    @Test(arguments: ["CE", "CET", "CET-1CEST,M13.1.0,M10.5.0", "CET-1CEST,M3.5.0", "CET-25", "<AB>1", "EST5EDT,J0,J100", "CET-1CEST,M3.5.0,M10.5.0/168"])
    func rejects(text: String) {
        #expect(throws: ZoneError.self) { try POSIXTimeZoneRule.parse(text) }
    }

    @Test func errorsSayWhatWasExpected() {
        #expect(throws: ZoneError(message: "invalid POSIX TZ rule \"CET-1CEST,M3.5.0\": expected \",\" before the end rule, got end of text")) {
            try POSIXTimeZoneRule.parse("CET-1CEST,M3.5.0")
        }
    }
}
