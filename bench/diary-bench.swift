// Benchmark of the diary, built by bench/diary.sh together with Sources/CrampDaemon/Diary
// (one module, so it can bulk-load a year of data through the store's own connection).
import CrampCore
import Glibc
import SQLite

@main
struct DiaryBench {
    static func monotonicMicroseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1_000
    }

    static func wallClock() -> Instant {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Instant(microseconds: Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1_000)
    }

    /// Median and 95th percentile of `runs` timings of `body`, in milliseconds.
    static func measure(_ runs: Int, _ body: () throws -> Void) rethrows -> (median: Double, p95: Double) {
        var samples: [Int64] = []
        for _ in 0..<runs {
            let start = monotonicMicroseconds()
            try body()
            samples.append(monotonicMicroseconds() - start)
        }
        samples.sort()
        return (Double(samples[runs / 2]) / 1000, Double(samples[min(runs - 1, runs * 95 / 100)]) / 1000)
    }

    static func format(_ ms: Double) -> String {
        let hundredths = Int((ms * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// A year up to `now`: 10 drinks, 3 doses, 16 reminder events (8 due, 7 done, 1 skipped)
    /// a day, a cramp every other day and a second one every fifth.
    static func load(_ store: DiaryStore, now: Instant, zone: Zone) throws -> Int {
        let today = LocalDay.date(of: now, in: zone)
        var count = 0
        try store.database.transaction {
            for back in 0..<365 {
                let start = LocalDay.start(of: today.adding(days: -back), in: zone)
                func at(_ h: Int, _ m: Int) -> Instant { start + .minutes(Int64(h * 60 + m)) }
                var rows: [DiaryEntry] = (0..<10).map { .drink(Drink(milliliters: 150 + (back * 7 + $0 * 31) % 300, time: at(7 + $0 * 3 / 2, ($0 * 17) % 60))) }
                rows += [Dose(electrolyte: .magnesium, milligrams: 200, time: at(8, 5)), Dose(electrolyte: .potassium, milligrams: 300, time: at(13, 5)),
                         Dose(electrolyte: .sodium, milligrams: 500, time: at(18, 5))].map { .dose($0) }
                if back % 2 == 0 { rows.append(.cramp(Cramp(time: at(3, 10), muscle: "calf", severity: 3 + back % 6, atNight: true))) }
                if back % 5 == 0 { rows.append(.cramp(Cramp(time: at(16, 40), muscle: "foot", severity: 4, note: "after a walk", atNight: false))) }
                for row in rows where row.time <= now {
                    try store.database.run(
                        "INSERT INTO entry (kind, time_usec, amount, electrolyte, muscle, severity, at_night, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        DiaryEntryRow(row).parameters)
                    count += 1
                }
                for r in 0..<8 {
                    let planned = at(8 + r * 2, 0)
                    guard planned <= now else { continue }
                    let events: [ReminderEventRecord.Kind] = r == 7 ? [.due, .skipped] : [.due, .done]
                    for (i, e) in events.enumerated() {
                        try store.database.run("INSERT INTO reminder_event (reminder, event, planned_usec, actual_usec) VALUES (?, ?, ?, ?)",
                                               [.text("water"), .text(e.rawValue), .integer(planned.microseconds), .integer((planned + .minutes(Int64(i * 3))).microseconds)])
                        count += 1
                    }
                }
            }
        }
        return count
    }

    static func main() throws {
        guard CommandLine.arguments.count == 2 else {
            print("usage: diary-bench DIRECTORY")
            exit(2)
        }
        let path = CommandLine.arguments[1] + "/diary.sqlite"
        let zone = try Zone.named("Europe/Berlin", in: TZDatabase(SystemZoneFiles()))  // a zone with DST, as most users have
        let now = wallClock()
        let goals = Goals(waterMilliliters: 2000, targetMilligrams: [.sodium: 1500, .potassium: 3500, .magnesium: 350],
                          capMilligrams: [.magnesium: 400])

        var store = try DiaryStore(path: path, now: now)
        let rows = try load(store, now: now, zone: zone)
        try store.close()
        var size = stat()
        stat(path, &size)
        print("data: a year, \(rows) rows, \(Int(size.st_size) / 1024) KiB")

        // Cold: open the file (quick_check, migrations) and answer once, as right after a start.
        let coldStart = monotonicMicroseconds()
        store = try DiaryStore(path: path, now: now)
        let first = StatsRenderer.render(try store.stats(days: 30, goals: goals, zone: zone, now: now), isTerminal: true, width: 80)
        let cold = Double(monotonicMicroseconds() - coldStart) / 1000
        precondition(first.contains("Last 30 days"), "BUG: stats did not render")
        print("open + stats --days 30 + render, first call: \(format(cold)) ms")

        let stats30 = try measure(200) {
            _ = StatsRenderer.render(try store.stats(days: 30, goals: goals, zone: zone, now: now), isTerminal: true, width: 80)
        }
        print("stats --days 30 (query + compute + render), warm: median \(format(stats30.median)) ms, p95 \(format(stats30.p95)) ms")
        let stats30Plain = try measure(200) {
            _ = StatsRenderer.render(try store.stats(days: 30, goals: goals, zone: zone, now: now), isTerminal: false, width: 80)
        }
        print("stats --days 30, plain (not a TTY): median \(format(stats30Plain.median)) ms, p95 \(format(stats30Plain.p95)) ms")
        let today = try measure(200) {
            _ = TodayRenderer.render(try store.today(goals: goals, zone: zone, now: now), zone: zone, isTerminal: true, width: 80)
        }
        print("today (query + compute + render): median \(format(today.median)) ms, p95 \(format(today.p95)) ms")
        let facts = try measure(200) { _ = try store.smartFacts(goals: goals, zone: zone, now: now) }
        print("smart facts: median \(format(facts.median)) ms, p95 \(format(facts.p95)) ms")
        let export = try measure(5) { _ = try store.exportCSV(since: nil, zone: zone) }
        print("export --csv, whole year: median \(format(export.median)) ms")

        var n = 0
        let insert = try measure(200) {
            n += 1
            try store.insert(Drink(milliliters: 250, time: now + .seconds(Int64(n))))
        }
        print("insert one drink (returns after COMMIT, synchronous=FULL): median \(format(insert.median)) ms, p95 \(format(insert.p95)) ms")
        let undo = try measure(200) { _ = try store.undoLast() }
        print("undo (returns after COMMIT): median \(format(undo.median)) ms, p95 \(format(undo.p95)) ms")
        try store.close()
    }
}
