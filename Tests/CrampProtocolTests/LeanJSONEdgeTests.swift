@testable import CrampProtocol
import FoundationEssentials
import Testing

/// The corners of JSON where decoders differ, each checked against JSONDecoder.
struct LeanJSONEdgeTests {
    struct Text: Decodable, Equatable { var a: String }
    struct Number: Decodable, Equatable { var a: Int }
    struct Small: Decodable, Equatable { var a: Int32 }
    struct Big: Decodable, Equatable { var a: UInt64 }
    struct Maybe: Decodable, Equatable { var a: Int? }
    struct Flag: Decodable, Equatable { var a: Bool }

    func same<T: Decodable & Equatable>(_ type: T.Type, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let (lean, json) = Decode.both(type, Array(text.utf8))
        #expect(lean == json, "\(text)", sourceLocation: sourceLocation)
        return lean.description
    }

    @Test func escapes() throws {
        #expect(try LeanJSONDecoder.decode(Text.self, from: Array(#"{"a":"\"\\\/\b\f\n\r\t\u0041\u00e9\u0000"}"#.utf8))
                == Text(a: "\"\\/\u{8}\u{c}\n\r\tAé\u{0}"))
        for text in [#"{"a":"\"\\\/\b\f\n\r\t"}"#, #"{"a":"\u00E9x\u20ac"}"#, #"{"a":"\x"}"#, #"{"a":"\u12"}"#, #"{"a":"\uzzzz"}"#,
                     "{\"a\":\"\t\"}", "{\"a\":\"\u{7f}\"}", #"{"a":"unterminated}"#, #"{"a":"\"#, "{\"a\":\"é\"}"] {
            _ = same(Text.self, text)
        }
    }

    @Test func surrogates() throws {
        #expect(try LeanJSONDecoder.decode(Text.self, from: Array(#"{"a":"\ud83d\ude00"}"#.utf8)) == Text(a: "😀"))
        #expect(same(Text.self, #"{"a":"\uDBFF\uDFFF"}"#).hasPrefix("ok"))
        for text in [#"{"a":"\ud83d"}"#, #"{"a":"\ude00"}"#, #"{"a":"\ud83dx"}"#, #"{"a":"\ud83d\u0041"}"#, #"{"a":"\ud800\ud800"}"#,
                     #"{"a":"\ud83d\"#, #"{"a":"\ud83d\u"}"#] {
            #expect(same(Text.self, text).hasPrefix("dataCorrupted"), "\(text)")
        }
    }

    @Test func invalidUTF8IsRefused() {
        for bytes: [UInt8] in [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80]] {
            let line = Array(#"{"a":""#.utf8) + bytes + Array(#""}"#.utf8)
            let (lean, json) = Decode.both(Text.self, line)
            #expect(lean == json && lean.hasPrefix("dataCorrupted"), "\(bytes)")
        }
    }

    @Test func numbers() {
        for text in ["0", "-0", "1.0", "1e2", "1E+2", "10e-1", "0.1e1", "-1e-400", "5e18", "-9223372036854775808", "9223372036854775807"] {
            #expect(same(Number.self, #"{"a":\#(text)}"#).hasPrefix("ok"), "\(text)")
        }
        // Out of range or not whole: a corrupted value where JSONDecoder says so, the same path.
        for text in ["1.5", "1e-2", "9223372036854775808", "-9223372036854775809", "1e19", "1e400", "9223372036854775807.0"] {
            _ = same(Number.self, #"{"a":\#(text)}"#)
        }
        for text in ["2147483648", "-2147483649", "2147483647"] { _ = same(Small.self, #"{"a":\#(text)}"#) }
        for text in ["18446744073709551615", "18446744073709551616", "-1", "-0"] { _ = same(Big.self, #"{"a":\#(text)}"#) }
        // Not numbers at all.
        for text in ["01", "-01", "+1", ".5", "1.", "1e", "1e+", "-", "00", "0x10", "Infinity", "NaN"] {
            #expect(same(Number.self, #"{"a":\#(text)}"#).hasPrefix("dataCorrupted"), "\(text)")
        }
        #expect(same(Number.self, #"{"a":"1"}"#).hasPrefix("typeMismatch"))
        #expect(same(Number.self, #"{"a":true}"#).hasPrefix("typeMismatch"))
        #expect(same(Flag.self, #"{"a":1}"#).hasPrefix("typeMismatch"))
    }

    @Test func absentAndNull() {
        #expect(same(Maybe.self, #"{}"#) == "ok Maybe(a: nil)")
        #expect(same(Maybe.self, #"{"a":null}"#) == "ok Maybe(a: nil)")
        #expect(same(Maybe.self, #"{"a":"x"}"#).hasPrefix("typeMismatch"))
        #expect(same(Number.self, #"{}"#).hasPrefix("keyNotFound"))
        #expect(same(Number.self, #"{"a":null}"#).hasPrefix("valueNotFound"))
        #expect(same(Number.self, #"null"#).hasPrefix("valueNotFound"))
        #expect(same(Number.self, #"[]"#).hasPrefix("typeMismatch"))
        #expect(same([Int].self, #"[1,null]"#).hasPrefix("valueNotFound"))
        let optionals = same([Int?].self, #"[1,null]"#)
        #expect(optionals.hasPrefix("ok"))
    }

    /// JSONDecoder keeps the first of duplicate keys; `allKeys` lists a key once.
    @Test func duplicateKeys() throws {
        #expect(same(Number.self, #"{"a":1,"a":2}"#) == "ok Number(a: 1)")
        #expect(same(Number.self, #"{"a":1,"a":"x"}"#) == "ok Number(a: 1)")
        let line = Array(#"{"id":1,"ok":{"action":{"changes":[],"runtime":false,"summary":"x"},"action":{}},"version":1}"#.utf8)
        let (lean, json) = Decode.both(ResponseMessage.self, line)
        #expect(lean == json && lean.hasPrefix("ok"))
    }

    @Test func keysCompareAsSwiftStrings() {
        struct Accented: Decodable, Equatable { var a: String; enum CodingKeys: String, CodingKey { case a = "\u{e9}" } }
        #expect(Decode.both(Accented.self, Array("{\"e\u{301}\":\"x\"}".utf8)).lean
                == Decode.both(Accented.self, Array("{\"e\u{301}\":\"x\"}".utf8)).json)
    }

    /// 512 levels are fine, 513 are refused, and 100,000 neither overflow the stack nor pass.
    @Test func deepNesting() {
        for depth in [511, 512, 513] {
            let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let (lean, json) = Decode.both(JSONTree.self, Array(text.utf8))
            #expect(lean == json, "depth \(depth)")
            #expect(lean.hasPrefix("ok") == (depth <= 512), "depth \(depth)")
        }
        for opener in ["[", "{\"a\":"] {
            let line = Array(String(repeating: opener, count: 100_000).utf8)
            #expect(Decode.lean(JSONTree.self, line).hasPrefix("dataCorrupted"))
        }
    }

    @Test func whitespaceAndTrailingText() {
        #expect(same(Number.self, " \t\r\n{\"a\":1} \n").hasPrefix("ok"))
        #expect(same(Number.self, "\u{FEFF}{\"a\":1}").hasPrefix("ok"))
        for text in [#"{"a":1} x"#, #"{"a":1}}"#, #"{"a":1}{"a":1}"#, "{\"a\":1}\u{0}", "\u{a0}{\"a\":1}", "", " "] {
            #expect(same(Number.self, text).hasPrefix("dataCorrupted"), "\(text)")
        }
    }

    /// swift-foundation's JSONDecoder allows one trailing comma; so must we, to agree.
    @Test func trailingCommas() {
        #expect(same(Number.self, #"{"a":1,}"#).hasPrefix("ok"))
        #expect(same([Int].self, #"[1,2,]"#).hasPrefix("ok"))
        for text in ["[,]", "[1,,2]", "{,}", #"{"a":1,,}"#] {
            #expect(same(JSONTree.self, text).hasPrefix("dataCorrupted"), "\(text)")
        }
    }

    /// The client's message for a broken answer reads as before.
    @Test func responseErrorsKeepTheirWords() {
        for text in ["{", #"{"version":2,"id":1,"ok":{"status":{}}}"#, #"{"version":1,"id":"x"}"#, #"{"version":1,"id":1,"ok":{}}"#,
                     #"{"version":1,"id":1,"ok":{"action":{"summary":1}}}"#, #"{"version":1,"id":1}"#] {
            var lean = "", json = ""
            do { _ = try ResponseMessage(line: Array(text.utf8)) } catch { lean = error.message }
            do { _ = try WireCoding.decoder.decode(ResponseMessage.self, from: Data(text.utf8)) } catch let e as DecodingError {
                json = "Failed to read the daemon's response: \(WireCoding.describe(e))"
            } catch { json = "\(error)" }
            #expect(lean == json, "\(text)")
            #expect(!lean.isEmpty)
        }
    }
}
