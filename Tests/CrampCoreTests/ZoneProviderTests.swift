import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in
import TOML
import Testing

/// Zones handed in from memory: the core decodes what its provider gives it and reads no
/// file itself, so a zone that exists nowhere on disk works everywhere a zone is looked up.
@Suite struct ZoneProviderTests {
    struct MemoryZones: ZoneProvider {
        var location = "(memory)"
        var zones: [String: [UInt8]] = [:]
        var files: [String: [UInt8]] = [:]
        var links: [String: String] = [:]
        func tzif(named name: String) -> [UInt8]? { zones[name] }
        func contents(ofFile path: String) -> [UInt8]? { files[path] }
        func symlinkTarget(_ path: String) -> String? { links[path] }
    }

    /// Europe/Berlin's rules under a name no tzdata has.
    let memory: TZDatabase
    let berlinBytes: [UInt8]

    init() throws {
        berlinBytes = try #require(SystemZoneFiles().tzif(named: "Europe/Berlin"))
        memory = TZDatabase(MemoryZones(zones: ["Test/Berlin": berlinBytes]))
    }

    @Test func aNamedZoneComesFromTheProvider() throws {
        let zone = try Zone.named("Test/Berlin", in: memory)
        #expect(zone.offsetSeconds(at: utc(2026, 7, 1)) == 7200)
        #expect(throws: ZoneError.self) { try Zone.named("Test/Berlin", in: .system) }
        #expect(throws: ZoneError(message: "unknown time zone \"Europe/Paris\" (no file (memory)/Europe/Paris)")) {
            try Zone.named("Europe/Paris", in: memory)
        }
    }

    @Test func theSystemZoneIsReadThroughTheProvider() throws {
        let linked = TZDatabase(MemoryZones(zones: ["Test/Berlin": berlinBytes],
                                            files: ["/etc/localtime": berlinBytes],
                                            links: ["/etc/localtime": "../usr/share/zoneinfo/Test/Berlin"]))
        #expect(try Zone.system(environment: [:], database: linked).name == "Test/Berlin")
        let copied = TZDatabase(MemoryZones(files: ["/etc/localtime": berlinBytes]))
        #expect(try Zone.system(environment: [:], database: copied).name == "localtime")
        #expect(try Zone.system(environment: [:], database: memory) == .utc)  // no /etc/localtime
        #expect(try Zone.system(environment: ["TZ": "Test/Berlin"], database: memory).name == "Test/Berlin")
    }

    @Test func configAndCalendarLookUpTheirZonesInTheProvider() throws {
        let text = """
            [daemon]
            timezone = "Test/Berlin"

            [[reminder]]
            id = "noon"
            kind = "stretch"
            message = "Stretch"
            calendar = "*-*-* 12:00 Test/Berlin"

            """
        let config = try ConfigLoader.load([SourceText(name: "config.toml", text: text)], zones: memory).get().config
        #expect(config.daemon.timezone == "Test/Berlin")
        guard case .calendar(let expression) = config.reminders.first?.schedule else { throw ZoneError(message: "no calendar") }
        #expect(expression.nextElapse(after: utc(2026, 7, 1), in: .utc) == utc(2026, 7, 1, 10))
        guard case .failure(let failure) = ConfigLoader.load([SourceText(name: "config.toml", text: text)], zones: .system) else {
            throw ZoneError(message: "the system tzdata has no Test/Berlin")
        }
        #expect(failure.renderedEach().count == 2)
    }
}
