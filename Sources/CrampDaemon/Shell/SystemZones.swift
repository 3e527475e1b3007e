import CrampCore
import TOML

// The shell's defaults: where the pure core takes a `TZDatabase`, the daemon and the CLI
// pass the system's tzdata. CrampCore itself never reads a file.

extension TZDatabase {
    /// The system's tzdata.
    public static let system = TZDatabase(SystemZoneFiles())
}

extension Zone {
    /// An IANA zone from the system tzdata (`/usr/share/zoneinfo`). "UTC" needs no file.
    public static func named(_ name: String) throws(ZoneError) -> Zone { try named(name, in: .system) }

    /// The zone the environment asks for (see `Zone.system(environment:database:localtime:)`), from the system's files.
    public static func system(environment: [String: String]) throws(ZoneError) -> Zone {
        try system(environment: environment, database: .system)
    }
}

extension CalendarExpression {
    /// `parse(_:zones:)` with the system tzdata.
    public static func parse(_ text: String) throws(CalendarError) -> CalendarExpression { try parse(text, zones: .system) }

    /// `parse(_:localZone:zones:)` with the system tzdata.
    public static func parse(_ text: String, localZone: Zone?) throws(CalendarError) -> CalendarExpression {
        try parse(text, localZone: localZone, zones: .system)
    }

    /// `parse(_:in:zones:)` with the system tzdata.
    public static func parse(_ text: String, in session: CalendarSession) throws(CalendarError) -> CalendarExpression {
        try parse(text, in: session, zones: .system)
    }
}

extension ConfigLoader {
    /// `load(_:zones:)` with the system tzdata.
    public static func load(_ sources: [SourceText]) -> Result<LoadedConfig, ConfigLoadFailure> { load(sources, zones: .system) }

    /// `loadDefault(zones:)` with the system tzdata.
    public static func loadDefault() -> Result<LoadedConfig, ConfigLoadFailure> { loadDefault(zones: .system) }
}
