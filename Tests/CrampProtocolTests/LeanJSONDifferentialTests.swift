import CrampCore
@testable import CrampProtocol
import TestSupport
import Testing

/// The lean decoder gives what FoundationEssentials' JSONDecoder gives: the same value for
/// every sample and documented line, and the same value or the same error for mutated lines.
struct LeanJSONDifferentialTests {
    static var responseLines: [[UInt8]] {
        let results = (Samples.results + Samples.diaryResults).map { ResponseMessage(id: 5, response: .ok($0)) }
        let errors = Samples.errors.map { ResponseMessage(id: nil, response: .error($0)) }
        return (results + errors).map { Array($0.encodedLine().dropLast()) }
    }

    static var requestLines: [[UInt8]] {
        Samples.commands.map { Array(Request(id: 1, command: $0, keepAlive: true).encodedLine().dropLast()) }
    }

    @Test func samplesDecodeTheSame() throws {
        for line in Self.responseLines {
            let (lean, json) = Decode.both(ResponseMessage.self, line)
            #expect(lean == json)
            #expect(lean.hasPrefix("ok "))
            #expect(Decode.both(JSONTree.self, line).lean == Decode.both(JSONTree.self, line).json)
        }
        for line in Self.requestLines {
            let (lean, json) = Decode.both(RequestFields.self, line)
            #expect(lean == json)
            #expect(lean.hasPrefix("ok "))
            #expect(Decode.lean(JSONTree.self, line) == Decode.jsonDecoder(JSONTree.self, line))
        }
    }

    @Test func documentedLinesDecodeTheSame() throws {
        let lines = try ProtocolDocTests.exampleLines()
        #expect(lines.count > 40)
        for (sent, text) in lines {
            let line = Array(text.utf8)
            #expect(Decode.lean(JSONTree.self, line) == Decode.jsonDecoder(JSONTree.self, line), "\(text)")
            if sent {
                #expect(Decode.lean(RequestFields.self, line) == Decode.jsonDecoder(RequestFields.self, line), "\(text)")
            } else {
                let (lean, json) = Decode.both(ResponseMessage.self, line)
                #expect(lean == json, "\(text)")
                #expect(lean.hasPrefix("ok "), "\(text)")
            }
        }
    }

    /// Seeded mutations of real lines: both decoders succeed or fail together, with the same
    /// value or the same error (kind, type, coding path).
    @Test func mutatedLinesDecodeTheSame() {
        var rng = SplitMix64(state: 2026)
        let seeds = Self.responseLines + Self.requestLines
        let alphabet = Array(#"{}[]":,0123456789-+.eE truefalsnul\/u"#.utf8) + [0x09, 0x0A, 0, 0x1f, 0xff, 0xc3, 0x80, 0xed, 0xa0]
        var agreed = 0, decoded = 0
        for round in 0..<6_000 {
            var line = rng.pick(seeds)
            for _ in 0..<rng.int(1...4) {
                guard !line.isEmpty else { break }
                let i = rng.int(0...line.count - 1)
                switch rng.int(0...2) {
                case 0: line[i] = rng.pick(alphabet)
                case 1: line.remove(at: i)
                default: line.insert(rng.pick(alphabet), at: i)
                }
            }
            let text = String(decoding: line, as: UTF8.self)
            let response = Decode.both(ResponseMessage.self, line)
            let request = Decode.both(RequestFields.self, line)
            let tree = Decode.both(JSONTree.self, line)
            #expect(response.lean == response.json, "round \(round): \(text)")
            #expect(request.lean == request.json, "round \(round): \(text)")
            #expect(tree.lean == tree.json, "round \(round): \(text)")
            if response.lean == response.json && request.lean == request.json && tree.lean == tree.json { agreed += 1 }
            if response.lean.hasPrefix("ok ") || request.lean.hasPrefix("ok ") { decoded += 1 }
        }
        #expect(agreed == 6_000 && decoded > 100)
    }

    /// Random small JSON-ish texts from the grammar's pieces, many of them valid.
    @Test func randomTextsDecodeTheSame() {
        var rng = SplitMix64(state: 99)
        let pieces = ["{", "}", "[", "]", ",", ":", " ", "\"a\"", "\"b\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"",
                      "0", "-0", "1", "-1", "1.0", "1.5", "1e2", "1E-2", "9223372036854775807", "9223372036854775808",
                      "-9223372036854775808", "18446744073709551615", "18446744073709551616", "1e400", "true", "false", "null",
                      "\"\\n\\t\\\"\\\\\\/\"", "01", "\"\t\"", "\u{FEFF}"]
        for round in 0..<20_000 {
            let text = (0..<rng.int(1...8)).map { _ in rng.pick(pieces) }.joined()
            let tree = Decode.both(JSONTree.self, Array(text.utf8))
            #expect(tree.lean == tree.json, "round \(round): \(text)")
        }
    }
}
