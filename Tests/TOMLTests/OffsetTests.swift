import Testing
@testable import TOML

/// Byte offsets of keys and values: the config layer points at them in errors.
@Suite struct OffsetTests {
    let text = """
    top = 1
    a.b.c = "x"
    "quoted key" = [10, 20]
    inline = { x = 1, y.z = 2 }

    [server.http]
    port = 8080

    [server]
    name = "s"

    [[reminder]]
    every = "1h"
    [[reminder]]
    every = "2h"
    """

    /// Offset of the `n`th occurrence of `needle` in `text`.
    func offset(of needle: String, _ n: Int = 1) -> Int {
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        var found = 0
        for i in 0...(bytes.count - pattern.count) where Array(bytes[i..<i + pattern.count]) == pattern {
            found += 1
            if found == n { return i }
        }
        Issue.record("\(needle) not found")
        return -1
    }

    func table(_ node: TOMLNode?) throws -> TOMLTable {
        guard case .table(let table) = node?.value else { throw Failure("not a table") }
        return table
    }

    func array(_ node: TOMLNode?) throws -> [TOMLNode] {
        guard case .array(let array) = node?.value else { throw Failure("not an array") }
        return array
    }

    struct Failure: Error { var message: String; init(_ m: String) { message = m } }

    @Test func keysAndValues() throws {
        let root = try TOML.parse(text)
        #expect(root.entry("top")?.keyOffset == 0)
        #expect(root["top"]?.offset == offset(of: "1"))
        #expect(root.entry("quoted key")?.keyOffset == offset(of: "\"quoted key\""))
        let numbers = try array(root["quoted key"])
        #expect(numbers.map(\.offset) == [offset(of: "10"), offset(of: "20")])
        #expect(root["quoted key"]?.offset == offset(of: "[10"))
    }

    @Test func dottedKeysPointAtTheirOwnPart() throws {
        let root = try TOML.parse(text)
        #expect(root.entry("a")?.keyOffset == offset(of: "a.b.c"))
        #expect(root["a"]?.offset == offset(of: "a.b.c"))
        let a = try table(root["a"])
        #expect(a.entry("b")?.keyOffset == offset(of: "b.c"))
        let b = try table(a["b"])
        #expect(b.entry("c")?.keyOffset == offset(of: "c = "))
        #expect(b["c"]?.offset == offset(of: "\"x\""))
    }

    @Test func inlineTables() throws {
        let root = try TOML.parse(text)
        #expect(root["inline"]?.offset == offset(of: "{ x"))
        let inline = try table(root["inline"])
        #expect(inline.entry("x")?.keyOffset == offset(of: "x = 1"))
        let y = try table(inline["y"])
        #expect(inline.entry("y")?.keyOffset == offset(of: "y.z"))
        #expect(y.entry("z")?.keyOffset == offset(of: "z = 2"))
        #expect(y["z"]?.offset == offset(of: "2 }"))
    }

    @Test func headerTables() throws {
        let root = try TOML.parse(text)
        // [server] was created implicitly by [server.http], then defined: it
        // points at its own header from then on.
        #expect(root.entry("server")?.keyOffset == offset(of: "server]"))
        #expect(root["server"]?.offset == offset(of: "server]"))
        let server = try table(root["server"])
        #expect(server.entry("http")?.keyOffset == offset(of: "http]"))
        #expect(server["http"]?.offset == offset(of: "http]"))
        #expect(try table(server["http"]).entry("port")?.keyOffset == offset(of: "port"))
        #expect(server.entry("name")?.keyOffset == offset(of: "name"))
    }

    @Test func implicitTablesPointAtTheKeyThatCreatedThem() throws {
        let root = try TOML.parse("x = 1\n[a.b.c]\n")
        #expect(root.entry("a")?.keyOffset == 7)
        #expect(root["a"]?.offset == 7)
        #expect(try table(root["a"]).entry("b")?.keyOffset == 9)
    }

    @Test func arraysOfTables() throws {
        let root = try TOML.parse(text)
        #expect(root.entry("reminder")?.keyOffset == offset(of: "reminder]]"))
        #expect(root["reminder"]?.offset == offset(of: "reminder]]"))
        let reminders = try array(root["reminder"])
        #expect(reminders.map(\.offset) == [offset(of: "reminder]]", 1), offset(of: "reminder]]", 2)])
        #expect(try table(reminders[1]).entry("every")?.keyOffset == offset(of: "every", 2))
        #expect(try table(reminders[1])["every"]?.offset == offset(of: "\"2h\""))
    }

    @Test func offsetsCountBytesNotCharacters() throws {
        let root = try TOML.parse("\u{FEFF}name = \"東京\"\nnext = 1")
        #expect(root.entry("name")?.keyOffset == 3)
        #expect(root.entry("next")?.keyOffset == 3 + "name = \"東京\"\n".utf8.count)
    }
}
