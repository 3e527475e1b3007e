/// The two names glibc's `tzname` holds (standard, daylight), which systemd matches a
/// trailing word of a calendar expression against (`daily CET`).
///
/// glibc sets them when it reads the zone file, and again at every local-time conversion,
/// from the time converted. So `Australia/Lord_Howe` reads as `+1030`/`+11`, but after
/// converting a time between its last DST change of 2037 and the 2038 end of its table both
/// are `+11`; `America/Sao_Paulo` keeps `-02` for daylight until a time past its last change
/// (2019) is converted, when its footer rule `<-03>3` leaves `-03` for both.
extension Zone {
    /// `tzname` as reading the zone leaves it: the latest name of each kind in the table.
    public var glibcTimeZoneNames: (standard: String, daylight: String) {
        glibcTimeZoneNames(afterLocaltimeAt: nil)
    }

    /// `tzname` after glibc converted `seconds` (since the epoch) to local time, or as
    /// reading the zone leaves it when `seconds` is nil.
    func glibcTimeZoneNames(afterLocaltimeAt seconds: Int64?) -> (standard: String, daylight: String) {
        guard let rules else { return ("UTC", "UTC") }
        if rules.transitions.isEmpty, let footer = rules.footer { return footer.names }
        var names: [String?] = [nil, nil]
        func flag(_ type: LocalTimeType) -> Int { type.isDaylightSaving ? 1 : 0 }
        /// Fills the kinds still missing from `indices`, in order; stops when both are known.
        func fill<S: Sequence>(_ indices: S) where S.Element == Int {
            for i in indices where names[flag(rules.types[rules.transitionTypes[i]])] == nil {
                names[flag(rules.types[rules.transitionTypes[i]])] = rules.types[rules.transitionTypes[i]].abbreviation
                if names[0] != nil && names[1] != nil { return }
            }
        }
        let transitions = rules.transitions
        if let t = seconds {
            if transitions.isEmpty || t < transitions[0] {
                // Before the table: the first standard type, and the first daylight type.
                let standard = rules.types.firstIndex { !$0.isDaylightSaving } ?? 0
                names[0] = rules.types[standard].abbreviation
                names[1] = rules.types[..<standard].first?.abbreviation
                    ?? rules.types[standard...].first { $0.isDaylightSaving }?.abbreviation
            } else if t >= transitions[transitions.count - 1], let footer = rules.footer {
                return footer.names
            } else {
                // The type in effect, then the kinds of the transitions after it.
                let next = transitions.firstIndex { $0 > t } ?? transitions.count
                let current = rules.types[rules.transitionTypes[next - 1]]
                names[flag(current)] = current.abbreviation
                fill(next..<transitions.count)
                if names[0] == nil { names[0] = names[1] }
            }
        } else {
            fill(transitions.indices.reversed())
            if names[0] == nil { names[0] = rules.types[0].abbreviation }
        }
        let standard = names[0] ?? rules.types[0].abbreviation
        return (standard, names[1] ?? standard)
    }
}

extension POSIXTimeZoneRule {
    /// `tzname` for a zone given as a rule: the daylight name is the standard one without DST.
    var names: (standard: String, daylight: String) {
        (standard.abbreviation, daylight?.type.abbreviation ?? standard.abbreviation)
    }
}
