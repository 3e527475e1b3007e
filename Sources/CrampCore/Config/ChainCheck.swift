/// `after` across reminders: it must name a reminder of the config, and following `after`
/// from reminder to reminder must never come back (a circle would never fall due).
enum ChainCheck {
    /// Adds a located error to `reader` for each unknown id and each circle (once, at the `after`
    /// of its first member in file order).
    static func check(_ reminders: [MergedReminder], _ reader: inout ValueReader) {
        var anchorOf: [String: (anchor: String, entry: LocatedEntry)] = [:]
        for reminder in reminders {
            guard let entry = reminder.table["after"], case .string(let anchor) = entry.value, anchor != reminder.id else { continue }
            anchorOf[reminder.id] = (anchor, entry)
        }
        let ids = Set(reminders.map(\.id))
        for reminder in reminders {
            guard let (anchor, entry) = anchorOf[reminder.id] else { continue }
            guard ids.contains(anchor) else {
                let hint = reminders.count <= 1_000 ? DidYouMean.hint(for: anchor, among: ids.filter { $0 != reminder.id }.sorted()) : ""
                reader.fail(entry, "reminder \"\(reminder.id)\" comes after \"\(anchor)\", but no reminder has that id\(hint)")
                continue
            }
        }
        var position: [String: Int] = [:]
        for (index, reminder) in reminders.enumerated() where position[reminder.id] == nil { position[reminder.id] = index }
        // Each reminder names at most one other: walk from each one not yet settled, marking
        // the walk; meeting the walk itself again is a circle. Every reminder is walked once.
        var settled = Set<String>()
        for reminder in reminders where !settled.contains(reminder.id) {
            var path: [String] = []
            var onPath: [String: Int] = [:]
            var current = reminder.id
            while !settled.contains(current), onPath[current] == nil, let step = anchorOf[current] {
                onPath[current] = path.count
                path.append(current)
                current = step.anchor
            }
            if let entered = onPath[current] {
                let members = Array(path[entered...])
                let start = members.indices.min { position[members[$0], default: .max] < position[members[$1], default: .max] } ?? 0
                let order = Array(members[start...] + members[..<start])
                let first = order[0]
                let circle = (order + [first]).map { "\"\($0)\"" }.joined(separator: " → ")
                if let entry = anchorOf[first]?.entry {
                    reader.fail(entry, "reminders come after each other in a circle (\(circle)), so none of them would ever fall due; remove \"after\" from one of them")
                }
            }
            settled.formUnion(path)
        }
    }
}
