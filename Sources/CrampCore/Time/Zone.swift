/// A time zone as a value: UTC, a POSIX rule, or an IANA zone from tzdata.
///
/// Immutable and `Sendable`: the rules are loaded once and shared, and nothing here
/// touches the process's `TZ`, `tzset` or `localtime_r`, so any thread may use a zone.
/// Two zones are equal when their names and their rules are: a tzdata update or a new
/// `/etc/localtime` under the same name is another zone (a plan made in the old one is stale).
public struct Zone: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// "UTC", "Europe/Berlin", or a POSIX rule as written in `$TZ`.
    public let name: String
    /// The offset history; `nil` is UTC.
    let rules: ZoneRules?

    init(name: String) { self.name = name; self.rules = nil }

    /// A zone with its own rules, e.g. from a TZif file that is not in the system tzdata.
    public init(name: String, rules: ZoneRules) { self.name = name; self.rules = rules }

    public static let utc = Zone(name: "UTC")

    public var description: String { name }

    public static func == (a: Zone, b: Zone) -> Bool {
        guard a.name == b.name else { return false }
        switch (a.rules, b.rules) {
        case (nil, nil): return true
        case (let x?, let y?): return x === y || x == y
        default: return false
        }
    }
    public func hash(into h: inout Hasher) { h.combine(name) }

    /// Loads an IANA zone from `database`. "UTC" needs none.
    public static func named(_ name: String, in database: TZDatabase) throws(ZoneError) -> Zone {
        if name == "UTC" { return .utc }
        return try database.zone(named: name)
    }

    /// A zone from a POSIX TZ rule such as `CET-1CEST,M3.5.0,M10.5.0/3`.
    public static func posix(_ rule: String) throws(ZoneError) -> Zone {
        let parsed = try POSIXTimeZoneRule.parse(rule)
        return Zone(name: rule, rules: ZoneRules(transitions: [], transitionTypes: [], types: [parsed.standard], footer: parsed))
    }

    /// The zone the environment asks for, the way glibc reads it:
    /// `$TZ` as `:Area/City`, `Area/City`, `/path/to/tzfile` or a POSIX rule (empty means UTC);
    /// without `$TZ`, the zone `localtime` (`/etc/localtime`) links to (or its contents);
    /// without that, UTC. `database` reads the files.
    public static func system(environment: [String: String], database: TZDatabase,
                              localtime: String = "/etc/localtime") throws(ZoneError) -> Zone {
        guard var tz = environment["TZ"] else {
            guard database.provider.contents(ofFile: localtime) != nil else { return .utc }
            if let target = database.provider.symlinkTarget(localtime), let name = zoneName(fromPath: target),
               let zone = try? database.zone(named: name) {
                return name == "UTC" ? .utc : zone
            }
            return try database.zone(file: localtime, name: "localtime")
        }
        if tz.isEmpty { return .utc }
        if tz.hasPrefix(":") { tz.removeFirst() }
        if tz.hasPrefix("/") {
            return try database.zone(file: tz, name: zoneName(fromPath: tz) ?? tz)
        }
        if tz == "UTC" { return .utc }
        if TZDatabase.isValidName(tz), let zone = try? database.zone(named: tz) { return zone }
        do {
            return try posix(tz)
        } catch {
            throw ZoneError(message: "unknown time zone \"\(tz)\" (neither in \(database.provider.location) nor a POSIX TZ rule)")
        }
    }

    /// "Europe/Berlin" from "/usr/share/zoneinfo/Europe/Berlin" or "../usr/share/zoneinfo/Europe/Berlin".
    static func zoneName(fromPath path: String) -> String? {
        let marker = "zoneinfo/"
        var name = ""
        var found = false
        var rest = Substring(path)
        while !rest.isEmpty {
            if rest.hasPrefix(marker) { name = String(rest.dropFirst(marker.count)); found = true; break }
            rest = rest.dropFirst()
        }
        guard found else { return nil }
        for prefix in ["posix/", "right/"] where name.hasPrefix(prefix) { name.removeFirst(prefix.count) }
        return name.isEmpty ? nil : name
    }

    /// The local time type (offset, daylight flag, abbreviation) at `instant`.
    public func localTimeType(at instant: Instant) -> LocalTimeType {
        guard let rules else { return .utc }
        return rules.type(atSeconds: Self.computable(instant.microseconds).floorDivided(by: 1_000_000))
    }

    /// Offset from UTC in seconds at `instant`.
    public func offsetSeconds(at instant: Instant) -> Int {
        guard let rules else { return 0 }
        return rules.span(atSeconds: Self.computable(instant.microseconds).floorDivided(by: 1_000_000)).offsetSeconds
    }

    /// Zone math is total over all of `Int64` (the system clock can be set anywhere): an
    /// instant or wall-clock reading is first clamped to `Int64` less two days at either
    /// end, so that the offsets of a day either side, added or taken away, cannot overflow.
    /// The clamp only moves times past the year 292,000, far outside `Instant.accepted`.
    static func computable(_ microseconds: Int64) -> Int64 {
        let margin: Int64 = 2 * 86_400_000_000
        return min(max(microseconds, Int64.min + margin), Int64.max - margin)
    }

    /// The abbreviation at `instant`, e.g. "CEST" or "+1030".
    public func abbreviation(at instant: Instant) -> String { localTimeType(at: instant).abbreviation }

    /// Whether tzdata flags `instant` as daylight saving time.
    public func isDaylightSaving(at instant: Instant) -> Bool { localTimeType(at: instant).isDaylightSaving }

    /// The wall-clock time at `instant`.
    public func localDateTime(at instant: Instant) -> LocalDateTime {
        LocalDateTime(microsecondsSinceEpochAsUTC: Self.computable(instant.microseconds) + Int64(offsetSeconds(at: instant)) * 1_000_000)
    }

    /// The instants a wall-clock time maps to.
    public func resolve(_ local: LocalDateTime) -> LocalResolution {
        guard let rules else { return .unique(Instant(microseconds: local.microsecondsSinceEpochAsUTC)) }
        let l = Self.computable(local.microsecondsSinceEpochAsUTC)
        // Fast path: the reading with the offset found there lies well inside one span.
        let lSeconds = l.floorDivided(by: 1_000_000)
        let guess = rules.span(atSeconds: lSeconds)
        let candidate = lSeconds - Int64(guess.offsetSeconds)
        let near = candidate == lSeconds ? guess : rules.span(atSeconds: candidate)
        if near.offsetSeconds == guess.offsetSeconds, near.start <= candidate - 86_400 || near.start == Int64.min,
           candidate + 86_400 < near.end || near.end == Int64.max {
            return .unique(Instant(microseconds: l - Int64(near.offsetSeconds) * 1_000_000))
        }
        let day: Int64 = 86_400_000_000
        // Offsets a day either side; only one transition fits between them in real tzdata.
        let before = Int64(offsetSeconds(at: Instant(microseconds: l - day))) * 1_000_000
        let after = Int64(offsetSeconds(at: Instant(microseconds: l + day))) * 1_000_000
        let valid = [before, after].filter { Int64(offsetSeconds(at: Instant(microseconds: l - $0))) * 1_000_000 == $0 }
        switch Set(valid).count {
        case 2:
            return .repeated(earlier: Instant(microseconds: l - max(before, after)), later: Instant(microseconds: l - min(before, after)))
        case 1:
            return .unique(Instant(microseconds: l - valid[0]))
        default:
            // In the gap the instant of the jump lies in (l - after, l - before]; find it.
            var lo = (l - after).floorDivided(by: 1_000_000), hi = (l - before).floorDivided(by: 1_000_000) + 1
            let old = Int64(offsetSeconds(at: Instant(seconds: lo))) * 1_000_000
            while lo + 1 < hi {
                let mid = (lo + hi) / 2
                if Int64(offsetSeconds(at: Instant(seconds: mid))) * 1_000_000 == old { lo = mid } else { hi = mid }
            }
            return .gap(transition: Instant(seconds: hi))
        }
    }

    /// One instant for a wall-clock time, the way most clocks settle it: a time in a gap
    /// is read with the offset before the jump (02:30 in a one-hour gap is 03:30 after it),
    /// a repeated time is its earlier occurrence.
    public func instant(_ local: LocalDateTime) -> Instant {
        switch resolve(local) {
        case .unique(let i): return i
        case .repeated(let earlier, _): return earlier
        case .gap(let transition):
            let before = offsetSeconds(at: transition - TimeSpan(microseconds: 1))
            return Instant(microseconds: Self.computable(local.microsecondsSinceEpochAsUTC) - Int64(before) * 1_000_000)
        }
    }
}

/// How a local time maps to instants.
public enum LocalResolution: Sendable, Equatable {
    /// The ordinary case.
    case unique(Instant)
    /// Spring forward: the wall clock skips this time. `transition` is the instant of the jump.
    case gap(transition: Instant)
    /// Fall back: the wall clock shows this time twice, `earlier` then `later`.
    case repeated(earlier: Instant, later: Instant)
}

public struct ZoneError: Error, Sendable, Equatable {
    public var message: String
    public init(message: String) { self.message = message }
}
