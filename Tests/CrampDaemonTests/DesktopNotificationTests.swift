import CrampCore
@testable import CrampDaemon
import Testing

/// What a reminder looks like as a desktop notification, and how answers are journaled.
struct DesktopNotificationTests {
    /// 2026-11-25 at `hour`:`minute` UTC.
    static func at(_ hour: Int64, _ minute: Int64 = 0) -> Instant {
        Instant(seconds: CivilDate(year: 2026, month: 11, day: 25).daysSinceEpoch * 86_400 + hour * 3600 + minute * 60)
    }

    static let water = Reminder(id: "water", kind: .hydration, message: "Drink a glass of water <now> & sip.", amount: 250,
                                schedule: .at(AtSchedule(times: [TimeOfDay(hour: 10, minute: 0)])))
    static let magnesium = Reminder(id: "magnesium", kind: .electrolyte, electrolyte: .magnesium, message: "Take your magnesium.",
                                    amount: 200, schedule: .at(AtSchedule(times: [TimeOfDay(hour: 19, minute: 0)])))

    static func event(_ kind: ReminderEventKind, _ reminder: Reminder, due: Instant, note: String? = nil) -> ReminderEvent {
        ReminderEvent(kind: kind, reminder: reminder, due: due, at: due, note: note)
    }

    @Test func hydrationReminderWithButtons() {
        let n = DesktopNotification.reminder(Self.event(.due, Self.water, due: Self.at(10)), snooze: .minutes(10), zone: .utc,
                                             hasActions: true, markup: false, replacing: 7)
        #expect(n.appName == "crampd")
        #expect(n.replacesID == 7)
        #expect(n.summary == "Drink 250 ml of water")
        #expect(n.body == "Drink a glass of water <now> & sip.")
        #expect(n.actions == ["done", "Drank 250 ml", "snooze", "Snooze 10 min"])
        #expect(n.urgency == .normal)
        #expect(n.icon == "appointment-soon")
        #expect(n.category == "x-crampd.hydration")
        #expect(n.desktopEntry == "crampd")
        #expect(n.expireTimeoutMilliseconds == -1)
    }

    @Test func withoutActionsTheBodySaysHowToAnswer() {
        let n = DesktopNotification.reminder(Self.event(.due, Self.magnesium, due: Self.at(19)), snooze: .hours(1) + .minutes(30),
                                             zone: .utc, hasActions: false, markup: false, replacing: 0)
        #expect(n.actions.isEmpty)
        #expect(n.summary == "Take 200 mg magnesium")
        #expect(n.body == "Take your magnesium.\nAnswer with: crampd ctl done magnesium   or: crampd ctl snooze magnesium")
    }

    /// Issue 17: a checkpoint behind and a supply running low are notices, not reminders to answer.
    @Test func noticesHaveNoButtonsAndSayWhatTheyAre() {
        let behind = ReminderEvent.behind(BehindNotice(checkpoint: WaterCheckpoint(time: TimeOfDay(hour: 12, minute: 0), milliliters: 800),
                                                       due: Self.at(12), waterMilliliters: 600, drankLastHourMilliliters: 0), at: Self.at(12))
        let n = DesktopNotification.reminder(behind, snooze: .minutes(10), zone: .utc, hasActions: true, markup: false, replacing: 0)
        #expect(n.actions.isEmpty)
        #expect(n.summary == "Behind the day's water")
        #expect(n.body == "600 of 800 ml by 12:00: drink about 200 ml now.")
        let status = SupplyStatus(electrolyte: .magnesium, unitsLeft: 3, mgPerUnit: 200, countedAt: Self.at(8), unitsPerHorizon: 14,
                                  runOut: Self.at(8) + .hours(72), runOutDate: CivilDate(year: 2026, month: 11, day: 28), refillDue: true)
        let refill = DesktopNotification.reminder(.refill(status, at: Self.at(12)), snooze: .minutes(10), zone: .utc,
                                                  hasActions: false, markup: false, replacing: 0)
        #expect(refill.actions.isEmpty && !refill.body.contains("Answer with"))
        #expect(refill.summary == "Running low: magnesium")
    }

    @Test func markupIsEscapedOnlyForServersThatParseIt() {
        let n = DesktopNotification.reminder(Self.event(.due, Self.water, due: Self.at(10)), snooze: .minutes(10), zone: .utc,
                                             hasActions: true, markup: true, replacing: 0)
        #expect(n.body == "Drink a glass of water &lt;now&gt; &amp; sip.")
    }

    /// Issue 17: a follow-up says which one it is; the last is critical only for an `urgent` reminder.
    @Test func theLastFollowUpOfAnUrgentReminderIsCritical() {
        func followUp(_ number: Int, urgent: Bool) -> DesktopNotification {
            var reminder = Self.magnesium
            reminder.urgent = urgent
            let event = ReminderEvent(kind: .repeat, reminder: reminder, due: Self.at(12), at: Self.at(12),
                                      followUp: FollowUpNumber(number: number, of: 2))
            return DesktopNotification.reminder(event, snooze: .minutes(10), zone: .utc, hasActions: true, markup: false, replacing: 9)
        }
        #expect(followUp(2, urgent: true).urgency == .critical)
        #expect(followUp(1, urgent: true).urgency == .normal)
        #expect(followUp(2, urgent: false).urgency == .normal)
        #expect(followUp(1, urgent: true).body == "Take your magnesium.\n(again: follow-up 1 of 2)")
        #expect(followUp(1, urgent: true).replacesID == 9)
    }

    /// Issue 16: the one message on return, and an urgent reminder through do-not-disturb.
    @Test func theMessageOnReturnAnswersEveryListedReminder() {
        let back = BackPopup(reason: .away, message: "While you were away: water at 10:30, magnesium at 12:00", answers: ["water", "magnesium"])
        let n = DesktopNotification.back(back, snooze: .minutes(10), hasActions: true, markup: false, replacing: 3)
        #expect(n.summary == "Welcome back")
        #expect(n.body == back.message)
        #expect(n.actions == ["done", "Done (all 2)", "snooze", "Snooze 10 min"])
        #expect(n.replacesID == 3 && n.urgency == .normal)
        let allMissed = BackPopup(reason: .away, message: "While you were away: missed (held longer than 10m): water at 08:00", answers: [])
        #expect(DesktopNotification.back(allMissed, snooze: .minutes(10), hasActions: true, markup: false, replacing: 0).actions.isEmpty)
        var urgent = Self.event(.due, Self.water, due: Self.at(10))
        urgent.throughDoNotDisturb = true
        #expect(DesktopNotification.reminder(urgent, snooze: .minutes(10), zone: .utc, hasActions: true, markup: false, replacing: 0).urgency == .critical)
    }

    @Test func labels() {
        #expect(DesktopNotification.doneLabel(Self.magnesium) == "Took magnesium")
        #expect(DesktopNotification.doneLabel(Reminder(id: "s", kind: .stretch, message: "Stretch", schedule: Self.water.schedule)) == "Done")
        #expect(DesktopNotification.spanLabel(.minutes(10)) == "10 min")
        #expect(DesktopNotification.spanLabel(.hours(1)) == "1 h")
        #expect(DesktopNotification.spanLabel(.hours(1) + .minutes(30)) == "1 h 30 min")
        #expect(DesktopNotification.spanLabel(.seconds(45)) == "45 s")
    }

    /// Critical only for a catch-up of a missed electrolyte dose planned for 17:00 or later.
    @Test func onlyAMissedEveningDoseIsCritical() {
        let evening = DesktopNotification.reminder(Self.event(.catchUp, Self.magnesium, due: Self.at(19), note: "missed while asleep"),
                                                   snooze: .minutes(10), zone: .utc, hasActions: true, markup: false, replacing: 0)
        #expect(evening.urgency == .critical)
        #expect(evening.summary == "Missed: Take 200 mg magnesium")
        #expect(evening.icon == "dialog-warning")
        #expect(evening.body == "Take your magnesium.\n(catch-up: missed while asleep)")
        let onTime = DesktopNotification.reminder(Self.event(.due, Self.magnesium, due: Self.at(19)), snooze: .minutes(10),
                                                  zone: .utc, hasActions: true, markup: false, replacing: 0)
        #expect(onTime.urgency == .normal)
        let morning = DesktopNotification.reminder(Self.event(.catchUp, Self.magnesium, due: Self.at(8)), snooze: .minutes(10),
                                                   zone: .utc, hasActions: true, markup: false, replacing: 0)
        #expect(morning.urgency == .normal)
        let water = DesktopNotification.reminder(Self.event(.catchUp, Self.water, due: Self.at(20)), snooze: .minutes(10),
                                                 zone: .utc, hasActions: true, markup: false, replacing: 0)
        #expect(water.urgency == .normal)
    }

    /// The evening is local: 18:00 UTC is 03:00 in Tokyo.
    @Test func eveningIsLocalTime() throws {
        let tokyo = try Zone.named("Asia/Tokyo")
        #expect(!DesktopNotification.isEscalated(Self.event(.catchUp, Self.magnesium, due: Self.at(18)), zone: tokyo))
        #expect(DesktopNotification.isEscalated(Self.event(.catchUp, Self.magnesium, due: Self.at(9)), zone: tokyo))
    }

    @Test func desktopAnswersHaveTheirOwnMessageIDs() {
        let done = AnswerChannel.desktop.marking(Self.event(.done, Self.water, due: Self.at(10), note: "250 ml recorded").journalEntry)
        #expect(done.messageID == .desktopActionDone)
        #expect(done.message == "Reminder water done: 250 ml recorded (from the desktop notification)")
        #expect(done.fields.last! == ("CRAMPD_VIA", "desktop"))
        let snoozed = AnswerChannel.desktop.marking(Self.event(.snoozed, Self.water, due: Self.at(10)).journalEntry)
        #expect(snoozed.messageID == .desktopActionSnoozed)
        let ctl = AnswerChannel.ctl.marking(Self.event(.done, Self.water, due: Self.at(10)).journalEntry)
        #expect(ctl.messageID == .done)
        #expect(!ctl.fields.contains { $0.name == "CRAMPD_VIA" })
    }

    @Test func closeReasons() {
        #expect(NotificationCloseReason(code: 1) == .expired)
        #expect(NotificationCloseReason(code: 2) == .dismissed)
        #expect(NotificationCloseReason(code: 99) == .undefined)
    }
}
