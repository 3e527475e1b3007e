@testable import CrampDaemon
import CrampCore
import Glibc
import Testing
import TOML

/// The copy of the last config that loaded, which crampd runs when the files are broken at start.
@Suite struct LastGoodConfigTests {
    @Test func aSavedConfigLoadsAgainAsItWasNamedAsACopy() throws {
        let root = makeTemporaryDirectory()
        defer { _ = system("rm -rf '\(root)'") }
        let copy = LastGoodConfig(path: root + "/state/last-good-config.json")
        #expect(copy.load() == nil)
        let sources = [SourceText(name: "/cfg/config.toml", text: "[[reminder]]\nid = \"w\"\nkind = \"hydration\"\nevery = \"1h\"\n"),
                       SourceText(name: "/cfg/config.d/10-a.toml", text: "[daemon]\ngrace = \"5m\"\n")]
        try copy.save(sources)
        let loaded = try #require(copy.load())
        #expect(loaded.config == (try ConfigLoader.load(sources).get()).config)
        #expect(loaded.files == ["/cfg/config.toml (last good copy)", "/cfg/config.d/10-a.toml (last good copy)"])
    }

    @Test func aDamagedCopyIsNoConfig() throws {
        let root = makeTemporaryDirectory()
        defer { _ = system("rm -rf '\(root)'") }
        let copy = LastGoodConfig(path: root + "/last-good-config.json")
        try FileSystem.writeAtomically(copy.path, Array("[{\"name\": 1}".utf8))
        #expect(copy.load() == nil)
    }
}
