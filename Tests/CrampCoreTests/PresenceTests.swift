import Testing
@testable import CrampCore

/// Issue 16: the pure combination of presence signals.
@Suite struct PresenceTests {
    let t0 = Instant(seconds: 1_800_000_000)

    @Test func presentUntilASourceSaysOtherwise() {
        #expect(Presence.present.holdReason == nil)
        let idle = Presence.present.updating(with: PresenceSignal(source: .x11Idle, active: true, since: t0))
        #expect(idle.holdReason == .away)
        #expect(idle.updating(with: PresenceSignal(source: .x11Idle, active: false, since: t0 + .minutes(3))) == .present)
    }

    @Test func theMostTellingReasonIsReported() {
        var presence = Presence.present
        presence = presence.updating(with: PresenceSignal(source: .dunst, active: true, since: t0))
        presence = presence.updating(with: PresenceSignal(source: .logindIdle, active: true, since: t0 + .minutes(1)))
        presence = presence.updating(with: PresenceSignal(source: .screenSaver, active: true, since: t0 + .minutes(2)))
        #expect(presence.holdReason == .locked)
        #expect(presence.holdReasons == [.locked, .away, .dnd])
        presence = presence.updating(with: PresenceSignal(source: .logindSleep, active: true, since: t0 + .minutes(3)))
        #expect(presence.held?.reason == .asleep)
        #expect(presence.held?.since == t0 + .minutes(3))
    }

    @Test func aRepeatedSignalKeepsTheEarlierStartAndTwoSourcesOfOneReasonBothCount() {
        var presence = Presence.present.updating(with: PresenceSignal(source: .logindLock, active: true, since: t0))
        presence = presence.updating(with: PresenceSignal(source: .logindLock, active: true, since: t0 + .minutes(5)))
        presence = presence.updating(with: PresenceSignal(source: .screenSaver, active: true, since: t0 + .minutes(1)))
        #expect(presence.held?.since == t0)
        #expect(presence.held?.source == .logindLock)
        // The lock holds while either source says so.
        presence = presence.updating(with: PresenceSignal(source: .logindLock, active: false, since: t0 + .minutes(6)))
        #expect(presence.holdReason == .locked)
        #expect(presence.held?.source == .screenSaver)
    }
}
