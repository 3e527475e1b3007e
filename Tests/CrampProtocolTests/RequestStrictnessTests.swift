import CrampProtocol
import Testing

/// Issue 13 item 9: what JSONDecoder would half-read or mangle is refused.
@Suite struct RequestStrictnessTests {
    func refusal(_ bytes: [UInt8]) -> RequestDecodingError? {
        do { _ = try Request(line: bytes); return nil } catch { return error }
    }

    @Test func aDuplicateKeyIsRefusedNotHalfRead() {
        let line = Array(#"{"command":"status","command":"pause","id":3,"version":1}"#.utf8)
        #expect(refusal(line) == RequestDecodingError(id: 3, error: ControlError(.badRequest,
            "duplicate key \"command\" in the request; send each key once")))
    }

    @Test func aDuplicateKeyInsideAValueToo() {
        let line = Array(#"{"command":"list","id":4,"version":1,"extra":{"a":1,"a":2}}"#.utf8)
        #expect(refusal(line)?.error.message == "duplicate key \"a\" in \"extra\"; send each key once")
    }

    @Test func invalidUTF8InASetValueIsRefusedNotStoredAsReplacement() {
        var line = Array(#"{"assignments":["message=caf"#.utf8)
        line += [0xC3, 0x28]  // a lead byte without its continuation
        line += Array(#""],"command":"set","id":5,"reminder":"water","runtime":false,"version":1}"#.utf8)
        #expect(refusal(line) == RequestDecodingError(id: 5, error: ControlError(.badRequest,
            "expected valid UTF-8 text without control characters for \"assignments[0]\", got invalid bytes or a bad escape")))
    }

    @Test func aLoneSurrogateEscapeIsRefusedToo() {
        let line = Array(#"{"assignments":["message=\ud800"],"command":"set","id":6,"reminder":"water","runtime":false,"version":1}"#.utf8)
        #expect(refusal(line)?.error.code == .badRequest)
    }

    @Test func validRequestsStillDecode() throws {
        let line = Array(#"{"assignments":["message=café ☕"],"command":"set","id":7,"reminder":"water","runtime":false,"version":1}"#.utf8)
        #expect(try Request(line: line) == Request(id: 7, command: .set(reminder: "water", assignments: ["message=café ☕"], runtime: false)))
    }
}
