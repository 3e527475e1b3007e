import CrampCore
@testable import CrampDaemon
import CrampProtocol
import Glibc
import Testing

/// A real `ControlServer` on a real socket, driven by raw clients and the real `ControlClient`.
/// Serialized: the descriptor count and the concurrency tests need the process to themselves.
/// The time limit is a backstop; every wait in these tests has its own short deadline.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct ControlServerTests {
    @Test func answersOneRequestAndCloses() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        let client = try #require(RawClient(path: fixture.path))
        defer { client.close() }
        client.send(#"{"version":1,"id":42,"command":"snooze","reminder":"water","duration":600000000}"# + "\n")
        let (bytes, closed) = client.readAll()
        #expect(closed)
        let answers = try responses(in: bytes)
        #expect(answers == [ResponseMessage(id: 42, response: .ok(.action(ActionResult(summary: "did snooze"))))])
        let received = fixture.received
        #expect(received.map(\.request) == [Request(id: 42, command: .snooze(reminder: "water", duration: .minutes(10)))])
        #expect(received.first?.peer.uid == geteuid())
        #expect(received.first?.peer.pid == getpid())
    }

    @Test func handlerErrorsReachTheClient() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        let answer = try ControlClient(path: fixture.path).send(Request(id: 3, command: .show(reminder: "missing")))
        #expect(answer == ResponseMessage(id: 3, response: .error(ControlError(.notFound, "no reminder \"missing\""))))
    }

    @Test func keepAliveAnswersRequestsOneByOne() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        let client = try #require(RawClient(path: fixture.path))
        defer { client.close() }
        // Three pipelined requests in one write; the last one lets the server close.
        client.send(#"{"version":1,"id":1,"command":"status","keepAlive":true}"# + "\n"
            + #"{"version":1,"id":2,"command":"list","keepAlive":true}"# + "\n"
            + #"{"version":1,"id":3,"command":"resume"}"# + "\n")
        let (bytes, closed) = client.readAll()
        #expect(closed)
        #expect(try responses(in: bytes).map(\.id) == [1, 2, 3])
        #expect(fixture.received.map(\.request.command) == [.status, .list, .resume])
    }

    @Test(arguments: [
        (#"{"version":1,"id":5,"command":"status""#, ErrorCode.badRequest, nil),
        (#"not json at all"#, .badRequest, nil),
        (#"[1,2,3]"#, .badRequest, nil),
        (#"{"version":2,"id":6,"command":"status"}"#, .unsupportedVersion, 6),
        (#"{"version":1,"id":7,"command":"dance"}"#, .unknownCommand, 7),
        (#"{"version":1,"id":8,"command":"show"}"#, .badRequest, 8),
        (#"{"version":1,"id":9,"command":"next","count":"five"}"#, .badRequest, 9),
        (#"{"id":10,"command":"status"}"#, .badRequest, 10),
    ] as [(String, ErrorCode, Int?)])
    func badRequestsGetAnErrorAndAClose(line: String, code: ErrorCode, id: Int?) throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        let client = try #require(RawClient(path: fixture.path))
        defer { client.close() }
        client.send(line + "\n")
        let (bytes, closed) = client.readAll()
        #expect(closed)
        let answers = try responses(in: bytes)
        #expect(answers.count == 1)
        #expect(answers.first.flatMap(errorCode) == code)
        #expect(answers.first?.id == id)
        #expect(fixture.received.isEmpty)
    }

    @Test func binaryGarbageGetsBadRequest() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        let client = try #require(RawClient(path: fixture.path))
        defer { client.close() }
        var garbage: [UInt8] = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }
        garbage.removeAll { $0 == UInt8(ascii: "\n") }
        client.send(garbage + [UInt8(ascii: "\n")])
        let (bytes, closed) = client.readAll()
        #expect(closed)
        #expect(try responses(in: bytes).map(errorCode) == [.badRequest])
    }

    @Test func oneMebibyteLineGetsTooLargeAndAClose() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        let client = try #require(RawClient(path: fixture.path))
        defer { client.close() }
        // The server hangs up after 64 KiB, so the rest of the send may fail: that is expected.
        let line = Array(#"{"version":1,"id":1,"command":"add","reminder":""#.utf8)
            + [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20) + Array("\"}\n".utf8)
        client.send(line)
        let (bytes, closed) = client.readAll()
        #expect(closed)
        #expect(try responses(in: bytes).map(errorCode) == [.tooLarge])
        #expect(fixture.received.isEmpty)
    }

    @Test func lineOfExactlyTheLimitIsServed() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        let head = Array(#"{"version":1,"id":1,"command":"status","pad":""#.utf8)
        let tail = Array("\"}".utf8)
        let pad = [UInt8](repeating: UInt8(ascii: "p"), count: ControlProtocol.maxLineBytes - head.count - tail.count)
        for (extra, expected) in [(0, nil), (1, ErrorCode.tooLarge)] as [(Int, ErrorCode?)] {
            let client = try #require(RawClient(path: fixture.path))
            client.send(head + pad + [UInt8](repeating: UInt8(ascii: "p"), count: extra) + tail + [UInt8(ascii: "\n")])
            let answers = try responses(in: client.readAll().bytes)
            client.close()
            #expect(answers.map(errorCode) == [expected])
        }
    }

    @Test func halfARequestThenSilenceIsDroppedAfterTheTimeout() throws {
        let fixture = try ServerFixture(limits: .init(idleTimeout: .milliseconds(200)))
        defer { fixture.tearDown() }
        let client = try #require(RawClient(path: fixture.path))
        defer { client.close() }
        let started = monotonicMilliseconds()
        client.send(#"{"version":1,"id":1,"comm"#)
        let (bytes, closed) = client.readAll(timeoutMilliseconds: 3000)
        let elapsed = monotonicMilliseconds() - started
        #expect(closed)
        #expect(elapsed >= 190 && elapsed < 2000, "dropped after \(elapsed) ms")
        #expect(try responses(in: bytes).map(errorCode) == [.timeout])
        #expect(fixture.waitUntilIdle())
    }

    @Test func idleKeepAliveConnectionIsDroppedAfterTheTimeout() throws {
        let fixture = try ServerFixture(limits: .init(idleTimeout: .milliseconds(200)))
        defer { fixture.tearDown() }
        let client = try #require(RawClient(path: fixture.path))
        defer { client.close() }
        client.send(#"{"version":1,"id":1,"command":"status","keepAlive":true}"# + "\n")
        let (bytes, closed) = client.readAll(timeoutMilliseconds: 3000)
        #expect(closed)
        #expect(try responses(in: bytes).map(errorCode) == [nil, .timeout])
    }

    @Test func requestWithoutNewlineBeforeEndOfStreamIsAnswered() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        let client = try #require(RawClient(path: fixture.path))
        defer { client.close() }
        client.send(#"{"version":1,"id":4,"command":"reload"}"#)
        shutdown(client.fd, Int32(SHUT_WR))
        #expect(try responses(in: client.readAll().bytes).map(\.id) == [4])
    }

    @Test func clientThatGoesAwayMidRequestCostsNothing() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        for _ in 0..<20 {
            let client = try #require(RawClient(path: fixture.path))
            client.send(#"{"version":1,"id":1,"#)
            client.close()
        }
        #expect(fixture.waitUntilIdle())
        #expect(fixture.received.isEmpty)
        // And it still serves.
        #expect(try ControlClient(path: fixture.path).send(Request(id: 1, command: .status)).id == 1)
    }

    @Test func stopClosesOpenConnections() throws {
        let fixture = try ServerFixture()
        let client = try #require(RawClient(path: fixture.path))
        defer { client.close() }
        client.send(#"{"version":1,"#)
        #expect(fixture.waitUntil(connections: 1))
        fixture.tearDown()
        #expect(client.readAll(timeoutMilliseconds: 2000).closed)
    }
}

extension ControlServerTests {
    /// While a half-request, a garbage and an oversized client are connected, a good client
    /// is served at once and the bad ones each get their answer.
    @Test func badClientsDoNotDisturbOthers() throws {
        let fixture = try ServerFixture(limits: .init(idleTimeout: .milliseconds(1000)))
        defer { fixture.tearDown() }
        let half = try #require(RawClient(path: fixture.path))
        let garbage = try #require(RawClient(path: fixture.path))
        let huge = try #require(RawClient(path: fixture.path))
        defer { [half, garbage, huge].forEach { $0.close() } }
        half.send(#"{"version":1,"id":1,"comm"#)
        garbage.send([0xff, 0x00, 0x7b, 0x0a])
        huge.send([UInt8](repeating: 0x20, count: 100_000))
        let started = monotonicMilliseconds()
        #expect(try ControlClient(path: fixture.path).send(Request(id: 7, command: .list)).id == 7)
        #expect(monotonicMilliseconds() - started < 800, "the good client did not wait for the idle timeout")
        #expect(try responses(in: garbage.readAll().bytes).map(errorCode) == [.badRequest])
        #expect(try responses(in: huge.readAll().bytes).map(errorCode) == [.tooLarge])
        #expect(try responses(in: half.readAll().bytes).map(errorCode) == [.timeout])
        #expect(fixture.received.map(\.request.command) == [.list])
    }
}
