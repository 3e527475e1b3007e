import CrampCore
import CrampProtocol
import Testing

struct RequestCodingTests {
    @Test(arguments: Samples.commands)
    func everyCommandRoundTrips(command: Command) throws {
        for keepAlive in [false, true] {
            let request = Request(id: 17, command: command, keepAlive: keepAlive)
            var line = request.encodedLine()
            #expect(line.last == UInt8(ascii: "\n"))
            line.removeLast()
            #expect(!line.contains(UInt8(ascii: "\n")), "one request is one line")
            #expect(try Request(line: line) == request)
        }
    }

    @Test func everyCommandHasASample() {
        #expect(Set(Samples.commands.map(\.name)) == Set(Command.names))
    }

    @Test func wireFormIsFlatAndReadable() {
        let line = Request(id: 7, command: .snooze(reminder: "water", duration: .minutes(10))).encodedLine()
        #expect(String(decoding: line, as: UTF8.self)
            == #"{"command":"snooze","duration":600000000,"id":7,"reminder":"water","version":1}"# + "\n")
    }

    @Test func unknownFieldsAreIgnored() throws {
        let request = try Request(line: Array(#"{"version":1,"id":1,"command":"list","colour":"blue"}"#.utf8))
        #expect(request == Request(id: 1, command: .list))
    }

    @Test func nextDefaultsToOneAndIsBounded() throws {
        #expect(try Request(line: Array(#"{"version":1,"id":1,"command":"next"}"#.utf8)).command == .next(count: 1))
        for count in [0, -1, Command.maxNextCount + 1] {
            #expect(throws: RequestDecodingError(id: 1, error: ControlError(.badRequest,
                "expected \"count\" from 1 to \(Command.maxNextCount), got \(count)"))) {
                try Request(line: Array(#"{"version":1,"id":1,"command":"next","count":\#(count)}"#.utf8))
            }
        }
    }

    @Test(arguments: [
        (#"{"version":1,"id":1,"command":"show"}"#, ErrorCode.badRequest, Optional(1),
         #"expected "reminder" for "show", got none"#),
        (#"{"version":1,"id":1,"command":"set","reminder":"water"}"#, .badRequest, 1,
         #"expected "assignments" (KEY=VALUE strings) for "set", got none"#),
        (#"{"version":1,"id":1,"command":"pause","duration":1,"until":2}"#, .badRequest, 1,
         #"expected "duration" or "until" for "pause", got both"#),
        (#"{"version":1,"id":1,"command":"snooze","reminder":"water","duration":-5}"#, .badRequest, 1,
         #"expected "duration" from 1 to 31622400000000 microseconds (366d), got -5"#),
        // The one bound of durations and instants, at its edges and Int64's (issue 13 item 1).
        (#"{"version":1,"id":1,"command":"snooze","reminder":"water","duration":0}"#, .badRequest, 1,
         #"expected "duration" from 1 to 31622400000000 microseconds (366d), got 0"#),
        (#"{"version":1,"id":1,"command":"snooze","reminder":"water","duration":31622400000001}"#, .badRequest, 1,
         #"expected "duration" from 1 to 31622400000000 microseconds (366d), got 31622400000001"#),
        (#"{"version":1,"id":1,"command":"pause","duration":9223372036854775807}"#, .badRequest, 1,
         #"expected "duration" from 1 to 31622400000000 microseconds (366d), got 9223372036854775807"#),
        (#"{"version":1,"id":1,"command":"pause","duration":-9223372036854775808}"#, .badRequest, 1,
         #"expected "duration" from 1 to 31622400000000 microseconds (366d), got -9223372036854775808"#),
        (#"{"version":1,"id":1,"command":"pause","until":9223372036854775807}"#, .badRequest, 1,
         #"expected "until" from 0 to 253402300799999999 microseconds since 1970 (up to the year 9999), got 9223372036854775807"#),
        (#"{"version":1,"id":1,"command":"pause","until":253402300800000000}"#, .badRequest, 1,
         #"expected "until" from 0 to 253402300799999999 microseconds since 1970 (up to the year 9999), got 253402300800000000"#),
        (#"{"version":1,"id":1,"command":"pause","until":-1}"#, .badRequest, 1,
         #"expected "until" from 0 to 253402300799999999 microseconds since 1970 (up to the year 9999), got -1"#),
        (#"{"version":3,"id":2,"command":"status"}"#, .unsupportedVersion, 2,
         "protocol version 3 is not supported; this crampd speaks version 1"),
        (#"{"version":1,"id":2,"command":"dance"}"#, .unknownCommand, 2,
         #"unknown command "dance"; known: status, list, next, show, done, snooze, skip, trigger, pause, resume, set, add, remove, reset, reload, notify-test, drink, take, cramp, undo, today, stats, export, report, import, watch, stock"#),
        (#"{"version":1,"id":"x","command":"status"}"#, .badRequest, nil,
         #"expected an integer for "id", got another type"#),
        (#"{"version":1,"id":4,"command":"show","reminder":7}"#, .badRequest, 4,
         #"expected a string for "reminder", got another type"#),
        (#"{"version":1,"command":"status"}"#, .badRequest, nil, #"expected "id", got none"#),
        (#"{"#, .badRequest, nil, "malformed JSON: expected one JSON object per line"),
        (#""status""#, .badRequest, nil, "expected a JSON object, got something else"),
        ("", .badRequest, nil, "malformed JSON: expected one JSON object per line"),
    ] as [(String, ErrorCode, Int?, String)])
    func badRequestsSayWhatIsWrong(line: String, code: ErrorCode, id: Int?, message: String) {
        #expect(throws: RequestDecodingError(id: id, error: ControlError(code, message))) {
            try Request(line: Array(line.utf8))
        }
    }

    @Test func theBoundsThemselvesAreAccepted() throws {
        let longest = try Request(line: Array(#"{"version":1,"id":1,"command":"pause","duration":31622400000000}"#.utf8))
        #expect(longest.command == .pause(.duration(.maximum)))
        let latest = try Request(line: Array(#"{"version":1,"id":1,"command":"pause","until":253402300799999999}"#.utf8))
        #expect(latest.command == .pause(.until(Instant.accepted.upperBound)))
        let shortest = try Request(line: Array(#"{"version":1,"id":1,"command":"snooze","reminder":"w","duration":1}"#.utf8))
        #expect(shortest.command == .snooze(reminder: "w", duration: TimeSpan(microseconds: 1)))
    }

    @Test func invalidUTF8IsABadRequest() {
        #expect(throws: RequestDecodingError.self) { try Request(line: [0x7b, 0xff, 0xfe, 0x7d]) }
    }
}
