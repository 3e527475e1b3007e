import CrampProtocol
import Testing

struct LineFramerTests {
    @Test func splitsLinesAcrossArbitraryChunks() throws {
        let stream = Array("one\ntwo\n\nthree\n".utf8)
        for chunkSize in 1...stream.count {
            var framer = LineFramer(maxLineBytes: 16)
            var lines: [String] = []
            var offset = 0
            while offset < stream.count {
                framer.append(stream[offset..<min(offset + chunkSize, stream.count)])
                offset += chunkSize
                while let line = try framer.nextLine() { lines.append(String(decoding: line, as: UTF8.self)) }
            }
            #expect(lines == ["one", "two", "", "three"], "chunk size \(chunkSize)")
            #expect(framer.bufferedByteCount == 0)
        }
    }

    @Test func lineOfExactlyTheLimitPassesOneMoreFails() throws {
        var framer = LineFramer(maxLineBytes: 8)
        framer.append(Array("12345678\n".utf8))
        #expect(try framer.nextLine() == Array("12345678".utf8))
        framer.append(Array("123456789\n".utf8))
        #expect(throws: LineTooLong(limit: 8)) { try framer.nextLine() }
    }

    @Test func unterminatedLineFailsAsSoonAsItPassesTheLimit() throws {
        var framer = LineFramer(maxLineBytes: 8)
        framer.append(Array("12345678".utf8))
        #expect(try framer.nextLine() == nil)
        framer.append([UInt8(ascii: "9")])
        #expect(throws: LineTooLong(limit: 8)) { try framer.nextLine() }
    }

    @Test func defaultLimitIs64KiB() {
        #expect(LineFramer().maxLineBytes == 65_536)
        #expect(ControlProtocol.maxLineBytes == 65_536)
    }

    @Test func finishReturnsTheUnterminatedRest() throws {
        var framer = LineFramer()
        framer.append(Array("a\nb".utf8))
        #expect(try framer.finish() == Array("a".utf8))
        #expect(try framer.finish() == Array("b".utf8))
        #expect(try framer.finish() == nil)
    }

    @Test func manyLinesDoNotGrowTheBuffer() throws {
        var framer = LineFramer(maxLineBytes: 100)
        for i in 0..<10_000 {
            framer.append(Array("line \(i)\n".utf8))
            #expect(try framer.nextLine() == Array("line \(i)".utf8))
        }
        #expect(framer.bufferedByteCount == 0)
    }
}
