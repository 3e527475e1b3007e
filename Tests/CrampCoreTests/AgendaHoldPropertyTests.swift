import TestSupport
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
@testable import CrampCore

/// Issue 16 item 5, as properties: across any sequence of away/back/locked/dnd/sleep, zone
/// changes, restarts and time passing, no held reminder is lost or told twice, there is one
/// message per return, and none when nothing was held.
@Suite struct AgendaHoldPropertyTests {
    static let zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"]

    @Test(arguments: 0..<40) func everyHeldOneIsToldExactlyOnce(seed: UInt64) throws {
        var random = SplitMix64(seed: seed &+ 16_000)
        var magnesium = agendaAt("magnesium", [agendaTime(12, 0), agendaTime(21, 0)], kind: .electrolyte)
        magnesium.electrolyte = .magnesium; magnesium.amount = 200
        magnesium.urgent = random.next() % 2 == 0
        if random.next() % 2 == 0 { magnesium.followUp = FollowUp(interval: .minutes(15), maximum: 2) }
        let water = agendaEvery("water", random.span(10...90, unit: .minutes(1)))
        var driver = AgendaDriver(config: agendaConfig([water, magnesium], grace: random.span(1...120, unit: .minutes(1))))
        var now = agendaDay(8)
        driver.step(at: now)

        var active = Set<HoldReason>()
        var heldCount: [String: Int] = [:]
        var toldCount: [String: Int] = [:]
        var pendingHeld = 0   // held and not told yet, as the test counts them
        for _ in 0..<120 {
            switch random.next() % 6 {
            case 0, 1:  // a presence source changes: every reason toggles independently
                let reason = HoldReason.allCases[Int(random.next() % 4)]
                if active.contains(reason) { active.remove(reason) } else { active.insert(reason) }
                now = now + random.span(0...300, unit: .seconds(1))
            case 2:  // the zone changes
                driver.zone = try Zone.named(Self.zones[Int(random.next() % 4)], in: .system)
                now = now + random.span(0...60, unit: .seconds(1))
            case 3:  // a restart: the state goes through the file
                driver.state = try JSONDecoder().decode(AgendaState.self, from: JSONEncoder().encode(driver.state))
                now = now + random.span(0...600, unit: .seconds(1))
            default:  // time passes; the daemon wakes at its timer
                let until = now + random.span(1...240, unit: .minutes(1))
                while let wake = driver.nextWake, wake <= until, wake > now {
                    try step(&driver, at: wake, active, &heldCount, &toldCount, &pendingHeld)
                    now = wake
                }
                now = until
            }
            try step(&driver, at: now, active, &heldCount, &toldCount, &pendingHeld)
        }
        active = []
        try step(&driver, at: now + .seconds(1), active, &heldCount, &toldCount, &pendingHeld)
        #expect(pendingHeld == 0)
        #expect(driver.state.held.isEmpty)
        #expect(heldCount == toldCount, "seed \(seed)")
    }

    /// One daemon step with the invariants of each: a message only when nothing holds and
    /// something was held, at most one, and it tells exactly what was held since the last one.
    private func step(_ driver: inout AgendaDriver, at now: Instant, _ active: Set<HoldReason>,
                      _ heldCount: inout [String: Int], _ toldCount: inout [String: Int], _ pendingHeld: inout Int) throws {
        driver.holding = Array(active)
        let before = driver.actions.count
        driver.step(at: now)
        let actions = driver.actions[before...].map(\.action)
        var backs = 0
        for action in actions {
            switch action {
            case .held(let held):
                // Held while present only at the step of the return: it joins that message.
                #expect(!active.isEmpty || actions.contains { if case .back = $0 { true } else { false } })
                heldCount[held.reminderID, default: 0] += 1
                pendingHeld += 1
            case .back(let report):
                backs += 1
                #expect(active.isEmpty)
                let told = report.due.reduce(0) { $0 + $1.dues.count } + report.missed.reduce(0) { $0 + $1.count }
                #expect(told > 0)
                #expect(told == pendingHeld)
                pendingHeld = 0
                for due in report.due { toldCount[due.reminderID, default: 0] += due.dues.count }
                for missed in report.missed { toldCount[missed.reminderID, default: 0] += missed.count }
            case .fire(let firing):
                // Nothing pops up while held, but an urgent one through do-not-disturb alone.
                let dndOnly = active == [.dnd] && driver.config.reminder(id: firing.reminderID)?.urgent == true
                #expect(active.isEmpty || dndOnly)
                #expect(backs == 0 || firing.reason != .followUp)
            default: break
            }
        }
        #expect(backs <= 1)
        if active.isEmpty { #expect(driver.state.held.isEmpty) }
        #expect(driver.state.held.count == pendingHeld)
    }
}
