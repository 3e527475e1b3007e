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
    /// Why popups are held now, in `HoldReason` order; empty when present or `while_away = "deliver"`.
    let holdReasons: [HoldReason]
    /// The person is back this step and something was held: the message on return is the only
    /// popup now (follow-ups due meanwhile continue one `repeat` later).
    var returning: Bool { returningFrom != nil }
    /// Set when returning: the reason the message on return is worded for.
    let returningFrom: HoldReason?
    /// `[goals] water_ml`, for `pace = true` reminders.
    let waterGoal: Int?
    /// `[goals] <electrolyte>_min_gap` (DoseSpacing.swift).
    let minimumGap: [Electrolyte: TimeSpan]
    /// When each reminder that another comes `after` was last confirmed (Agenda+Chain.swift).
    let anchorsDone: [String: Instant]

    init(config: Config, zone: Zone, pause: Pause?, runningSince: Instant? = nil, sleeps: [SleepSpan] = [], now: Instant, intake: IntakeFacts,
         holding: [HoldReason] = [], heldFor: Set<HoldReason> = [], anchorsDone: [String: Instant] = [:]) {
        self.zone = zone
        self.holdReasons = config.daemon.whileAway == .hold ? holding.sorted() : []
        self.returningFrom = holdReasons.isEmpty ? heldFor.min() : nil
        self.anchorsDone = anchorsDone
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
        minimumGap = config.goals.minimumGap
        waterGoal = config.goals.waterMilliliters
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

    /// Why a firing of `reminder` is held now, if it is: an `urgent` one goes through do-not-disturb
    /// (only that: away, locked and asleep hold it too).
    func holdReason(for reminder: Reminder) -> HoldReason? {
        holdReasons.first { $0 != .dnd || !reminder.urgent }
    }

    /// The last dose that holds back an occurrence of `reminder` due at `due` (`<electrolyte>_min_gap`).
    func doseSpacing(for reminder: Reminder, due: Instant) -> DoseSpacing? {
        minimumGap.isEmpty ? nil : DoseSpacing.holding(reminder, due: due, gaps: minimumGap, lastDose: intake.lastDose)
    }

    /// A `pace = true` reminder's amount at an occurrence due at `due` (WaterPace.swift); nil for others.
    func pacedAmount(of reminder: Reminder, due: Instant, lastDone: Instant?) -> Int? {
        guard reminder.pace, let goal = waterGoal else { return nil }
        return WaterPace.paceAmount(of: reminder, due: due, goal: goal, waterToday: intake.waterTodayMilliliters,
                                    zone: reminder.zone ?? zone, lastDone: lastDone)
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
