import CrampCore
@testable import CrampDaemon
import CrampProtocol
import Testing

/// Issue 17 part 4, in-process with the real diary: `ctl stock` and the refill notice.
/// Against real time and journald: Tests/e2e/supply.sh.
@Suite("Daemon supplies")
struct DaemonSupplyTests {
    static func day(_ hour: Int, _ minute: Int = 0) -> Instant { DaemonHandlerTests.day(hour, minute) }
    typealias Unexpected = DaemonHandlerTests.Unexpected
    static let config = """
        [daemon]
        timezone = "UTC"
        [[reminder]]
        id = "magnesium"
        kind = "electrolyte"
        electrolyte = "magnesium"
        amount = 300
        at = "21:00"
        [supply.magnesium]
        units = 20
        mg_per_unit = 200
        """

    func refills(_ f: DaemonFixture) -> [JournalEntry] { f.journal.entries.filter { $0.field("CRAMPD_EVENT") == "refill" } }

    @Test func stockShowsCountsAndARefillIsToldAfterADose() throws {
        let f = try DaemonFixture(config: Self.config, at: Self.day(10))
        guard case .stock(let first) = try f.ok(.stock(electrolyte: nil, units: nil)) else { throw Unexpected() }
        // 20 units, 2 a day: ten days, beyond the 7-day notice.
        #expect(first.supplies.map(\.unitsLeft) == [20])
        #expect(first.supplies.first?.runOutDate == CivilDate(year: 2026, month: 12, day: 5))
        #expect(first.supplies.first?.refillDue == false)
        _ = try f.ok(.take(electrolyte: "magnesium", milligrams: 300))
        _ = try f.ok(.take(electrolyte: "magnesium", milligrams: 300))
        _ = try f.ok(.today())  // the diary queue has answered the supply check before this
        #expect(refills(f).isEmpty)
        f.clock.set(Self.day(11))
        _ = try f.ok(.take(electrolyte: "magnesium", milligrams: 300))  // 14 left: seven days
        _ = try f.ok(.today())
        let told = try #require(refills(f).first)
        #expect(told.messageID == .refill)
        #expect(told.field("CRAMPD_UNITS_LEFT") == "14")
        #expect(told.message == "Your magnesium runs low: 14 units left, enough until about 2026-12-02. Time to refill; then: crampd ctl stock magnesium COUNT")
        // After the refill: set, recorded, nothing more to tell.
        f.clock.set(Self.day(12))
        guard case .stock(let refilled) = try f.ok(.stock(electrolyte: "Magnesium", units: 90)) else { throw Unexpected() }
        #expect(refilled.summary == "Set magnesium to 90 units.")
        #expect(refilled.supplies.map(\.unitsLeft) == [90])
        _ = try f.ok(.today())
        #expect(refills(f).count == 1)
        #expect(f.failure(.stock(electrolyte: "calcium", units: 3))?.message.hasPrefix("No [supply.calcium] in the config") == true)
    }
}
