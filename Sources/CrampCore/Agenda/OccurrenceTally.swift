/// Counts occurrences and remembers the earliest and latest.
struct Tally {
    var count = 0
    var earliest: Instant?
    var latest: Instant?
    var isLowerBound = false

    mutating func add(_ due: Instant) {
        count += 1
        if earliest == nil { earliest = due }
        latest = due
    }

    var summary: MissedOccurrences? {
        guard let earliest, let latest else { return nil }
        return MissedOccurrences(count: count, countIsLowerBound: isLowerBound, earliestDue: earliest, latestDue: latest)
    }
}
