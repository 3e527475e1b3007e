/// One entry of `[goals] water_checkpoints = ["12:00=800", "16:00=1500"]`: by this time of day,
/// this much water (ml) in total.
public struct WaterCheckpoint: Sendable, Equatable {
    public var time: TimeOfDay
    public var milliliters: Int

    public init(time: TimeOfDay, milliliters: Int) { self.time = time; self.milliliters = milliliters }

    /// More checkpoints than this is a schedule of drinks, not checkpoints.
    public static let maximumCount = 24

    /// "12:00=800"
    public var text: String { TimeSyntax.format(time) + "=\(milliliters)" }
}

extension GoalsSchema {
    /// `water_checkpoints`: "HH:MM=ML" strings, times in increasing order, amounts above zero,
    /// not decreasing and not above `water_ml`. Each problem is located at its string.
    static func readCheckpoints(_ entry: LocatedEntry, waterGoal: Int?, _ reader: inout ValueReader) -> [WaterCheckpoint]? {
        guard let items = reader.strings(entry, emptyMessage: nil) else { return nil }
        if items.count > WaterCheckpoint.maximumCount {
            reader.fail(entry, "expected at most \(WaterCheckpoint.maximumCount) checkpoints in \"water_checkpoints\", got \(items.count)")
            return nil
        }
        var checkpoints: [WaterCheckpoint] = []
        var ok = true
        for (text, offset) in items {
            func fail(_ message: String) { reader.diagnostics.add(entry.source, offset, message); ok = false }
            let parts = text.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, let time = TimeSyntax.parseTime(parts[0].trimmingSpaces),
                  let ml = Int(parts[1].trimmingSpaces), ml > 0, ml <= Drink.maximumMilliliters * 10 else {
                fail("expected a checkpoint like \"12:00=800\" (time of day = ml, above zero) in \"water_checkpoints\", got \"\(text)\"")
                continue
            }
            let checkpoint = WaterCheckpoint(time: time, milliliters: ml)
            if let previous = checkpoints.last {
                if time <= previous.time {
                    fail("checkpoint \"\(text)\" comes after \"\(previous.text)\" in \"water_checkpoints\" but is not later in the day; list them in time order")
                } else if ml < previous.milliliters {
                    fail("checkpoint \"\(text)\" asks for less than the earlier \"\(previous.text)\"; each is the day's total so far, so the amounts cannot go down")
                }
            }
            if let goal = waterGoal, ml > goal {
                fail("checkpoint \"\(text)\" is above the daily goal water_ml = \(goal); lower it or raise the goal")
            }
            checkpoints.append(checkpoint)
        }
        return ok ? checkpoints : nil
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
