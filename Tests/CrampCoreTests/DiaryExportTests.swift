import CrampCore
import FoundationEssentials
import Testing

@Suite("Diary export")
struct DiaryExportTests {
    @Test func csvHasOneHeaderAndEveryRecordKindInTimeOrder() {
        let csv = DiaryCSV.render(DiaryFixture.records, zone: .utc)
        let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.first == "type,time,utc_offset,amount,unit,electrolyte,muscle,severity,night,reminder,event,due,note,id")
        #expect(lines.last == "")  // every row ends with CRLF
        #expect(lines.count == 1 + 4 + 3 + 2 + 7 + 1)
        #expect(lines[1] == "drink,2026-11-24 12:00:00,+00:00,2000,ml,,,,,,,,,drink-aad6277c056abcb8")
        #expect(lines[2] == "reminder,2026-11-24 21:30:00,+00:00,,,,,,,magnesium,missed,2026-11-24 21:00:00,,reminder-aeaf1c79f3718597")
        #expect(lines[6] == "cramp,2026-11-25 03:10:00,+00:00,,,,calf,6,yes,,,,,cramp-6d77539d0a731cee")
        // Equal times: drink, dose, cramp, then reminder events.
        #expect(lines[8] == "dose,2026-11-25 09:00:00,+00:00,200,mg,magnesium,,,,,,,,dose-109bfcb7bf311f1a")
        #expect(lines[9] == "reminder,2026-11-25 09:00:00,+00:00,,,,,,,water,due,2026-11-25 09:00:00,,reminder-14c258906a6e1f5c")
        #expect(lines[11] == "drink,2026-11-25 10:30:00,+00:00,500,ml,,,,,,,,after run,drink-44fb265013140fce")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 14 })
    }

    @Test func csvQuotesLikeRFC4180() {
        #expect(DiaryCSV.quoted("plain text") == "plain text")
        #expect(DiaryCSV.quoted("a, b") == "\"a, b\"")
        #expect(DiaryCSV.quoted("said \"ouch\"") == "\"said \"\"ouch\"\"\"")
        #expect(DiaryCSV.quoted("two\nlines") == "\"two\nlines\"")
        #expect(DiaryCSV.quoted("crlf\r\nline") == "\"crlf\r\nline\"")
        #expect(DiaryCSV.quoted("") == "")
        let records = DiaryRecords(drinks: [Drink(milliliters: 300, time: DiaryFixture.today(7, 0), note: "tea, \"green\"\nwith lemon")])
        #expect(DiaryCSV.render(records, zone: .utc).contains("drink,2026-11-25 07:00:00,+00:00,300,ml,,,,,,,,\"tea, \"\"green\"\"\nwith lemon\","))
    }

    @Test func jsonDocumentCarriesMicrosecondsAndLocalTimes() throws {
        let export = DiaryExport(records: DiaryFixture.records, zone: .utc, since: CivilDate(year: 2026, month: 11, day: 24))
        #expect(export.format == "crampd-diary")
        #expect(export.since == "2026-11-24")
        #expect(export.drinks.count == 4)
        #expect(export.reminderEvents[1].event == .catchUp)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(export.doses[0]), as: UTF8.self)
        #expect(json == #"{"electrolyte":"magnesium","id":"dose-109bfcb7bf311f1a","localTime":"2026-11-25T09:00:00+00:00","milligrams":200,"time":\#(DiaryFixture.today(9, 0).microseconds)}"#)
        let roundTrip = try JSONDecoder().decode(DiaryExport.self, from: try encoder.encode(export))
        #expect(roundTrip == export)
    }

    @Test func todayAndStatsRoundTripThroughJSONForCtlJson() throws {
        let today = TodaySummary.compute(records: DiaryFixture.records, goals: DiaryFixture.goals, zone: .utc,
                                         now: DiaryFixture.now, stillDue: DiaryFixture.stillDue)
        let stats = DiaryStats.compute(records: DiaryFixture.records, goals: DiaryFixture.goals, zone: .utc, now: DiaryFixture.now, days: 7)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try JSONDecoder().decode(TodaySummary.self, from: encoder.encode(today)) == today)
        #expect(try JSONDecoder().decode(DiaryStats.self, from: encoder.encode(stats)) == stats)
        let day = String(decoding: try encoder.encode(stats.days[6]), as: UTF8.self)
        #expect(day.hasPrefix(#"{"cramps":1,"date":"2026-11-25","electrolytes":[{"electrolyte":"potassium","milligrams":300}"#))
    }
}

@Suite("Diary export: formulas")
struct DiaryCSVFormulaTests {
    @Test func textASpreadsheetWouldRunStaysText() {
        let t = DiaryFixture.today(7, 0)
        let records = DiaryRecords(
            drinks: [Drink(milliliters: 300, time: t, note: "=HYPERLINK(\"http://x\",\"y\")"),
                     Drink(milliliters: 300, time: t, note: "-2+3"), Drink(milliliters: 300, time: t, note: "a = b")],
            cramps: [Cramp(time: t, muscle: "@calf", severity: 3, note: "+1", atNight: true)])
        let rows = DiaryCSV.render(records, zone: .utc).split(separator: "\r\n").dropFirst()
        #expect(rows.first?.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",") == true)
        #expect(rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().last ?? "" } == ["'-2+3", "a = b", "'+1"])
        #expect(rows.last?.contains(",'@calf,3,yes,") == true)
        #expect(DiaryCSV.inert("\tx") == "'\tx")
        #expect(DiaryCSV.inert("") == "")
        #expect(DiaryCSV.inert("calf") == "calf")
    }
}
