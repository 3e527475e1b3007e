@testable import CrampDaemon
import CrampProtocol
import Dispatch
import Glibc
import Testing

extension ControlServerTests {
    /// An answer that comes later (a diary write waiting off the daemon's queue) holds up
    /// neither the queue nor other clients; it reaches its client when it comes.
    @Test func aLateAnswerDoesNotHoldUpOtherClients() throws {
        let fixture = try ServerFixture()
        defer { fixture.tearDown() }
        fixture.queue.sync { fixture.handler.deferring = { $0.command.name == "drink" } }
        let slow = try #require(RawClient(path: fixture.path))
        defer { slow.close() }
        slow.send(#"{"version":1,"id":1,"command":"drink","milliliters":250}"# + "\n")
        for _ in 0..<300 where fixture.queue.sync(execute: { fixture.handler.deferred.isEmpty }) { usleep(10_000) }
        let quick = try #require(RawClient(path: fixture.path))
        defer { quick.close() }
        quick.send(#"{"version":1,"id":2,"command":"status"}"# + "\n")
        let quickAnswer = try ResponseMessage(line: try #require(quick.readLine(timeoutMilliseconds: 1000)))
        #expect(quickAnswer.id == 2 && errorCode(quickAnswer) == nil)
        #expect(slow.readLine(timeoutMilliseconds: 100) == nil)
        fixture.queue.async { fixture.handler.releaseDeferred() }
        let late = try ResponseMessage(line: try #require(slow.readLine(timeoutMilliseconds: 1000)))
        guard case .ok(.action(let action)) = late.response else { Issue.record("expected ok, got \(late.response)"); return }
        #expect(late.id == 1 && action.summary == "answered later")
        #expect(slow.readAll(timeoutMilliseconds: 1000).closed)
    }

    /// 64 keep-alive clients that each sent a request hold every slot: a new client is
    /// still served, and the keep-alive client idle longest is the one closed for it.
    @Test func aNewClientAtTheLimitEvictsTheLongestIdleKeepAlive() throws {
        let fixture = try ServerFixture(limits: .init(idleTimeout: .seconds(5), maxClients: 4))
        defer { fixture.tearDown() }
        var keepers: [RawClient] = []
        defer { keepers.forEach { $0.close() } }
        for i in 0..<4 {
            let client = try #require(RawClient(path: fixture.path))
            keepers.append(client)
            client.send(#"{"version":1,"id":\#(i),"command":"status","keepAlive":true}"# + "\n")
            #expect(client.readLine() != nil)
        }
        // The first one speaks again, so the second is now idle longest.
        keepers[0].send(#"{"version":1,"id":10,"command":"status","keepAlive":true}"# + "\n")
        #expect(keepers[0].readLine() != nil)
        let newcomer = try #require(RawClient(path: fixture.path))
        defer { newcomer.close() }
        newcomer.send(#"{"version":1,"id":99,"command":"status"}"# + "\n")
        let answer = try ResponseMessage(line: try #require(newcomer.readLine()))
        #expect(answer.id == 99 && errorCode(answer) == nil)
        let evicted = try ResponseMessage(line: try #require(keepers[1].readLine()))
        #expect(errorCode(evicted) == .busy)
        #expect(keepers[1].readAll(timeoutMilliseconds: 1000).closed)
        for i in [0, 2, 3] {
            keepers[i].send(#"{"version":1,"id":\#(20 + i),"command":"status","keepAlive":true}"# + "\n")
            let again = try ResponseMessage(line: try #require(keepers[i].readLine()))
            #expect(again.id == 20 + i && errorCode(again) == nil)
        }
    }
}
