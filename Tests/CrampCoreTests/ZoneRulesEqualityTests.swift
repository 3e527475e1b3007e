import CrampCore
import Testing

/// Issue 13 item 9: the zone in effect is compared by its rules, not its name.
@Suite struct ZoneRulesEqualityTests {
    static func fixed(_ name: String, hours: Int) -> Zone {
        Zone(name: name, rules: ZoneRules(fixed: LocalTimeType(utcOffsetSeconds: hours * 3600, isDaylightSaving: false, abbreviation: "X")))
    }

    @Test func sameNameOtherRulesIsAnotherZone() {
        #expect(Self.fixed("localtime", hours: 1) != Self.fixed("localtime", hours: 2))
        #expect(Self.fixed("localtime", hours: 1) == Self.fixed("localtime", hours: 1))
        #expect(Self.fixed("A", hours: 1) != Self.fixed("B", hours: 1))
    }

    @Test func theSameNameWithOtherRulesPlansAnew() throws {
        let config = try validConfig("[[reminder]]\nid = \"water\"\nkind = \"hydration\"\nat = \"12:00\"")
        let now = Instant(microseconds: 1_795_593_600_000_000)  // 2026-11-25 00:00 UTC
        let old = Self.fixed("localtime", hours: 1), new = Self.fixed("localtime", hours: 3)
        let first = Agenda.step(config: config, zone: old, state: .empty, now: now)
        let second = Agenda.step(config: config, zone: new, state: first.state, now: now)
        let fresh = Agenda.step(config: config, zone: new, state: first.state, now: now)
        #expect(second.plan.nextWake == fresh.plan.nextWake)
        #expect(second.plan.nextWake != first.plan.nextWake)
    }
}
