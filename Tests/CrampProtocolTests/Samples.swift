import CrampCore
import CrampProtocol

/// One sample of every request and every result kind; the round-trip tests and the
/// examples in docs/protocol.md both use them.
enum Samples {
    /// 2026-11-25T14:00:00Z
    static let now = Instant(seconds: CivilDate(year: 2026, month: 11, day: 25).daysSinceEpoch * 86_400 + 14 * 3600)
    static func at(_ hour: Int64, _ minute: Int64) -> Instant {
        Instant(seconds: CivilDate(year: 2026, month: 11, day: 25).daysSinceEpoch * 86_400 + hour * 3600 + minute * 60)
    }

    static let commands: [Command] = [
        .status,
        .list,
        .next(count: 3),
        .show(reminder: "water"),
        .done(reminder: "water"),
        .snooze(reminder: "water", duration: .minutes(10)),
        .snooze(reminder: "water", duration: nil),
        .skip(reminder: "magnesium"),
        .skip(reminder: "water", .next(2)),
        .skip(reminder: "water", .until(at(18, 0))),
        .trigger(reminder: "water"),
        .pause(.indefinitely),
        .pause(.duration(.hours(1))),
        .pause(.until(at(18, 0))),
        .resume,
        .set(reminder: "water", assignments: ["every=30m", "between=08:00-20:00"], runtime: false),
        .add(reminder: "stretch", assignments: ["kind=stretch", "at=21:00", "message=Stretch your calves"], runtime: true),
        .remove(reminder: "stretch", runtime: false),
        .reset(reminder: "water", runtime: false),
        .reload,
        .notifyTest(sample: true),
        .notifyTest(sample: false),
        .drink(milliliters: nil, note: nil),
        .drink(milliliters: 330, note: "after the run"),
        .take(electrolyte: "magnesium", milligrams: nil),
        .take(electrolyte: "potassium", milligrams: 99),
        .cramp(muscle: nil, severity: nil, at: nil, note: nil),
        .cramp(muscle: "calf", severity: 6, at: "03:10", note: "woke me up"),
        .undo,
        .today(),
        .today(date: "2026-11-24"),
        .stats(days: 7),
        .stats(days: 30),
        .export(format: .csv, since: nil),
        .export(format: .json, since: "2026-11-01"),
        .export(format: .ics, since: nil, days: 7),
        .report(since: "2026-11-01", until: "2026-11-30"),
        .importRecords(batch: "5f1c2a", records: [DiaryImportRecord(.drink(Drink(milliliters: 250, time: at(9, 0))))], commit: false),
        .watch,
        .stock(electrolyte: nil, units: nil),
        .stock(electrolyte: "magnesium", units: 60),
    ]

    static let waterRow = ReminderRow(id: "water", kind: "hydration", enabled: true, next: at(14, 45), last: at(13, 15),
                                      schedule: "every 45m between 08:00-20:00")
    static let magnesiumRow = ReminderRow(id: "magnesium", kind: "electrolyte", enabled: true, next: at(21, 0),
                                          schedule: "at 21:00", skipping: false)

    static let status = StatusResult(
        version: "0.1.0", pid: 4242, runningSince: at(8, 2),
        configFiles: ["/home/ana/.config/crampd/config.toml", "/home/ana/.config/crampd/config.d/50-crampd-ctl.toml"],
        lastReload: ReloadOutcome(at: at(8, 2), succeeded: true),
        next: UpcomingOccurrence(reminder: "water", kind: "hydration", at: at(14, 45), message: "Drink a glass of water", amount: "250 ml"))

    static let results: [ControlResult] = [
        .status(status),
        .status(StatusResult(version: "0.1.0", pid: 4242, runningSince: at(8, 2), configFiles: [],
            lastReload: ReloadOutcome(at: at(13, 30), succeeded: false,
                errors: ["config.toml:12:9: expected '=' after key \"every\", got ':'"]),
            pause: PauseState(since: at(13, 0), until: at(18, 0)))),
        .reminders(ReminderList(reminders: [waterRow, magnesiumRow])),
        .upcoming(UpcomingList(occurrences: [
            UpcomingOccurrence(reminder: "water", kind: "hydration", at: at(14, 45), message: "Drink a glass of water", amount: "250 ml"),
            UpcomingOccurrence(reminder: "water", kind: "hydration", at: at(15, 30), message: "Drink a glass of water", amount: "250 ml"),
        ])),
        .reminder(ReminderDetail(row: waterRow, message: "Drink a glass of water", amount: "250 ml", lastDone: at(13, 20),
            catchUp: "once", skipIfLoggedWithin: .minutes(20), definedAt: "/home/ana/.config/crampd/config.toml:14",
            upcoming: [at(14, 45), at(15, 30), at(16, 15)])),
        .action(ActionResult(summary: "Snoozed water until 14:55.", reminder: "water", changes: ["next: 14:45 -> 14:55"],
                             next: at(14, 55))),
        .action(ActionResult(summary: "Paused all reminders until 18:00.", pause: PauseState(since: now, until: at(18, 0)))),
    ] + diaryResults

    // MARK: Diary

    static let goals = Goals(waterMilliliters: 2000, targetMilligrams: [.magnesium: 300], capMilligrams: [.magnesium: 350])
    static let diaryRecords = DiaryRecords(
        drinks: [Drink(milliliters: 250, time: at(9, 0)), Drink(milliliters: 330, time: now, note: "after the run")],
        doses: [Dose(electrolyte: .magnesium, milligrams: 200, time: now)],
        cramps: [Cramp(time: at(3, 10), muscle: "calf", severity: 8, atNight: true)],
        reminderEvents: [ReminderEventRecord(reminderID: "water", event: .due, planned: at(13, 15), actual: at(13, 15)),
                         ReminderEventRecord(reminderID: "water", event: .done, planned: at(13, 15), actual: at(13, 20))])
    static let today = TodaySummary.compute(records: diaryRecords, goals: goals, zone: .utc, now: now,
                                            stillDue: [PendingReminder(reminderID: "water", due: at(14, 45), amountText: "250 ml")])
    static let insight = CrampInsight.evaluate(cramps: diaryRecords.cramps, lastNoticeAt: nil, now: now)

    static let diaryResults: [ControlResult] = [
        .diary(DiaryChange(summary: DiaryConfirmation.logged(.drink(diaryRecords.drinks[1]), today: today, zone: .utc),
                           entry: .drink(diaryRecords.drinks[1]), today: today)),
        .diary(DiaryChange(summary: DiaryConfirmation.logged(.dose(diaryRecords.doses[0]), today: today, zone: .utc),
                           entry: .dose(diaryRecords.doses[0]), today: today)),
        .diary(DiaryChange(summary: DiaryConfirmation.logged(.cramp(diaryRecords.cramps[0]), today: today, zone: .utc),
                           entry: .cramp(diaryRecords.cramps[0]), today: today, insight: insight?.message)),
        .diary(DiaryChange(summary: DiaryConfirmation.undone(.drink(diaryRecords.drinks[1]), zone: .utc), entry: .drink(diaryRecords.drinks[1]))),
        .diary(DiaryChange(summary: DiaryConfirmation.undone(nil, zone: .utc))),
        .today(today),
        .stats(DiaryStats.compute(records: diaryRecords, goals: goals, zone: .utc, now: now, days: 7)),
        .export(DiaryExportResult(csv: DiaryCSV.render(diaryRecords, zone: .utc))),
        .export(DiaryExportResult(document: DiaryExport(records: diaryRecords, zone: .utc, since: CivilDate(year: 2026, month: 11, day: 1)))),
        .report(DiaryReport.compute(records: diaryRecords, goals: goals, zone: .utc, since: CivilDate(year: 2026, month: 11, day: 20),
                                    until: CivilDate(year: 2026, month: 11, day: 25), now: now)),
        .imported(ImportResult(staged: 0, added: 2, alreadyPresent: 1, committed: true)),
        .event(WatchEvent(fields: ["CRAMPD_EVENT": "due", "CRAMPD_REMINDER": "water", "MESSAGE": "Drink a glass of water",
                                   "PRIORITY": "5", "__REALTIME_TIMESTAMP": "1795615200000152"])),
        .stock(StockResult(summary: "Set magnesium to 60 units.", supplies: [
            SupplyStatus(electrolyte: .magnesium, unitsLeft: 60, mgPerUnit: 200, countedAt: now, unitsPerHorizon: 14,
                         runOut: now + .hours(24 * 60), runOutDate: CivilDate(year: 2027, month: 1, day: 24), refillDue: false),
            SupplyStatus(electrolyte: .calcium, unitsLeft: 3, mgPerUnit: 500, countedAt: now, unitsPerHorizon: nil,
                         runOut: nil, runOutDate: nil, refillDue: false),
        ])),
    ]

    static let errors: [ControlError] = [
        ControlError(.notFound, "no reminder \"wter\"; try: crampd ctl list"),
        ControlError(.invalidConfig, "the config has 2 errors; keeping the previous config", details: [
            "config.toml:12:9: expected '=' after key \"every\", got ':'",
            "config.d/10-night.toml:3:8: expected a duration like \"45m\", got \"soon\"",
        ]),
    ]
}
