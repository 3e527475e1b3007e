@testable import CrampDaemon
import CrampProtocol
import Glibc
import Testing

/// `watch` on a real server: events reach every watcher in order, a watcher outlives the idle
/// timeout, a reader that stops reading is dropped with `overrun` while others are served,
/// and the number of watchers is bounded.
struct ControlWatchTests {
    static func event(_ n: Int, padding: Int = 0) -> WatchEvent {
        WatchEvent(fields: ["CRAMPD_EVENT": "due", "CRAMPD_REMINDER": "water", "MESSAGE": "event \(n)" + String(repeating: "x", count: padding)])
    }

    static func startWatching(_ fixture: ServerFixture, id: Int = 7) throws -> RawClient {
        let client = try #require(RawClient(path: fixture.path))
        client.send(Request(id: id, command: .watch).encodedLine())
        let first = try ResponseMessage(line: try #require(client.readLine()))
        #expect(first.id == id && errorCode(first) == nil)
        return client
    }

    @Test func watcherGetsEveryEventInOrderAndOutlivesTheIdleTimeout() throws {
        let fixture = try ServerFixture(limits: .init(idleTimeout: .milliseconds(200)))
        defer { fixture.tearDown() }
        let watcher = try Self.startWatching(fixture)
        defer { watcher.close() }
        usleep(500_000)  // past the idle timeout
        #expect(fixture.queue.sync { fixture.server.watcherCount } == 1)
        fixture.queue.sync { for n in 1...3 { fixture.server.publish(Self.event(n)) } }
        for n in 1...3 {
            let message = try ResponseMessage(line: try #require(watcher.readLine()))
            #expect(message == ResponseMessage(id: 7, response: .ok(.event(Self.event(n)))))
        }
    }

    @Test func slowReaderIsDroppedWithOverrunWhileOthersAreServed() throws {
        let fixture = try ServerFixture(limits: .init(idleTimeout: .seconds(2), watchBufferBytes: 8 * 1024, watchSocketBufferBytes: 4 * 1024))
        defer { fixture.tearDown() }
        let slow = try Self.startWatching(fixture, id: 1)
        defer { slow.close() }
        let fast = try Self.startWatching(fixture, id: 2)
        defer { fast.close() }
        var fastSeen = 0
        for n in 1...400 {
            fixture.queue.sync { fixture.server.publish(Self.event(n, padding: 200)) }
            // The fast one keeps up; the slow one reads nothing.
            let message = try ResponseMessage(line: try #require(fast.readLine()))
            if message.response == .ok(.event(Self.event(n, padding: 200))) { fastSeen += 1 }
        }
        #expect(fastSeen == 400)
        #expect(fixture.queue.sync { fixture.server.watcherCount } == 1)
        // Meanwhile a one-shot client is answered at once.
        let other = try #require(RawClient(path: fixture.path))
        defer { other.close() }
        other.send(Request(id: 3, command: .status).encodedLine())
        #expect(try ResponseMessage(line: try #require(other.readLine())).id == 3)
        // The slow reader gets what was sent before, in order, then `overrun`, then the end.
        let (bytes, closed) = slow.readAll(timeoutMilliseconds: 3000)
        #expect(closed)
        let answers = try responses(in: bytes)
        let events = answers.dropLast()
        #expect(!events.isEmpty && events.count < 400)
        #expect(events.enumerated().allSatisfy { $0.element.response == .ok(.event(Self.event($0.offset + 1, padding: 200))) })
        #expect(answers.last.map(errorCode) == .overrun)
        #expect(answers.last?.id == 1)
    }

    @Test func watchersAreBounded() throws {
        let fixture = try ServerFixture(limits: .init(maxWatchers: 2))
        defer { fixture.tearDown() }
        let a = try Self.startWatching(fixture, id: 1)
        defer { a.close() }
        let b = try Self.startWatching(fixture, id: 2)
        defer { b.close() }
        let c = try #require(RawClient(path: fixture.path))
        defer { c.close() }
        c.send(Request(id: 3, command: .watch).encodedLine())
        #expect(errorCode(try ResponseMessage(line: try #require(c.readLine()))) == .busy)
    }

    /// On overrun, the lines not begun are dropped; a line partly written is finished first.
    @Test func overrunKeepsOnlyThePartlyWrittenLine() {
        let outbox = Array("one\ntwo\nthree\n".utf8)
        #expect(ControlConnection.unstartedLines(outbox, from: 0) == 0)
        #expect(ControlConnection.unstartedLines(outbox, from: 4) == 4)
        #expect(ControlConnection.unstartedLines(outbox, from: 5) == 8)
        #expect(ControlConnection.unstartedLines(outbox, from: outbox.count) == outbox.count)
    }
}
