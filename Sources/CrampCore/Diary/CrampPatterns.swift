/// What the diary says about the 24 hours before each cramp (night cramps apart from day
/// cramps), side by side with cramp-free days: counts, never verdicts. A pattern in one's own
/// log, not a diagnosis.
///
/// A cramp-free day is a whole local day of the span with no cramp in it nor in the 24 hours
/// after it, so both sides look at 24 hours that were (or were not) followed by a cramp.
public struct CrampPatterns: Sendable, Equatable, Codable {
    public var groups: [Group]
    /// Below this many cramps a group says "too few cramps to say".
    public static let minimumCramps = 3
    /// "Under the water goal" means under this share of it.
    public static let waterSharePercent = 60

    public struct Group: Sendable, Equatable, Codable {
        /// "night cramps", "day cramps", "cramp-free days"
        public var name: String
        public var count: Int
        /// How many of `count` windows had less than `waterSharePercent` of the goal; nil without a goal.
        public var underWater: Int?
        /// Per electrolyte with a target: how many windows were under it.
        public var underTarget: [ElectrolyteAmount]
        /// How many windows had a missed reminder.
        public var withMissed: Int
    }

    /// `records` must reach 24 hours before `span`'s first day; cramps are those within `span`.
    public static func compute(records: DiaryRecords, goals: Goals, zone: Zone, span: ClosedRange<CivilDate>, now: Instant) -> CrampPatterns {
        let day = TimeSpan(microseconds: 86_400_000_000)
        let start = LocalDay.start(of: span.lowerBound, in: zone), end = LocalDay.start(of: span.upperBound.adding(days: 1), in: zone)
        let cramps = records.cramps.filter { $0.time >= start && $0.time < end }
        func group(_ name: String, _ windows: [Range<Instant>]) -> Group {
            let targets = Electrolyte.allCases.compactMap { e in goals.targetMilligrams[e].map { (e, $0) } }
            var g = Group(name: name, count: windows.count, underWater: goals.waterMilliliters.map { _ in 0 },
                          underTarget: targets.map { ElectrolyteAmount(electrolyte: $0.0, milligrams: 0) }, withMissed: 0)
            for w in windows {
                let r = records.within(w)
                if let goal = goals.waterMilliliters, r.drinks.reduce(0, { $0 + $1.milliliters }) * 100 < goal * waterSharePercent {
                    g.underWater! += 1
                }
                for (i, (e, target)) in targets.enumerated() where r.doses.filter({ $0.electrolyte == e }).reduce(0, { $0 + $1.milligrams }) < target {
                    g.underTarget[i].milligrams += 1
                }
                if r.reminderEvents.contains(where: { $0.event == .missed }) { g.withMissed += 1 }
            }
            return g
        }
        var freeDays: [Range<Instant>] = []
        var d = span.lowerBound
        while d <= span.upperBound {
            let w = LocalDay.interval(of: d, in: zone)
            // A whole day past, and no cramp in it or in the 24 hours after (as far as they have passed).
            if w.upperBound <= now && !records.cramps.contains(where: { $0.time >= w.lowerBound && $0.time < w.upperBound + day }) {
                freeDays.append(w)
            }
            d = d.adding(days: 1)
        }
        return CrampPatterns(groups: [
            group("night cramps", cramps.filter(\.atNight).map { ($0.time - day)..<$0.time }),
            group("day cramps", cramps.filter { !$0.atNight }.map { ($0.time - day)..<$0.time }),
            group("cramp-free days", freeDays),
        ])
    }

    public static let wording = "A pattern in your own log, not a diagnosis; crampd gives general information, not medical advice. "
        + "See a doctor when cramps are severe, persistent, or come with weakness or numbness."

    /// One line per finding: "night cramps: 4 of 6 followed a day under 60% of the water goal; cramp-free days: 3 of 40".
    public func lines() -> [String] {
        guard let free = groups.last, groups.count == 3 else { return [] }
        var out: [String] = []
        for g in groups.dropLast() {
            guard g.count >= Self.minimumCramps else {
                out.append("\(g.name): too few cramps to say (\(g.count); at least \(Self.minimumCramps) needed)")
                continue
            }
            func line(_ n: Int, _ what: String, _ freeN: Int) -> String {
                "\(g.name): \(n) of \(g.count) followed \(what); cramp-free days: \(freeN) of \(free.count)"
            }
            if let w = g.underWater, let fw = free.underWater { out.append(line(w, "a day under \(Self.waterSharePercent)% of the water goal", fw)) }
            for (i, e) in g.underTarget.enumerated() {
                out.append(line(e.milligrams, "a day under the \(e.electrolyte.rawValue) target", free.underTarget[i].milligrams))
            }
            out.append(line(g.withMissed, "a day with a missed reminder", free.withMissed))
        }
        return out
    }
}
