import CrampCore
import CrampProtocol
import Testing

/// `crampd ctl bar`: what the line says, in each format, and when it changes by itself.
struct BarTextTests {
    static let now = Instant(microseconds: 1_795_615_200_000_000)  // 2026-11-25 14:00:00 UTC

    static func status(next minutes: Int64? = 35, pause: PauseState? = nil, held: PresenceSignal.Source? = nil) -> StatusResult {
        var s = StatusResult(version: "0.2.0", pid: 1, runningSince: now, configFiles: [], lastReload: ReloadOutcome(at: now, succeeded: true),
                             pause: pause, next: nil)
        if let minutes {
            s.next = UpcomingOccurrence(reminder: "water", kind: "hydration", at: now + .minutes(minutes), message: "Drink <water> & rest")
        }
        if let held { s.presence = PresenceStatus(Presence(active: [held: now])) }
        return s
    }

    static func today(_ ml: Int, goal: Int? = 2000) -> TodaySummary {
        TodaySummary(date: CivilDate(year: 2026, month: 11, day: 25), zoneName: "UTC", waterMilliliters: ml, waterGoalMilliliters: goal,
                     drinkCount: 1, lastDrinkAt: nil, electrolytes: [], cramps: [], stillDue: [])
    }

    @Test func nextReminderAndWater() {
        let state = BarText.state(status: Self.status(), today: Self.today(1250), now: Self.now, zone: .utc)
        #expect(state.text == "water in 35min · 1250/2000 ml")
        #expect(state.cssClass == "ok" && state.percentage == 62)
        #expect(BarText.line(state, format: .plain) == "water in 35min · 1250/2000 ml\n")
        #expect(BarText.line(state, format: .i3blocks) == "water in 35min · 1250/2000 ml\n")
    }

    @Test func waybarIsOneJSONObjectWithItsFourFieldsAndMarkupEscaped() {
        let state = BarText.state(status: Self.status(), today: Self.today(2100), now: Self.now, zone: .utc)
        #expect(BarText.line(state, format: .waybar) == #"{"class":"goal-met","percentage":100,"text":"water in 35min · 2100/2000 ml","tooltip":"Next: water at 14:35 (in 35min): Drink &lt;water&gt; &amp; rest\nWater today: 2100 of 2000 ml (100%)"}"# + "\n")
    }

    @Test func pausedHeldDueAndStopped() {
        let paused = BarText.state(status: Self.status(pause: PauseState(since: Self.now, until: Self.now + .hours(2))), today: nil, now: Self.now, zone: .utc)
        #expect(paused.text == "paused until 16:00" && paused.cssClass == "paused")
        let held = BarText.state(status: Self.status(held: .x11Idle), today: Self.today(500, goal: nil), now: Self.now, zone: .utc)
        #expect(held.text == "held (away) · water in 35min · 500 ml" && held.cssClass == "held" && held.percentage == 0)
        let due = BarText.state(status: Self.status(next: 0), today: nil, now: Self.now, zone: .utc)
        #expect(due.text == "water due now" && due.cssClass == "due")
        #expect(BarText.line(BarText.stopped, format: .plain) == "crampd stopped\n")
    }

    @Test func theMinuteCounterTicksAtTheNextWholeMinuteOnly() {
        let status = Self.status(next: 35)
        #expect(BarText.nextTick(status: status, now: Self.now + .seconds(10)) == .seconds(50))
        #expect(BarText.nextTick(status: status, now: Self.now) == .seconds(60))
        #expect(BarText.nextTick(status: Self.status(next: nil), now: Self.now) == nil)
        #expect(BarText.nextTick(status: Self.status(pause: PauseState(since: Self.now, until: nil)), now: Self.now) == nil)
    }
}
