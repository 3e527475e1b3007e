@testable import CrampDaemon
import CrampProtocol
import Dispatch
import Glibc
import Testing

extension ControlServerTests {
    /// 200 clients connect before any sends a request: exactly 64 are admitted, the other
    /// 136 get `busy` at once and are closed; the 64 are then served.
    @Test func twoHundredClientsAtOnceSixtyFourServedTheRestBusy() throws {
        // The admitted 64 sit idle while the rest connect: give them the full 5 s.
        let fixture = try ServerFixture(limits: .init(idleTimeout: .seconds(5)))
        defer { fixture.tearDown() }
        var refusedBusy = 0
        fixture.queue.sync { fixture.server.onRefused = { _, error in if error.code == .busy { refusedBusy += 1 } } }
        var clients: [RawClient] = []
        for _ in 0..<200 { clients.append(try #require(RawClient(path: fixture.path))) }
        defer { clients.forEach { $0.close() } }
        // Let the server accept everything before anyone speaks.
        for _ in 0..<300 where fixture.connectionCount < 64 { usleep(10_000) }
        usleep(50_000)
        var busy = 0
        var admitted: [RawClient] = []
        for client in clients {
            var p = pollfd(fd: client.fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 0) > 0, let line = client.readLine(timeoutMilliseconds: 100),
               let answer = try? ResponseMessage(line: line), errorCode(answer) == .busy {
                busy += 1
            } else {
                admitted.append(client)
            }
        }
        #expect(busy == 136)
        #expect(fixture.queue.sync { refusedBusy } == 136)
        #expect(admitted.count == 64)
        for (i, client) in admitted.enumerated() {
            client.send(#"{"version":1,"id":\#(i),"command":"status"}"# + "\n")
        }
        var served = 0
        for client in admitted {
            if let line = client.readLine(), let answer = try? ResponseMessage(line: line), errorCode(answer) == nil {
                served += 1
            }
        }
        #expect(served == 64)
        #expect(fixture.received.count == 64)
        #expect(fixture.handler.maxConnections <= 64)
    }

    /// 200 real clients on 200 threads, each retrying while busy: all are answered, and the
    /// server never holds more than 64 connections.
    @Test func twoHundredConcurrentClientsAllGetAnswered() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        fixture.queue.sync { fixture.handler.delayMicroseconds = 200 }
        let group = DispatchGroup()
        let results = ResultBox(count: 200)
        for i in 0..<200 {
            // A serial queue per client gets its own thread (they block in poll).
            DispatchQueue(label: "client-\(i)").async(group: group) {
                let answer = try? ControlClient(path: fixture.path).send(Request(id: i, command: .status))
                results.set(i, answer.map { errorCode($0) == nil && $0.id == i } ?? false)
            }
        }
        #expect(group.wait(timeout: .now() + 20) == .success)
        #expect(results.values.filter { $0 }.count == 200)
        #expect(fixture.received.count == 200)
        let maxConnections = fixture.queue.sync { fixture.handler.maxConnections }
        #expect(maxConnections <= 64)
    }

    @Test func noDescriptorLeak() throws {
        // Earlier tests' descriptors close in Dispatch cancel handlers, a moment after their
        // servers stop: count once the number holds still.
        var before = openSocketCount()
        for _ in 0..<50 {
            usleep(20_000)
            let now = openSocketCount()
            if now == before { break }
            before = now
        }
        do {
            let fixture = try ServerFixture(limits: .init(idleTimeout: .milliseconds(100), maxClients: 4))
            // One of each path through the server: answered, malformed, too large, timed out,
            // busy, peer gone, keep-alive.
            _ = try ControlClient(path: fixture.path).send(Request(id: 1, command: .status))
            for bytes in [Array("garbage\n".utf8), [UInt8](repeating: 65, count: 70_000) + [10]] {
                let c = try #require(RawClient(path: fixture.path)); c.send(bytes); _ = c.readAll(); c.close()
            }
            let silent = (0..<6).compactMap { _ in RawClient(path: fixture.path) }
            for c in silent { _ = c.readAll(timeoutMilliseconds: 1000); c.close() }
            let gone = try #require(RawClient(path: fixture.path)); gone.send("{"); gone.close()
            let keep = try #require(RawClient(path: fixture.path))
            keep.send(#"{"version":1,"id":1,"command":"status","keepAlive":true}"# + "\n"); _ = keep.readAll(); keep.close()
            #expect(fixture.waitUntilIdle())
            fixture.tearDown()
        }
        // Dispatch closes descriptors in cancel handlers, a moment after the cancel.
        var after = openSocketCount()
        for _ in 0..<100 where after != before { usleep(10_000); after = openSocketCount() }
        #expect(after == before)
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLockLike()
    private var storage: [Bool]
    init(count: Int) { storage = Array(repeating: false, count: count) }
    func set(_ i: Int, _ value: Bool) { lock.withLock { storage[i] = value } }
    var values: [Bool] { lock.withLock { storage } }
}

/// A pthread mutex (FoundationEssentials has no NSLock).
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
