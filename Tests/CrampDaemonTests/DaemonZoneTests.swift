import CrampCore
@testable import CrampDaemon
import CrampProtocol
import Foundation
import Testing

/// The system tzdata, with an `/etc/localtime` the test relinks, as timedated would.
final class RelinkableLocaltime: ZoneProvider, @unchecked Sendable {  // relinked by the test between requests
    private let lock = NSLock()
    private var target: String
    private let system = SystemZoneFiles()

    init(_ name: String) { target = "/usr/share/zoneinfo/" + name }
    func relink(_ name: String) { lock.withLock { target = "/usr/share/zoneinfo/" + name } }

    var location: String { system.location }
    func tzif(named name: String) -> [UInt8]? { system.tzif(named: name) }
    func contents(ofFile path: String) -> [UInt8]? {
        path == "/etc/localtime" ? system.contents(ofFile: lock.withLock { target }) : system.contents(ofFile: path)
    }
    func symlinkTarget(_ path: String) -> String? { path == "/etc/localtime" ? lock.withLock { target } : system.symlinkTarget(path) }
}

/// The zone the daemon plans in follows `/etc/localtime` while it runs, unless pinned.
@Suite("Daemon zone")
struct DaemonZoneTests {
    static let config = """
        [daemon]
        notify = ["journal"]

        [[reminder]]
        id = "magnesium"
        kind = "electrolyte"
        electrolyte = "magnesium"
        at = "21:00"

        """

    /// 2026-11-25 12:00 UTC: 13:00 in Berlin, 07:00 in New York.
    let noon = Instant(microseconds: 1_795_608_000_000_000)

    func nextFire(_ daemon: DaemonFixture) throws -> Instant? {
        guard case .reminders(let list) = try daemon.ok(.list) else { Issue.record("expected a list"); return nil }
        return list.reminders.first?.next
    }

    @Test func aNewSystemZoneReplansEveryReminderAndSaysSoOnce() throws {
        let localtime = RelinkableLocaltime("Europe/Berlin")
        let daemon = try DaemonFixture(config: Self.config, at: noon, zones: TZDatabase(localtime))
        #expect(try nextFire(daemon) == noon + .hours(8))  // 21:00 in Berlin, 20:00 UTC

        localtime.relink("America/New_York")
        daemon.daemon.queue.sync { daemon.daemon.systemZoneMayHaveChanged() }
        #expect(try nextFire(daemon) == noon + .hours(14))  // 21:00 in New York, 02:00 UTC
        let changes = daemon.journal.entries.filter { $0.field("CRAMPD_EVENT") == "zone-changed" }
        #expect(changes.count == 1)
        #expect(changes.first?.field("CRAMPD_ZONE_OLD") == "Europe/Berlin")
        #expect(changes.first?.field("CRAMPD_ZONE_NEW") == "America/New_York")
        #expect(changes.first?.messageID == .zoneChanged)
        #expect(changes.first?.message.contains("next: magnesium at Wed 2026-11-25 21:00:00 EST") == true)

        // An event that changed nothing (the same link written again) writes nothing.
        daemon.daemon.queue.sync { daemon.daemon.systemZoneMayHaveChanged() }
        #expect(daemon.journal.entries.filter { $0.field("CRAMPD_EVENT") == "zone-changed" }.count == 1)
    }

    @Test func aPinnedZoneIgnoresTheSystemsChanges() throws {
        for (config, environment) in [(Self.config.replacingOccurrences(of: "[daemon]\n", with: "[daemon]\ntimezone = \"Europe/Berlin\"\n"), [:]),
                                      (Self.config, ["TZ": "Europe/Berlin"])] {
            let localtime = RelinkableLocaltime("Asia/Tokyo")
            let daemon = try DaemonFixture(config: config, at: noon, environment: environment, zones: TZDatabase(localtime))
            #expect(try nextFire(daemon) == noon + .hours(8))
            localtime.relink("America/New_York")
            daemon.daemon.queue.sync { daemon.daemon.systemZoneMayHaveChanged() }
            #expect(try nextFire(daemon) == noon + .hours(8))
            #expect(daemon.journal.entries.allSatisfy { $0.field("CRAMPD_EVENT") != "zone-changed" })
        }
    }
}
