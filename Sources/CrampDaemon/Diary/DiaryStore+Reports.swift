import CrampCore

/// The store's answers to the daemon's handlers: each reads what it needs, then calls the pure core.
extension DiaryStore {
    /// `crampd ctl today`; `stillDue` comes from the agenda.
    public func today(goals: Goals, zone: Zone, now: Instant, stillDue: [PendingReminder] = []) throws(DiaryStoreError) -> TodaySummary {
        let records = try records(in: LocalDay.interval(of: LocalDay.date(of: now, in: zone), in: zone))
        return TodaySummary.compute(records: records, goals: goals, zone: zone, now: now, stillDue: stillDue)
    }

    /// `crampd ctl stats --days N`: the N local days ending today.
    public func stats(days: Int, goals: Goals, zone: Zone, now: Instant) throws(DiaryStoreError) -> DiaryStats {
        let days = min(max(days, DiaryStats.allowedDays.lowerBound), DiaryStats.allowedDays.upperBound)
        let records = try records(in: LocalDay.interval(lastDays: days, endingAt: now, in: zone))
        return DiaryStats.compute(records: records, goals: goals, zone: zone, now: now, days: days)
    }

    /// What the agenda's smart rules need at `now`.
    public func smartFacts(goals: Goals, zone: Zone, now: Instant) throws(DiaryStoreError) -> SmartReminderFacts {
        let today = LocalDay.interval(of: LocalDay.date(of: now, in: zone), in: zone)
        var facts = SmartReminderFacts.compute(records: try records(in: today), goals: goals, zone: zone, now: now)
        // The last drink may be from an earlier day.
        facts.lastDrinkAt = try lastDrinkTime(atOrBefore: now)
        return facts
    }

    /// Today's records and the last drink, for the daemon to keep in memory (`IntakeSnapshot`).
    func intakeSnapshot(zone: Zone, now: Instant) throws(DiaryStoreError) -> IntakeSnapshot {
        let today = LocalDay.interval(of: LocalDay.date(of: now, in: zone), in: zone)
        return IntakeSnapshot(day: today, records: try records(in: today), lastDrink: try lastDrinkTime(atOrBefore: now),
                              lastDoses: try lastDoseTimes(atOrBefore: now))
    }

    /// `crampd ctl export --json [--since DATE] [--until DATE] [--kind KIND]`: dates are local days in `zone`.
    public func exportDocument(since: CivilDate? = nil, until: CivilDate? = nil, kind: DiaryRecords.Kind? = nil,
                               zone: Zone) throws(DiaryStoreError) -> DiaryExport {
        DiaryExport(records: try exportRecords(since: since, until: until, kind: kind, zone: zone), zone: zone, since: since, until: until)
    }

    /// `crampd ctl export --csv [--since DATE] [--until DATE] [--kind KIND]`.
    public func exportCSV(since: CivilDate? = nil, until: CivilDate? = nil, kind: DiaryRecords.Kind? = nil, zone: Zone) throws(DiaryStoreError) -> String {
        DiaryCSV.render(try exportRecords(since: since, until: until, kind: kind, zone: zone), zone: zone)
    }

    private func exportRecords(since: CivilDate?, until: CivilDate?, kind: DiaryRecords.Kind?, zone: Zone) throws(DiaryStoreError) -> DiaryRecords {
        let start = since.map { LocalDay.start(of: $0, in: zone) } ?? Instant(microseconds: Int64.min)
        let end = until.map { LocalDay.start(of: $0.adding(days: 1), in: zone) } ?? Instant(microseconds: Int64.max)
        return try records(in: start..<max(start, end)).only(kind)
    }

    /// `crampd ctl report --since DATE [--until DATE]`: the local days of `span`.
    /// From a day before: the patterns look at the 24 hours before each cramp.
    public func report(span: ClosedRange<CivilDate>, goals: Goals, zone: Zone, now: Instant) throws(DiaryStoreError) -> DiaryReport {
        let records = try records(in: LocalDay.start(of: span.lowerBound.adding(days: -1), in: zone)..<LocalDay.start(of: span.upperBound.adding(days: 1), in: zone))
        return DiaryReport.compute(records: records, goals: goals, zone: zone, since: span.lowerBound, until: span.upperBound, now: now)
    }

    /// The cramp notice due at `now`, if any. The caller writes it to the journal, then calls
    /// `recordInsightNotice(_:at:)`, so a failed journal write is retried at the next cramp.
    public func crampInsight(now: Instant, rule: CrampInsightRule = .default) throws(DiaryStoreError) -> CrampInsightNotice? {
        let cramps = try records(in: (now - rule.window)..<(now + TimeSpan(microseconds: 1))).cramps
        return CrampInsight.evaluate(cramps: cramps, lastNoticeAt: try lastInsightNoticeTime(), now: now, rule: rule)
    }
}
