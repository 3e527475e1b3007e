import CrampCore
import CrampProtocol
import Testing

/// The diary verbs on the wire: flat fields, optional amounts left out, shapes checked.
struct DiaryRequestCodingTests {
    static func line(_ command: Command) -> String {
        String(decoding: Request(id: 3, command: command).encodedLine().dropLast(), as: UTF8.self)
    }

    @Test(arguments: [
        (Command.drink(milliliters: nil, note: nil), #"{"command":"drink","id":3,"version":1}"#),
        (.drink(milliliters: 330, note: "after the run"), #"{"command":"drink","id":3,"milliliters":330,"note":"after the run","version":1}"#),
        (.take(electrolyte: "magnesium", milligrams: 200), #"{"command":"take","electrolyte":"magnesium","id":3,"milligrams":200,"version":1}"#),
        (.cramp(muscle: "calf", severity: 6, at: "03:10", note: nil), #"{"at":"03:10","command":"cramp","id":3,"muscle":"calf","severity":6,"version":1}"#),
        (.undo, #"{"command":"undo","id":3,"version":1}"#),
        (.today(), #"{"command":"today","id":3,"version":1}"#),
        (.today(date: "2026-12-01"), #"{"command":"today","date":"2026-12-01","id":3,"version":1}"#),
        (.stats(days: 30), #"{"command":"stats","days":30,"id":3,"version":1}"#),
        (.export(format: .csv, since: "2026-11-01"), #"{"command":"export","format":"csv","id":3,"since":"2026-11-01","version":1}"#),
        (.export(format: .json, since: nil, until: "2026-11-30", kind: .cramp),
         #"{"command":"export","format":"json","id":3,"kind":"cramp","through":"2026-11-30","version":1}"#),
        (.report(since: "2026-11-01", until: "2026-11-30"), #"{"command":"report","id":3,"since":"2026-11-01","through":"2026-11-30","version":1}"#),
        (.report(since: "2026-11-01", until: nil), #"{"command":"report","id":3,"since":"2026-11-01","version":1}"#),
    ])
    func wireForm(command: Command, expected: String) throws {
        #expect(Self.line(command) == expected)
        #expect(try Request(line: Array(expected.utf8)) == Request(id: 3, command: command))
    }

    @Test func statsDefaultsToSevenDays() throws {
        #expect(try Request(line: Array(#"{"version":1,"id":1,"command":"stats"}"#.utf8)).command == .stats(days: 7))
    }

    @Test(arguments: [
        (#"{"version":1,"id":1,"command":"take"}"#, #"expected "electrolyte" for "take", got none"#),
        (#"{"version":1,"id":1,"command":"take","electrolyte":""}"#, #"expected "electrolyte" for "take", got none"#),
        (#"{"version":1,"id":1,"command":"stats","days":0}"#, #"expected "days" from 1 to 366, got 0"#),
        (#"{"version":1,"id":1,"command":"stats","days":367}"#, #"expected "days" from 1 to 366, got 367"#),
        (#"{"version":1,"id":1,"command":"export"}"#, #"expected "format" ("csv", "json" or "ics") for "export", got none"#),
        (#"{"version":1,"id":1,"command":"export","format":"ics","days":367}"#, #"expected "days" from 1 to 366, got 367"#),
        (#"{"version":1,"id":1,"command":"export","format":"csv","days":7}"#, #"expected "days" only with "format" "ics", got it with "csv""#),
        (#"{"version":1,"id":1,"command":"import","records":[]}"#, #"expected "batch" (a token of 1 to 64 bytes) for "import", got none"#),
        (#"{"version":1,"id":1,"command":"drink","milliliters":"lots"}"#, #"expected an integer for "milliliters", got another type"#),
    ])
    func badShapesAreBadRequests(line: String, message: String) {
        #expect(throws: RequestDecodingError(id: 1, error: ControlError(.badRequest, message))) {
            try Request(line: Array(line.utf8))
        }
    }

    @Test func anUnknownExportFormatIsABadRequest() {
        #expect(throws: RequestDecodingError.self) {
            try Request(line: Array(#"{"version":1,"id":1,"command":"export","format":"xml"}"#.utf8))
        }
    }

    @Test func sinceDatesParseOnlyWhenReal() {
        #expect(ArgumentText.date("2026-11-01") == CivilDate(year: 2026, month: 11, day: 1))
        #expect(ArgumentText.date("2028-02-29") == CivilDate(year: 2028, month: 2, day: 29))
        for bad in ["2026-02-30", "2026-13-01", "26-11-01", "2026-1-01", "2026-11-01x", "", "+026-11-01"] {
            #expect(ArgumentText.date(bad) == nil, "\(bad)")
        }
    }
}
