import CrampCore
@testable import CrampProtocol
import FoundationEssentials

// What the lean-decoder tests compare: an outcome rendered as text, so that two decoders
// agree exactly when the texts are equal (value, or error kind, type and coding path).

/// Any JSON value, read only through Codable containers (trial and error, as a caller of
/// `Decoder` would), so it exercises both decoders the same way, `allKeys` included.
indirect enum JSONTree: Decodable, Equatable {
    case null, bool(Bool), int(Int64), uint(UInt64), double(Double), string(String)
    case array([JSONTree]), object([String: JSONTree])

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let c = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: JSONTree] = [:]
            // In key order: JSONDecoder lists keys in hash order, and the first bad member decides the error.
            for key in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members[key.stringValue] = try c.decode(JSONTree.self, forKey: key)
            }
            self = .object(members)
        } else if var c = try? decoder.unkeyedContainer() {
            var elements: [JSONTree] = []
            while !c.isAtEnd { elements.append(try c.decode(JSONTree.self)) }
            self = .array(elements)
        } else {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int64.self) { self = .int(i) }
            else if let u = try? c.decode(UInt64.self) { self = .uint(u) }
            else if let d = try? c.decode(Double.self) { self = .double(d) }
            else { self = .string(try c.decode(String.self)) }
        }
    }
}

/// Every field a request may carry (a copy of Request+Coding's private RawRequest).
struct RequestFields: Decodable, Equatable {
    var version: Int?, id: Int?, command: String?, keepAlive: Bool?, reminder: String?, count: Int?
    var duration: TimeSpan?, until: Instant?, assignments: [String]?, runtime: Bool?, sample: Bool?
    var milliliters: Int?, note: String?, electrolyte: String?, milligrams: Int?, muscle: String?
    var severity: Int?, at: String?, days: Int?, format: ExportFormat?, since: String?
}

/// What a decoder made of a line: the value, or the error's kind, type and coding path.
enum Outcome<T: Decodable & Equatable>: Equatable, CustomStringConvertible {
    case ok(T)
    case failed(String)

    var description: String {
        switch self {
        case .ok(let v): "ok \(v)"
        case .failed(let e): e
        }
    }
    func hasPrefix(_ p: String) -> Bool { description.hasPrefix(p) }

    static func render(_ error: any Error) -> String {
        guard let e = error as? DecodingError else { return "other error: \(error)" }
        func path(_ c: DecodingError.Context) -> String {
            c.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch e {
        case .typeMismatch(let t, let c): return "typeMismatch \(t) at \(path(c))"
        case .valueNotFound(let t, let c): return "valueNotFound \(t) at \(path(c))"
        case .keyNotFound(let k, let c): return "keyNotFound \(k.stringValue) at \(path(c))"
        case .dataCorrupted(let c): return "dataCorrupted at \(path(c))"
        @unknown default: return "\(e)"
        }
    }

    static func jsonDecoder(_ line: [UInt8]) -> Self {
        do { return .ok(try JSONDecoder().decode(T.self, from: Data(line))) } catch { return .failed(render(error)) }
    }

    static func lean(_ line: [UInt8]) -> Self {
        do { return .ok(try LeanJSONDecoder.decode(T.self, from: line)) } catch { return .failed(render(error)) }
    }
}

enum Decode {
    static func lean<T: Decodable & Equatable>(_ type: T.Type, _ line: [UInt8]) -> Outcome<T> { .lean(line) }
    static func jsonDecoder<T: Decodable & Equatable>(_ type: T.Type, _ line: [UInt8]) -> Outcome<T> { .jsonDecoder(line) }
    /// Both outcomes, for `#expect(a == b)` with a readable failure.
    static func both<T: Decodable & Equatable>(_ type: T.Type, _ line: [UInt8]) -> (lean: Outcome<T>, json: Outcome<T>) {
        (.lean(line), .jsonDecoder(line))
    }
}
