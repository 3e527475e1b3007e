/// `crampd ctl report --since DATE [--until DATE]`: what a doctor's report shows, as data.
/// The daemon computes it from the diary; the client renders it (`ReportHTML`).
///
/// Bounded so that a year's report fits one response line: at most `maxDays` days, and at most
/// `maxListed` cramps and notes (the rest are counted, not listed).
public struct DiaryReport: Sendable, Equatable, Codable {
    public var zoneName: String
    public var since: CivilDate
    /// Last local day included.
    public var until: CivilDate
    /// One entry per day of the span, with the goals for comparison (`stats.electrolytes`: the
    /// daily target and cap of every electrolyte that has one or was taken).
    public var stats: DiaryStats
    /// Snoozes per day, in `stats.days` order (`ReminderAdherence` has no snoozes).
    public var snoozedPerDay: [Int]
    /// Every cramp of the span, oldest first (at most `maxListed`).
    public var cramps: [CrampLine]
    public var crampsNotListed: Int
    /// Every drink's and cramp's note, oldest first (at most `maxListed`).
    public var notes: [NoteLine]
    public var notesNotListed: Int
    /// The 24 hours before each cramp against cramp-free days.
    public var patterns: CrampPatterns

    public static let maxDays = DiaryStats.allowedDays.upperBound
    public static let maxListed = 2000

    public struct CrampLine: Sendable, Equatable, Codable {
        public var date: CivilDate
        /// Local "03:10".
        public var clock: String
        /// Minutes after local midnight, for the timeline.
        public var minuteOfDay: Int
        public var muscle: String?
        public var severity: Int
        public var atNight: Bool
        public var note: String?
    }

    public struct NoteLine: Sendable, Equatable, Codable {
        /// Local "2026-11-25 14:03".
        public var time: String
        /// "drink 500 ml", "cramp calf 6/10".
        public var about: String
        public var text: String
    }

    /// The report of the local days `since` through `until` (the caller checks the span against `maxDays`);
    /// `records` should reach a day before `since`, for the patterns of its first cramps.
    public static func compute(records: DiaryRecords, goals: Goals, zone: Zone, since: CivilDate, until: CivilDate, now: Instant) -> DiaryReport {
        let count = max(1, Int(until.daysSinceEpoch - since.daysSinceEpoch) + 1)
        let span = records.within(LocalDay.start(of: since, in: zone)..<LocalDay.start(of: since.adding(days: count), in: zone))
        let stats = DiaryStats.compute(records: span, goals: goals, zone: zone, first: since, days: count)
        var snoozed = [Int](repeating: 0, count: count)
        for e in span.reminderEvents where e.event == .snoozed {
            let i = Int(LocalDay.date(of: e.planned ?? e.actual, in: zone).daysSinceEpoch - since.daysSinceEpoch)
            if snoozed.indices.contains(i) { snoozed[i] += 1 }
        }
        let cramps = span.cramps.map { c -> CrampLine in
            let local = zone.localDateTime(at: c.time)
            return CrampLine(date: local.date, clock: DiaryTimeFormat.clock(c.time, in: zone),
                             minuteOfDay: local.time.hour * 60 + local.time.minute, muscle: c.muscle, severity: c.severity,
                             atNight: c.atNight, note: c.note)
        }
        var notes: [(time: Instant, line: NoteLine)] = []
        for d in span.drinks {
            if let text = d.note { notes.append((d.time, NoteLine(time: DiaryTimeFormat.minute(d.time, in: zone), about: "drink \(d.milliliters) ml", text: text))) }
        }
        for c in span.cramps {
            if let text = c.note {
                let about = "cramp " + (c.muscle.map { $0 + " " } ?? "") + "\(c.severity)/10" + (c.atNight ? ", at night" : "")
                notes.append((c.time, NoteLine(time: DiaryTimeFormat.minute(c.time, in: zone), about: about, text: text)))
            }
        }
        notes.sort { $0.time < $1.time }
        return DiaryReport(
            zoneName: zone.name, since: since, until: since.adding(days: count - 1), stats: stats,
            snoozedPerDay: snoozed,
            cramps: Array(cramps.prefix(maxListed)), crampsNotListed: max(0, cramps.count - maxListed),
            notes: notes.prefix(maxListed).map(\.line), notesNotListed: max(0, notes.count - maxListed),
            patterns: CrampPatterns.compute(records: records, goals: goals, zone: zone, span: since...since.adding(days: count - 1), now: now))
    }
}

extension DiaryReport {
    /// The days a report covers: `since` through `until` (nil, or after today: today), at most
    /// `maxDays`; the message says what was expected, for `invalid-argument`.
    public static func span(since: CivilDate, until: CivilDate?, today: CivilDate) -> Result<ClosedRange<CivilDate>, SpanError> {
        guard since <= today else { return .failure(SpanError("expected --since on or before today (\(today.isoText)), got \(since.isoText)")) }
        let last = min(until ?? today, today)
        guard since <= last else {
            return .failure(SpanError("expected --since on or before --until, got \(since.isoText) after \(last.isoText)"))
        }
        let days = Int(last.daysSinceEpoch - since.daysSinceEpoch) + 1
        guard days <= maxDays else {
            return .failure(SpanError("expected at most \(maxDays) days from --since to --until, got \(days); make two reports"))
        }
        return .success(since...last)
    }

    public struct SpanError: Error, Sendable, Equatable {
        public var message: String
        init(_ message: String) { self.message = message }
    }
}
