import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in
import CrampProtocol
import Testing

/// The exact human output of `crampd ctl`, from the result, `now` and the zone.
struct ResultTextTests {
    let now = Samples.now
    func at(_ h: Int64, _ m: Int64) -> Instant { Samples.at(h, m) }

    @Test func statusText() {
        #expect(ResultText.status(Samples.status, now: now, zone: .utc) == """
            crampd 0.1.0, pid 4242
              Running: since Wed 2026-11-25 08:02:00 UTC; 5h 58min ago
               Config: /home/ana/.config/crampd/config.toml
                       /home/ana/.config/crampd/config.d/50-crampd-ctl.toml
               Loaded: ok at 08:02
               Paused: no
                 Next: water at 14:45, in 45min: Drink a glass of water (250 ml)

            """)
    }

    @Test func timesAreLocalToTheZone() throws {
        let berlin = try Zone.named("Europe/Berlin")
        #expect(ResultText.status(Samples.status, now: now, zone: berlin) == """
            crampd 0.1.0, pid 4242
              Running: since Wed 2026-11-25 09:02:00 CET; 5h 58min ago
               Config: /home/ana/.config/crampd/config.toml
                       /home/ana/.config/crampd/config.d/50-crampd-ctl.toml
               Loaded: ok at 09:02
               Paused: no
                 Next: water at 15:45, in 45min: Drink a glass of water (250 ml)

            """)
        // Half past midnight in Berlin is another day than 23:30 UTC.
        let lateUTC = Samples.at(23, 30)
        #expect(TimeText.short(lateUTC, now: now, zone: .utc) == "23:30")
        #expect(TimeText.short(lateUTC, now: now, zone: berlin) == "Thu 00:30")
    }

    @Test func statusTextAfterAFailedReloadWhilePaused() {
        let status = StatusResult(version: "0.1.0", pid: 7, runningSince: at(8, 2), configFiles: [],
            lastReload: ReloadOutcome(at: at(13, 30), succeeded: false, errors: ["a.toml:1:1: expected X, got Y", "b.toml:2:2: expected Z, got W"]),
            pause: PauseState(since: at(13, 0)))
        #expect(ResultText.status(status, now: now, zone: .utc) == """
            crampd 0.1.0, pid 7
              Running: since Wed 2026-11-25 08:02:00 UTC; 5h 58min ago
               Config: the embedded default (no config file)
               Loaded: FAILED at 13:30, keeping the previous config:
                       a.toml:1:1: expected X, got Y
                       b.toml:2:2: expected Z, got W
               Paused: until resumed (since 13:00)
                 Next: none

            """)
    }

    @Test func listTextIsAlignedLikeListTimers() {
        let list = ReminderList(reminders: [
            Samples.waterRow,
            ReminderRow(id: "magnesium", kind: "electrolyte", next: Instant(seconds: now.seconds + 86_400 + 7 * 3600),
                        last: Instant(seconds: now.seconds - 2 * 86_400), schedule: "at 21:00", skipping: true),
            ReminderRow(id: "stretch", kind: "stretch", enabled: false, schedule: "at 21:30"),
            ReminderRow(id: "potassium", kind: "electrolyte", next: at(14, 10), schedule: "at 12:00",
                        snoozedUntil: at(14, 10)),
            // Snoozed into quiet hours: it fires when they end, and the line says so.
            ReminderRow(id: "calves", kind: "stretch", next: Instant(seconds: now.seconds + 18 * 3600), schedule: "at 21:30",
                        snoozedUntil: at(23, 35)),
        ], pause: PauseState(since: at(13, 0), until: at(18, 0)))
        #expect(ResultText.list(list, now: now, zone: .utc) == """
            NEXT       LEFT        LAST       REMINDER   SCHEDULE
            14:10      10min       -          potassium  at 12:00 (snoozed until 14:10)
            14:45      45min       45min ago  water      every 45m between 08:00-20:00
            Thu 08:00  18h 0min    -          calves     at 21:30 (snoozed until 23:35, held back to Thu 08:00)
            Thu 21:00  1d 7h 0min  2d ago     magnesium  at 21:00 (skipping the next)
            -          -           -          stretch    at 21:30 (disabled)

            All reminders are paused: until 18:00, in 4h.

            5 reminders listed.

            """)
    }

    @Test func listTextWithOneReminder() {
        #expect(ResultText.list(ReminderList(reminders: [Samples.magnesiumRow]), now: now, zone: .utc) == """
            NEXT   LEFT     LAST  REMINDER   SCHEDULE
            21:00  7h 0min  -     magnesium  at 21:00

            1 reminder listed.

            """)
    }

    @Test func upcomingText() {
        let list = UpcomingList(occurrences: [
            UpcomingOccurrence(reminder: "water", kind: "hydration", at: at(14, 0), message: "Drink", amount: "250 ml"),
            UpcomingOccurrence(reminder: "stretch", kind: "stretch", at: at(15, 30), message: "Stretch your calves"),
        ])
        #expect(ResultText.upcoming(list, now: now, zone: .utc) == """
            NEXT   LEFT      REMINDER  MESSAGE
            14:00  now       water     Drink (250 ml)
            15:30  1h 30min  stretch   Stretch your calves

            """)
        #expect(ResultText.upcoming(UpcomingList(occurrences: []), now: now, zone: .utc) == "No reminder will fire.\n")
    }

    @Test func reminderText() {
        guard case .reminder(let detail) = Samples.results[4] else { Issue.record("sample order changed"); return }
        #expect(ResultText.reminder(detail, now: now, zone: .utc) == """
            water (hydration)
               Message: Drink a glass of water
                Amount: 250 ml
              Schedule: every 45m between 08:00-20:00
               Enabled: yes
                  Next: 14:45, in 45min
            Last fired: 13:15, 45min ago
             Last done: 13:20, 40min ago
              Catch-up: once
                  Skip: when a drink was logged within 20min
               Defined: /home/ana/.config/crampd/config.toml:14
              Upcoming: 14:45, 15:30, 16:15

            """)
    }

    @Test func actionAndErrorText() {
        #expect(ResultText.action(ActionResult(summary: "Changed water.", changes: ["every: 45m -> 30m", "at: - -> 08:00"]))
            == "Changed water.\n  every: 45m -> 30m\n  at: - -> 08:00\n")
        #expect(ResultText.error(Samples.errors[0]) == "no reminder \"wter\"; try: crampd ctl list\n")
        #expect(ResultText.error(Samples.errors[1]) == """
            the config has 2 errors; keeping the previous config
              config.toml:12:9: expected '=' after key "every", got ':'
              config.d/10-night.toml:3:8: expected a duration like "45m", got "soon"

            """)
    }

    @Test(arguments: [
        (0, "0s"), (999_999, "0s"), (59_000_000, "59s"), (60_000_000, "1min"), (12 * 60_000_000 + 59_000_000, "12min"),
        (3_600_000_000, "1h"), (5_400_000_000, "1h 30min"), (86_400_000_000, "1d"), (93_600_000_000, "1d 2h"),
        (-5_400_000_000, "1h 30min"),
    ] as [(Int64, String)])
    func spans(microseconds: Int64, text: String) {
        #expect(TimeText.span(TimeSpan(microseconds: microseconds)) == text)
    }

    @Test func relativeTimes() {
        #expect(TimeText.relative(Instant(seconds: now.seconds + 12 * 60), now: now) == "in 12min")
        #expect(TimeText.relative(Instant(seconds: now.seconds - 3 * 3600), now: now) == "3h ago")
        #expect(TimeText.relative(Instant(microseconds: now.microseconds + 500_000), now: now) == "now")
    }

    @Test func shortTimesNameTheDayOnlyWhenItDiffers() {
        #expect(TimeText.short(at(9, 5), now: now, zone: .utc) == "09:05")
        #expect(TimeText.short(Instant(seconds: now.seconds - 86_400), now: now, zone: .utc) == "Tue 14:00")
        #expect(TimeText.short(Instant(seconds: now.seconds + 7 * 86_400), now: now, zone: .utc) == "2026-12-02 14:00")
        #expect(TimeText.full(now, zone: .utc) == "Wed 2026-11-25 14:00:00 UTC")
    }
}

/// `crampd ctl skip` says exactly which firings it drops.
struct SkipSummaryTests {
    let format: (Instant) -> String = { "\($0.seconds % 86_400 / 3600):\($0.seconds % 3600 / 60)" }
    func at(_ h: Int64, _ m: Int64) -> Instant { Instant(seconds: h * 3600 + m * 60) }

    @Test func namesEveryDroppedFiring() {
        #expect(SkipSummary.text(reminder: "water", extent: .next(2), dropped: [at(10, 30), at(12, 0), at(13, 30)], format: format)
                == "Skipping the next 2 of water: 10:30 and 12:0.")
        #expect(SkipSummary.text(reminder: "water", extent: .next(3), dropped: [at(10, 30)], format: format)
                == "Skipping the next 3 of water: 10:30 (only 1 planned).")
        #expect(SkipSummary.text(reminder: "water", extent: .next(1), dropped: [at(10, 30)], format: format)
                == "Skipping the one at 10:30 of water.")
        #expect(SkipSummary.text(reminder: "water", extent: .until(at(18, 0)), dropped: [at(10, 30)], format: format)
                == "Skipping every water until 18:0, the first at 10:30.")
        #expect(SkipSummary.text(reminder: "water", extent: .until(at(18, 0)), dropped: [], format: format)
                == "Skipping water until 18:0; none is planned before then.")
    }
}

/// Which bars a terminal gets, from LC_ALL, LC_CTYPE and LANG as setlocale(3) reads them.
struct TerminalCharsetTests {
    @Test func onlyAUTF8LocaleGetsUnicodeBars() {
        #expect(TerminalCharset.glyphs(environment: ["LANG": "en_US.UTF-8"]) == .unicode)
        #expect(TerminalCharset.glyphs(environment: ["LANG": "C.utf8"]) == .unicode)
        #expect(TerminalCharset.glyphs(environment: ["LANG": "de_DE.UTF-8@euro"]) == .unicode)
        #expect(TerminalCharset.glyphs(environment: ["LANG": "C"]) == .ascii)
        #expect(TerminalCharset.glyphs(environment: [:]) == .ascii)
        #expect(TerminalCharset.glyphs(environment: ["LANG": "en_US.ISO-8859-1"]) == .ascii)
        #expect(TerminalCharset.glyphs(environment: ["LANG": "en_US.UTF-8", "LC_ALL": "C"]) == .ascii)
        #expect(TerminalCharset.glyphs(environment: ["LANG": "C", "LC_CTYPE": "en_US.UTF-8"]) == .unicode)
        #expect(TerminalCharset.glyphs(environment: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": "en_US.UTF-8"]) == .unicode)
    }
}

/// Issue 16 item 6: presence in `crampd ctl status`, in the daemon's zone.
struct PresenceStatusTextTests {
    func status(_ presence: Presence, held: Int = 0) -> String {
        var status = Samples.status
        status.presence = PresenceStatus(presence, heldReminders: held)
        return ResultText.status(status, now: Samples.now, zone: .utc)
    }

    func line(_ text: String) -> String? { text.split(separator: "\n").first { $0.contains("Presence:") }.map(String.init) }

    @Test func presentAwayLockedDoNotDisturb() {
        #expect(line(status(.present)) == " Presence: present")
        let away = Presence.present.updating(with: PresenceSignal(source: .x11Idle, active: true, since: Samples.at(10, 12)))
        #expect(line(status(away, held: 2)) == " Presence: away since 10:12 (idle); 2 reminders held, told when you are back")
        let locked = away.updating(with: PresenceSignal(source: .logindLock, active: true, since: Samples.at(10, 20)))
        #expect(line(status(locked)) == " Presence: locked since 10:20; also away")
        let dnd = Presence.present.updating(with: PresenceSignal(source: .dunst, active: true, since: Samples.at(9, 0)))
        #expect(line(status(dnd, held: 1)) == " Presence: do-not-disturb since 09:00 (dunst); 1 reminder held, told when you are back")
    }

    @Test func inTheDaemonsZone() throws {
        var status = Samples.status
        status.presence = PresenceStatus(Presence.present.updating(with: PresenceSignal(source: .x11Idle, active: true, since: Samples.at(10, 12))))
        let text = ResultText.status(status, now: Samples.now, zone: try Zone.named("Europe/Berlin"))
        #expect(line(text) == " Presence: away since 11:12 (idle)")
    }
}
