/// Decoder for the TZif format of compiled tzdata (tzfile(5), RFC 8536), versions 1 to 4.
///
/// Version 1 data is skipped when a v2+ block follows (its 32-bit times end in 2038);
/// the footer rule of v2+ covers instants past the last transition.
/// Leap-second records ("right/" zones) are read over but not applied.
enum TZif {
    static func decode(_ data: [UInt8], name: String) throws(ZoneError) -> ZoneRules {
        let reader = TZifReader(data: data, name: name)
        let v1 = try reader.header(at: 0)
        guard v1.version >= 2 else {
            return try reader.block(v1, at: 44, timeSize: 4).rules(footer: nil)
        }
        let v2Start = 44 + v1.blockLength(timeSize: 4)
        let v2 = try reader.header(at: v2Start)
        let blockStart = v2Start + 44
        let parsed = try reader.block(v2, at: blockStart, timeSize: 8)
        let footer = try reader.footer(at: blockStart + v2.blockLength(timeSize: 8))
        return try parsed.rules(footer: footer)
    }
}

struct TZifHeader {
    var version: Int
    var isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt: Int

    func blockLength(timeSize: Int) -> Int {
        timecnt * timeSize + timecnt + typecnt * 6 + charcnt + leapcnt * (timeSize + 4) + isstdcnt + isutcnt
    }
}

struct TZifBlock {
    var name: String
    var transitions: [Int64]
    var transitionTypes: [Int]
    var types: [LocalTimeType]

    func rules(footer: POSIXTimeZoneRule?) throws(ZoneError) -> ZoneRules {
        guard !types.isEmpty else { throw ZoneError(message: "Failed to load time zone \"\(name)\": no local time types") }
        return ZoneRules(transitions: transitions, transitionTypes: transitionTypes, types: types, footer: footer)
    }
}

struct TZifReader {
    let data: [UInt8]
    let name: String

    func fail(_ what: String) -> ZoneError {
        ZoneError(message: "Failed to load time zone \"\(name)\": \(what)")
    }

    func need(_ end: Int) throws(ZoneError) {
        guard end <= data.count else { throw fail("expected \(end) bytes, got \(data.count) (truncated file)") }
    }

    func be32(_ i: Int) -> Int64 {
        Int64(Int32(bitPattern: UInt32(data[i]) << 24 | UInt32(data[i + 1]) << 16 | UInt32(data[i + 2]) << 8 | UInt32(data[i + 3])))
    }

    func be64(_ i: Int) -> Int64 {
        var v: UInt64 = 0
        for k in 0..<8 { v = v << 8 | UInt64(data[i + k]) }
        return Int64(bitPattern: v)
    }

    // header = "TZif" version 15*OCTET isutcnt isstdcnt leapcnt timecnt typecnt charcnt
    func header(at i: Int) throws(ZoneError) -> TZifHeader {
        try need(i + 44)
        guard Array(data[i..<(i + 4)]) == Array("TZif".utf8) else {
            throw fail("expected magic \"TZif\", got \(Array(data[i..<(i + 4)]))")
        }
        let versionByte = data[i + 4]
        let version: Int
        switch versionByte {
        case 0: version = 1
        case UInt8(ascii: "2"), UInt8(ascii: "3"), UInt8(ascii: "4"): version = Int(versionByte - UInt8(ascii: "0"))
        default: throw fail("expected version 0, 2, 3 or 4, got byte \(versionByte)")
        }
        let c = (0..<6).map { Int(be32(i + 20 + 4 * $0)) }
        let h = TZifHeader(version: version, isutcnt: c[0], isstdcnt: c[1], leapcnt: c[2], timecnt: c[3], typecnt: c[4], charcnt: c[5])
        guard c.allSatisfy({ $0 >= 0 }), h.typecnt >= 1, h.isutcnt == 0 || h.isutcnt == h.typecnt,
              h.isstdcnt == 0 || h.isstdcnt == h.typecnt else {
            throw fail("inconsistent header counts \(c)")
        }
        return h
    }

    func block(_ h: TZifHeader, at start: Int, timeSize: Int) throws(ZoneError) -> TZifBlock {
        try need(start + h.blockLength(timeSize: timeSize))
        var i = start
        var transitions: [Int64] = []
        transitions.reserveCapacity(h.timecnt)
        for k in 0..<h.timecnt {
            let t = timeSize == 4 ? be32(i + 4 * k) : be64(i + 8 * k)
            if let last = transitions.last, t <= last { throw fail("transition times not ascending") }
            transitions.append(t)
        }
        i += h.timecnt * timeSize
        let transitionTypes = (0..<h.timecnt).map { Int(data[i + $0]) }
        guard transitionTypes.allSatisfy({ $0 < h.typecnt }) else { throw fail("transition type index out of range") }
        i += h.timecnt
        let typeStart = i
        i += h.typecnt * 6
        let chars = Array(data[i..<(i + h.charcnt)])
        var types: [LocalTimeType] = []
        for k in 0..<h.typecnt {
            let p = typeStart + 6 * k
            let offset = Int(be32(p))
            let isDST = data[p + 4] != 0
            let abbrIndex = Int(data[p + 5])
            guard abbrIndex < chars.count || (abbrIndex == 0 && chars.isEmpty) else { throw fail("abbreviation index out of range") }
            var end = abbrIndex
            while end < chars.count && chars[end] != 0 { end += 1 }
            let abbr = String(decoding: chars[min(abbrIndex, chars.count)..<end], as: UTF8.self)
            types.append(LocalTimeType(utcOffsetSeconds: offset, isDaylightSaving: isDST, abbreviation: abbr))
        }
        return TZifBlock(name: name, transitions: transitions, transitionTypes: transitionTypes, types: types)
    }

    // footer = NL [ POSIX TZ string ] NL
    func footer(at i: Int) throws(ZoneError) -> POSIXTimeZoneRule? {
        guard i < data.count, data[i] == UInt8(ascii: "\n") else { return nil }
        var j = i + 1
        while j < data.count && data[j] != UInt8(ascii: "\n") { j += 1 }
        guard j < data.count else { throw fail("expected a newline after the footer rule") }
        if j == i + 1 { return nil }
        let text = String(decoding: data[(i + 1)..<j], as: UTF8.self)
        do {
            return try POSIXTimeZoneRule.parse(text)
        } catch {
            throw fail(error.message)
        }
    }
}
