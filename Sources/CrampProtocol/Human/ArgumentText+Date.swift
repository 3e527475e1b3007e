import CrampCore

extension ArgumentText {
    /// "2026-11-01" (`export --since`); nil when it is not a real date.
    public static func date(_ text: String) -> CivilDate? { CivilDate(isoText: text) }
}
