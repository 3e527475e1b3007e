import CrampCore
import CrampProtocol
import Testing

/// What `crampd ctl import` reads: both export formats back into the same records, and the
/// first problem named by line and column.
@Suite("Import file")
struct ImportFileTests {
    static let t = Instant(seconds: CivilDate(year: 2026, month: 11, day: 25).daysSinceEpoch * 86_400 + 9 * 3600)
    static let records = DiaryRecords(
        drinks: [Drink(milliliters: 250, time: t, note: "=HYPERLINK(\"http://x\"), then\nmore"), Drink(milliliters: 300, time: t + .minutes(5))],
        doses: [Dose(electrolyte: .magnesium, milligrams: 200, time: t + .minutes(60))],
        cramps: [Cramp(time: t - .hours(6), muscle: "@calf", severity: 8, note: "-2", atNight: true)],
        reminderEvents: [ReminderEventRecord(reminderID: "water", event: .catchUp, planned: t - .hours(1), actual: t),
                         ReminderEventRecord(reminderID: "water", event: .done, planned: nil, actual: t + .minutes(2))])
    static let now = t + .hours(5)

    func contents(_ located: [LocatedImportRecord]) -> [DiaryImportRecord] { located.map(\.record) }

    @Test(arguments: ["UTC", "Europe/Berlin", "America/St_Johns"])
    func csvAndJSONReadBackToTheSameRecords(zoneName: String) throws {
        let zone = try Zone.named(zoneName, in: .system)
        let expected = DiaryExport(records: Self.records, zone: zone).importRecords().map(\.record)
        let csv = try ImportFile.records(Array(DiaryCSV.render(Self.records, zone: zone).utf8))
        let json = try ImportFile.records(WireCoding.line(DiaryExport(records: Self.records, zone: zone)))
        #expect(contents(json) == expected)
        // CSV: in time order, whole seconds (all of these are), formulas unescaped.
        #expect(Set(contents(csv).map(\.id)) == Set(expected.map(\.id)))
        #expect(contents(csv).compactMap(\.drink?.note).first == "=HYPERLINK(\"http://x\"), then\nmore")
        #expect(contents(csv).compactMap(\.cramp).first == Self.records.cramps[0])
        #expect(contents(csv).compactMap(\.reminderEvent) == Self.records.reminderEvents)
        try csv.validated(now: Self.now)
        try json.validated(now: Self.now)
    }

    @Test func anOlderCSVWithoutIdsGetsTheSameIds() throws {
        let csv = DiaryCSV.render(Self.records, zone: .utc)
        let withoutIDs = csv.split(separator: "\r\n", omittingEmptySubsequences: false).map { line in
            line.isEmpty ? "" : String(line[..<line.lastIndex(of: ",")!])
        }.joined(separator: "\r\n")
        #expect(contents(try ImportFile.records(Array(withoutIDs.utf8))) == contents(try ImportFile.records(Array(csv.utf8))))
    }

    @Test func theFirstProblemIsLocated() {
        func problem(_ text: String, now: Instant = Self.now) -> String? {
            do throws(ImportFileError) {
                try ImportFile.records(Array(text.utf8)).validated(now: now)
                return nil
            } catch {
                return "\(error.line):\(error.column): \(error.message)"
            }
        }
        let header = "type,time,utc_offset,amount,unit,electrolyte,muscle,severity,night,reminder,event,due,note,id\r\n"
        #expect(problem(header + "drink,2026-11-25 09:00:00,+00:00,250,ml,,,,,,,,,\r\ndrink,2026-11-25 09:00:00,+00:00,2.5,l,,,,,,,,,\r\n")
                == "3:38: expected unit \"ml\", got \"l\"")
        #expect(problem(header + "drink,2026-11-25 09:00:00,+00:00,9000,ml,,,,,,,,,\r\n")
                == "2:1: 9000 ml is more than the 5000 ml accepted for one drink; check the unit, or log it in parts")
        #expect(problem(header + "cramp,2026-11-25 09:00:00,+00:00,,,,,11,no,,,,,\r\n")
                == "2:1: severity must be from 1 to 10, got 11")
        #expect(problem(header + "dose,2026-11-25 09:00:00,+00:00,10,mg,zinc,,,,,,,,\r\n")?.hasPrefix("2:39: unknown electrolyte \"zinc\"") == true)
        // 19:00 at +05:00 is 14:00 UTC: after a `now` of 09:00 UTC.
        #expect(problem(header + "drink,2026-11-25 19:00:00,+05:00,250,ml,,,,,,,,,\r\n", now: Self.t)?
                    .hasPrefix("2:1: expected a time up to now, got ") == true)
        #expect(problem(header + "drink,2026-11-25 09:00:01,+00:00,250,ml,,,,,,,,,drink-0000000000000000\r\n")?.hasPrefix("2:1: expected id \"drink-") == true)
        #expect(problem(header + "drink,\"2026-11-25 09:00:00,+00:00\r\n") == "2:7: expected a closing '\"' for this field, got the end of the file")
        #expect(problem("{\"format\":\"crampd-diary\",\"version\":1,\"zone\":\"UTC\",\n\"drinks\":[\n{\"time\":1,\"localTime\":\"\",\"milliliters\":\"a\"}],\"doses\":[],\"cramps\":[],\"reminderEvents\":[]}")
                == "3:1: expected an integer for \"drinks.[0].milliliters\", got another type")
        #expect(problem("{\"format\":\"crampd-diary\",\n\"version\":1,,}")?.hasPrefix("2:13: expected") == true)
        #expect(problem("{\"format\":\"other\",\"version\":1,\"zone\":\"UTC\",\"drinks\":[],\"doses\":[],\"cramps\":[],\"reminderEvents\":[]}")
                == "1:1: expected format \"crampd-diary\" version 1 to 1, got \"other\" version 1")
    }

    @Test func lineIndexPlacesOffsets() {
        let index = LineIndex(Array("ab\ncd\n\nef".utf8))
        #expect(index.place(of: 0) == (1, 1) && index.place(of: 1) == (1, 2))
        #expect(index.place(of: 3) == (2, 1) && index.place(of: 4) == (2, 2))
        #expect(index.place(of: 6) == (3, 1) && index.place(of: 7) == (4, 1) && index.place(of: 9) == (4, 3))
    }
}
