import CrampCore
import CrampProtocol
import Testing

struct ResponseCodingTests {
    @Test func everyResultKindRoundTrips() throws {
        let kinds = Set(Samples.results.map(\.name))
        #expect(kinds == ["status", "reminders", "upcoming", "reminder", "action", "diary", "today", "stats", "export", "report", "import", "event", "stock"])
        for result in Samples.results {
            let message = ResponseMessage(id: 5, response: .ok(result))
            var line = message.encodedLine()
            line.removeLast()
            #expect(try ResponseMessage(line: line) == message)
        }
    }

    @Test func everyErrorRoundTrips() throws {
        let codes: [ErrorCode] = [.badRequest, .unsupportedVersion, .unknownCommand, .tooLarge, .busy, .timeout,
                                  .permissionDenied, .notFound, .invalidConfig, .internal, .invalidArgument, .diaryUnavailable]
        for error in Samples.errors + codes.map({ ControlError($0, "message for \($0)") }) {
            for id in [nil, 9] as [Int?] {
                let message = ResponseMessage(id: id, response: .error(error))
                var line = message.encodedLine()
                line.removeLast()
                #expect(try ResponseMessage(line: line) == message)
            }
        }
    }

    @Test func unknownErrorCodesFromANewerDaemonStillDecode() throws {
        let line = #"{"version":1,"id":1,"error":{"code":"too-thirsty","message":"drink first"}}"#
        #expect(try ResponseMessage(line: Array(line.utf8))
            == ResponseMessage(id: 1, response: .error(ControlError(ErrorCode("too-thirsty"), "drink first"))))
    }

    @Test func errorWithoutIdCarriesNull() {
        let line = ResponseMessage(id: nil, response: .error(ControlError(.busy, "retry"))).encodedLine()
        #expect(String(decoding: line, as: UTF8.self)
            == #"{"error":{"code":"busy","message":"retry"},"id":null,"version":1}"# + "\n")
    }

    @Test func resultJSONIsTheBareResultObject() {
        let json = ControlResult.action(ActionResult(summary: "Resumed.")).encodedJSON()
        #expect(String(decoding: json, as: UTF8.self) == #"{"changes":[],"runtime":false,"summary":"Resumed."}"# + "\n")
    }

    @Test func brokenResponsesAreReportedNotTrusted() {
        for line in ["", "{}", #"{"version":2,"id":1,"ok":{"action":{}}}"#, #"{"version":1,"id":1,"ok":{"surprise":{}}}"#] {
            #expect(throws: ControlError.self) { try ResponseMessage(line: Array(line.utf8)) }
        }
    }
}
