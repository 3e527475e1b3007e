@testable import CrampDaemon
import CrampProtocol
import Glibc
import Testing

extension ControlServerTests {
    static let bigList: Response = .ok(.reminders(ReminderList(reminders: (0..<100).map {
        ReminderRow(id: "reminder-\($0)", kind: "hydration", schedule: "every 45m between 08:00-20:00 on mon-fri")
    })))

    /// 500 pipelined keep-alive requests whose answers (about 5 MB) overflow the socket
    /// buffer while the client is not reading: the server queues, waits for the socket to
    /// drain, and answers every request, in order, once the client reads.
    @Test func slowReaderGetsEveryAnswerInOrder() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        fixture.queue.sync { fixture.handler.answer = { _ in Self.bigList } }
        let client = try #require(RawClient(path: fixture.path))
        defer { client.close() }
        let count = 500
        var requests: [UInt8] = []
        for id in 1...count {
            requests += Request(id: id, command: .list, keepAlive: id < count).encodedLine()
        }
        #expect(client.send(requests))
        usleep(200_000)
        // Reading was suspended while the answers could not be written: few handled yet.
        #expect(fixture.received.count < count)
        let (bytes, closed) = client.readAll(timeoutMilliseconds: 10_000)
        #expect(closed)
        let answers = try responses(in: bytes)
        #expect(answers.map(\.id) == Array(1...count))
        #expect(answers.allSatisfy { $0.response == Self.bigList })
    }

    /// A client that asks and never reads the (large) answer is dropped after the timeout.
    @Test func clientThatNeverReadsIsDropped() throws {
        let fixture = try ServerFixture(limits: .init(idleTimeout: .milliseconds(200)))
        defer { fixture.tearDown() }
        fixture.queue.sync { fixture.handler.answer = { _ in Self.bigList } }
        let client = try #require(RawClient(path: fixture.path))
        defer { client.close() }
        var requests: [UInt8] = []
        for id in 1...200 { requests += Request(id: id, command: .list, keepAlive: true).encodedLine() }
        #expect(client.send(requests))
        usleep(600_000)
        #expect(fixture.waitUntilIdle(milliseconds: 2000))
        // What was written before the drop is still readable; then the stream ends, short.
        let (bytes, closed) = client.readAll(timeoutMilliseconds: 2000)
        #expect(closed)
        let answered = bytes.split(separator: UInt8(ascii: "\n")).count
        #expect(answered > 0 && answered < 200)
    }
}
