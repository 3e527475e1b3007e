import Testing
@testable import CrampProtocol

/// swift-foundation's JSONDecoder traps on a text nested deeper than 512 levels; a request
/// line is the daemon's input and a response line the client's, so neither may reach it
/// (issue 13 item 1; the protocol fuzz input Tests/fuzz/regressions/protocol/513-brackets-JSONDecoder).
@Suite struct DeepNestingTests {
    static func brackets(_ n: Int) -> [UInt8] { Array(repeating: UInt8(ascii: "["), count: n) }

    @Test(arguments: [brackets(513), Array(#"{"id":7,"command":"#.utf8) + brackets(600) + Array("]}".utf8)])
    func aRequestNestedTooDeepIsRefusedWithoutAnId(line: [UInt8]) {
        #expect(throws: RequestDecodingError(id: nil, error: ControlError(.badRequest, StrictJSON.tooDeep))) { try Request(line: line) }
    }

    @Test func aResponseNestedTooDeepIsRefused() {
        #expect(throws: ControlError(.badRequest, "Failed to read the daemon's response: " + StrictJSON.tooDeep)) {
            try ResponseMessage(line: Self.brackets(513))
        }
    }

    /// At the limit itself the text still goes to the decoder, which says what is wrong.
    @Test func nestingAtTheLimitIsReadByTheDecoder() {
        #expect(throws: RequestDecodingError.self) { try Request(line: Self.brackets(512)) }
        #expect(throws: ControlError.self) { try ResponseMessage(line: Self.brackets(512)) }
    }
}
