/// One kind of local time a zone can be in: "CEST", +02:00, daylight saving.
public struct LocalTimeType: Sendable, Equatable, Hashable {
    /// Seconds east of UTC.
    public var utcOffsetSeconds: Int
    /// The tzdata `isdst` flag. Europe/Dublin's winter GMT is flagged, its summer IST is not.
    public var isDaylightSaving: Bool
    public var abbreviation: String

    public init(utcOffsetSeconds: Int, isDaylightSaving: Bool, abbreviation: String) {
        self.utcOffsetSeconds = utcOffsetSeconds
        self.isDaylightSaving = isDaylightSaving
        self.abbreviation = abbreviation
    }

    public static let utc = LocalTimeType(utcOffsetSeconds: 0, isDaylightSaving: false, abbreviation: "UTC")
}
