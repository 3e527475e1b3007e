import Testing
@testable import TOML

@Suite struct TableTests {
    @Test func keepsInsertionOrderAndReplacesInPlace() {
        var table = TOMLTable()
        table["b"] = TOMLNode(.integer(1))
        table["a"] = TOMLNode(.integer(2))
        table["b"] = TOMLNode(.integer(3))
        #expect(table.keys == ["b", "a"])
        #expect(table["b"]?.value == .integer(3))
        table["b"] = nil
        #expect(table.keys == ["a"])
        #expect(table["b"] == nil)
    }

    @Test func largeTablesFindEveryKeyAfterRemovals() {
        var table = TOMLTable()
        for i in 0..<1000 { table["k\(i)"] = TOMLNode(.integer(Int64(i)), offset: i) }
        for i in stride(from: 0, to: 1000, by: 3) { table["k\(i)"] = nil }
        #expect(table.count == 666)
        for i in 0..<1000 {
            #expect(table["k\(i)"]?.value == (i % 3 == 0 ? nil : .integer(Int64(i))))
        }
        #expect(table.entry("k1")?.keyOffset == 1)
        table.setKeyOffset(42, for: "k1")
        #expect(table.entry("k1")?.keyOffset == 42)
    }

    @Test func equalityIgnoresOrderAndOffsets() throws {
        let a = try TOML.parse("x = 1\ny = [1.5, nan]")
        let b = try TOML.parse("y = [1.5, nan]\n\n\nx = 1")
        #expect(a == b)
        #expect(a != (try TOML.parse("x = 1\ny = [1.5]")))
        #expect(a != (try TOML.parse("x = 1\ny = [1.5, nan]\nz = 0")))
    }

    @Test func initFromEntriesKeepsOffsets() {
        let table = TOMLTable([TOMLEntry(key: "k", keyOffset: 7, node: TOMLNode(.bool(true), offset: 9))])
        #expect(table.entry("k")?.keyOffset == 7)
        #expect(table["k"]?.offset == 9)
    }
}
