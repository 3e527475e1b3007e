import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in
import Testing
import TOML

/// What `crampd check-config` prints for a valid config, word for word.
@Suite struct ConfigSummaryTests {
    @Test func summaryOfASmallConfigInBerlinAcrossTheSpringForward() throws {
        let text = """
            [daemon]
            timezone = "Europe/Berlin"
            quiet_hours = "22:00-07:00"

            [goals]
            water_ml = 2000
            magnesium_mg = 300
            magnesium_max_mg = 350

            [[reminder]]
            id = "water"
            kind = "hydration"
            amount = 250
            every = "2h"
            between = ["20:00-23:30"]
            days = "sat..sun"

            [[reminder]]
            id = "mg"
            kind = "electrolyte"
            electrolyte = "magnesium"
            at = ["02:30", "21:00"]

            [[reminder]]
            id = "off"
            kind = "stretch"
            enabled = false
            every = "1h"
            anchor = "last-done"
            """
        guard case .success(let loaded) = ConfigLoader.load([SourceText(name: "/home/me/.config/crampd/config.toml", text: text)]) else {
            Issue.record("invalid"); return
        }
        let zone = try Zone.named("Europe/Berlin")
        // Saturday 2026-03-28 19:00 local; the clocks skip 02:00-03:00 on Sunday the 29th.
        let now = zone.instant(LocalDateTime(date: CivilDate(year: 2026, month: 3, day: 28), time: TimeOfDay(hour: 19, minute: 0)))
        #expect(ConfigSummary.render(loaded, zone: zone, zoneNote: "from the config", now: now) == """
            Files in use, in merge order:
              /home/me/.config/crampd/config.toml
            Time zone: Europe/Berlin (from the config)
            Quiet hours: 22:00-07:00
            Notify: journal
            Grace: 10m, catch-up: once, snooze: 10m
            Goals: water 2000 ml; magnesium 300 mg (at most 350 mg) a day

            3 reminders:
              water (hydration, 250 ml)
                every 2h between 20:00-23:30 on sat,sun
                next: Sat 2026-03-28 20:00:00 CET
                      Sat 2026-03-28 22:00:00 CET (quiet hours: waits until 07:00)
                      Sun 2026-03-29 20:00:00 CEST
              mg (electrolyte, magnesium)
                at 02:30, 21:00
                next: Sat 2026-03-28 21:00:00 CET
                      Sun 2026-03-29 21:00:00 CEST
                      Mon 2026-03-30 02:30:00 CEST (quiet hours: waits until 07:00)
              off (stretch)
                every 1h after last done
                disabled (enabled = false)

            """)
    }

    @Test func schedulesInWords() {
        let weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
        #expect(ScheduleWording.describe(.every(EverySchedule(interval: .minutes(90)))) == "every 1h30m")
        #expect(ScheduleWording.describe(.every(EverySchedule(
            interval: .minutes(45),
            windows: [DailyWindow(start: TimeOfDay(hour: 8, minute: 0), end: TimeOfDay(hour: 12, minute: 0)),
                      DailyWindow(start: TimeOfDay(hour: 13, minute: 0), end: TimeOfDay(hour: 17, minute: 30))],
            days: weekdays))) == "every 45m between 08:00-12:00, 13:00-17:30 on mon..fri")
        #expect(ScheduleWording.describe(.at(AtSchedule(times: [TimeOfDay(hour: 8, minute: 30, second: 15)], days: [.sunday]))) == "at 08:30:15 on sun")
    }
}
