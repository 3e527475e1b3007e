import CrampCore

extension ArgumentText {
    /// "2026-11-01" (`export --since`); nil when it is not a real date.
    public static func date(_ text: String) -> CivilDate? {
        let f = text.split(separator: "-", omittingEmptySubsequences: false)
        guard f.count == 3, f[0].count == 4, f[1].count == 2, f[2].count == 2,
              f.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(f[0]), let m = Int(f[1]), let d = Int(f[2]), (1...12).contains(m),
              (1...CivilDate.daysInMonth(year: y, month: m)).contains(d) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }
}
