import CrampProtocol
import Testing

@Suite struct VersionSkewTextTests {
    @Test func differentReleasesSayWhichRunAndHowToRestart() {
        #expect(VersionSkewText.notice(running: "0.1.0", ctl: "0.2.0")
            == "the running crampd is 0.1.0, this ctl is 0.2.0: systemctl --user restart crampd")
    }

    @Test func theSameReleaseSaysNothing() {
        #expect(VersionSkewText.notice(running: "0.2.0", ctl: "0.2.0") == nil)
    }

    @Test func onlyMisunderstoodRequestsAskForTheVersion() {
        #expect(VersionSkewText.mayComeFromAnOlderDaemon(.unknownCommand))
        #expect(VersionSkewText.mayComeFromAnOlderDaemon(.unsupportedVersion))
        #expect(VersionSkewText.mayComeFromAnOlderDaemon(.badRequest))
        #expect(!VersionSkewText.mayComeFromAnOlderDaemon(.notFound))
        #expect(!VersionSkewText.mayComeFromAnOlderDaemon(.invalidConfig))
    }
}
