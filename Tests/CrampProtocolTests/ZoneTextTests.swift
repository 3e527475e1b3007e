import CrampCore
import CrampDaemon  // Zone.named: the system tzdata
import CrampProtocol
import Testing

/// `crampd ctl status` names the zone every time is shown in, and whether it follows the system's.
@Suite struct ZoneTextTests {
    let now = Instant(microseconds: 1_795_608_000_000_000)

    func status(zone: String?, follows: Bool?) -> StatusResult {
        StatusResult(version: "0.1.0", pid: 42, runningSince: now, configFiles: [],
                     lastReload: ReloadOutcome(at: now, succeeded: true), zone: zone, zoneFollowsSystem: follows)
    }

    @Test func statusNamesTheZoneAndHowItIsChosen() throws {
        let newYork = try Zone.named("America/New_York")
        let followed = ResultText.status(status(zone: "America/New_York", follows: true), now: now, zone: newYork)
        #expect(followed.contains("\n     Zone: America/New_York (the system's, followed); times are shown in it\n"))
        #expect(followed.contains("since Wed 2026-11-25 07:00:00 EST"))
        let pinned = ResultText.status(status(zone: "Europe/Berlin", follows: false), now: now, zone: newYork)
        #expect(pinned.contains("     Zone: Europe/Berlin (pinned)"))
        // A daemon from before zones were sent: no line.
        #expect(!ResultText.status(status(zone: nil, follows: nil), now: now, zone: newYork).contains("Zone:"))
    }

    @Test func theZoneTravelsOnTheWire() throws {
        let line = ControlResult.status(status(zone: "Europe/Berlin", follows: true)).encodedJSON()
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.contains("\"zone\":\"Europe/Berlin\",\"zoneFollowsSystem\":true"))
    }
}
