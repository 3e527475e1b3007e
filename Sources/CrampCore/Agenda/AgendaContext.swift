/// The inputs shared by every reminder in one agenda computation, worked out once.
struct AgendaContext {
    let zone: Zone
    let now: Instant
    let grace: TimeSpan
    let defaultCatchUp: CatchUpPolicy
    let quietHours: QuietHours
    let pause: Pause?
    /// When the running daemon started (`AgendaState.runningSince`).
    let runningSince: Instant?
    /// The latest suspends of the machine (`AgendaState.sleeps`).
    let sleeps: [SleepSpan]
    let intake: IntakeFacts
    /// Whether a pause silences `now`: nothing fires, not even a catch-up.
    let pausedNow: Bool
    /// The end of the quiet window `now` is in; `nil` outside quiet hours.
    let quietEndNow: Instant?
    /// The local date of `now`, the day `intake.waterTodayMilliliters` is for.
    let today: CivilDate
    /// Set when today's water goal is met: hydration reminders resume here (local midnight).
    let waterGoalMetUntil: Instant?
    /// `[goals]` caps per electrolyte.
    let capMilligrams: [Electrolyte: Int]
    /// Set when a cap may apply (caps configured): the end of today, when the day's totals start again.
    let capsHoldUntil: Instant?

    init(config: Config, zone: Zone, pause: Pause?, runningSince: Instant? = nil, sleeps: [SleepSpan] = [], now: Instant, intake: IntakeFacts) {
        self.zone = zone
        self.now = now
        self.grace = config.daemon.grace
        self.defaultCatchUp = config.daemon.catchUp
        self.quietHours = QuietHours(config.daemon.quietHours, zone: zone)
        self.pause = pause
        self.runningSince = runningSince
        self.sleeps = sleeps
        self.intake = intake
        self.pausedNow = pause?.covers(now) ?? false
        let quietEnd = quietHours.deferral(of: now)
        self.quietEndNow = quietEnd > now ? quietEnd : nil
        self.today = zone.localDateTime(at: now).date
        if let goal = config.goals.waterMilliliters, intake.waterTodayMilliliters >= goal {
            waterGoalMetUntil = Self.startOfDay(today.adding(days: 1), in: zone)
        } else {
            waterGoalMetUntil = nil
        }
        capMilligrams = config.goals.capMilligrams
        capsHoldUntil = capMilligrams.isEmpty ? nil : waterGoalMetUntil ?? Self.startOfDay(today.adding(days: 1), in: zone)
    }

    /// Why a reminder firing at `instant` is dropped for what was taken, if it is: a hydration
    /// reminder for the water logged, an electrolyte reminder for its daily cap.
    func intakeSkipReason(for reminder: Reminder, firingAt instant: Instant) -> SkipReason? {
        if reminder.kind == .electrolyte { return doseCapExcess(for: reminder, firingAt: instant).map(SkipReason.dailyCapReached) }
        guard reminder.kind == .hydration else { return nil }
        if let until = waterGoalMetUntil, instant < until, zone.localDateTime(at: instant).date == today {
            return .waterGoalMet
        }
        // A drink logged in the grace after the firing time counts too: a reminder
        // found a little late is not needed when the person has just drunk. Later
        // drinks do not turn a missed occurrence into a skipped one.
        if let within = reminder.skipIfLoggedWithin, let drink = intake.lastDrink,
           drink > instant - within, drink <= instant + grace {
            return .drinkLoggedRecently
        }
        return nil
    }

    /// Today's totals judge a firing up to the end of today (a missed one of yesterday,
    /// caught up now, included); a later day starts from none.
    private func doseCapExcess(for reminder: Reminder, firingAt instant: Instant) -> DoseCapExcess? {
        guard let until = capsHoldUntil, instant < until else { return nil }
        return DoseCapExcess.check(suggesting: reminder, takenToday: intake.electrolyteTodayMilligrams, caps: capMilligrams)
    }

    /// Whether an occurrence due at `due` and found late fell due while crampd was running.
    func wasRunning(at due: Instant) -> Bool { runningSince.map { due >= $0 } ?? false }

    /// Whether an occurrence due at `due` fell due while the machine slept.
    func slept(at due: Instant) -> Bool { sleeps.contains { $0.covers(due, now: now) } }

    private static func startOfDay(_ date: CivilDate, in zone: Zone) -> Instant {
        switch zone.resolve(LocalDateTime(date: date, time: TimeOfDay(hour: 0, minute: 0))) {
        case .unique(let at): at
        case .gap(let transition): transition
        case .repeated(let earlier, _): earlier
        }
    }
}
