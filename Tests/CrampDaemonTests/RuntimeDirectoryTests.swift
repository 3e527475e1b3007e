import CrampDaemon
import Glibc
import Testing

/// One XDG resolver, the runtime fallback without XDG_RUNTIME_DIR, and the checks that make
/// the fallback safe in a world-writable /tmp.
@Suite struct RuntimeDirectoryTests {
    @Test func resolvesEveryDirectoryFromTheEnvironment() {
        let xdg = XDGDirectories(environment: ["HOME": "/home/me", "XDG_CONFIG_HOME": "/cfg", "XDG_STATE_HOME": "/st",
                                               "XDG_RUNTIME_DIR": "/run/user/1000"], userID: 1000)
        #expect(xdg.config == "/cfg/crampd" && xdg.state == "/st/crampd")
        #expect(xdg.runtime == "/run/user/1000/crampd" && !xdg.runtimeIsFallback && xdg.fallbackWarning == nil)
        #expect(xdg.controlSocket == "/run/user/1000/crampd/ctl.sock")
        let socket = XDGDirectories(environment: ["HOME": "/home/me", "CRAMPD_SOCKET": "/tmp/x.sock", "XDG_RUNTIME_DIR": "/run/user/1000"])
        #expect(socket.controlSocket == "/tmp/x.sock")
    }

    @Test func fallsBackToAPrivateTmpDirectoryWithoutARuntimeDirectory() {
        for environment in [["HOME": "/home/me"], ["HOME": "/home/me", "XDG_RUNTIME_DIR": "run/user/1000"], ["HOME": "/home/me", "XDG_RUNTIME_DIR": ""]] {
            let xdg = XDGDirectories(environment: environment, userID: 1000)
            #expect(xdg.runtime == "/tmp/crampd-1000" && xdg.runtimeIsFallback)
            #expect(xdg.controlSocket == "/tmp/crampd-1000/ctl.sock")
            #expect(xdg.fallbackWarning?.contains("XDG_RUNTIME_DIR is not set") == true)
            // The config files find runtime drop-ins by the same rule.
            #expect(ConfigFiles.locate(explicitPath: nil, environment: environment).runtimeDropInDirectory?.hasPrefix("/tmp/crampd-\(getuid())/") == true)
        }
    }

    @Test func homeComesFromTheAccountWhenHOMEIsUnset() {
        let xdg = XDGDirectories(environment: [:], userID: 1000, accountHome: { $0 == 1000 ? "/home/thousand" : nil })
        #expect(xdg.config == "/home/thousand/.config/crampd")
    }

    @Test func createsTheFallbackPrivateAndAcceptsItAgain() throws {
        let root = makeTemporaryDirectory()
        defer { rmdir(root + "/rt"); rmdir(root) }
        try PrivateDirectory.prepare(root + "/rt")
        var info = stat()
        #expect(lstat(root + "/rt", &info) == 0 && info.st_mode & 0o777 == 0o700)
        try PrivateDirectory.prepare(root + "/rt")
    }

    @Test func refusesADirectoryThatIsNotSafelyOurs() throws {
        let root = makeTemporaryDirectory()
        defer { _ = system("rm -rf '\(root)'") }
        // Open to others.
        mkdir(root + "/open", 0o700); chmod(root + "/open", 0o755)
        #expect(throws: PrivateDirectoryError(path: root + "/open", problem: "expected mode 0700, got 0755")) {
            try PrivateDirectory.prepare(root + "/open")
        }
        // A symlink to a directory of ours is still a symlink: never followed.
        mkdir(root + "/mine", 0o700); symlink(root + "/mine", root + "/link")
        #expect(throws: PrivateDirectoryError(path: root + "/link", problem: "expected a directory, got a symbolic link")) {
            try PrivateDirectory.prepare(root + "/link")
        }
        // Someone else's (another uid than ours, as the test may run as root or not).
        mkdir(root + "/theirs", 0o700)
        let other: uid_t = getuid() == 0 ? 65534 : 0
        if getuid() == 0 { chown(root + "/theirs", other, gid_t(other)) }
        let mine = getuid()
        let error = #expect(throws: PrivateDirectoryError.self) { try PrivateDirectory.check(root + "/theirs", userID: mine == 0 ? 0 : mine) }
        if getuid() == 0 { #expect(error?.problem == "expected it to be owned by uid 0, got uid 65534") }
        #expect(error?.description.contains("remove it, or set XDG_RUNTIME_DIR") == true)
    }

    @Test func ctlRefusesASocketInSomeoneElsesFallbackDirectory() throws {
        // ctl applies the same check before connecting; a directory that does not exist
        // is left to connect ("is crampd running?").
        let fallback = XDGDirectories.runtimeFallback(userID: getuid())
        var info = stat()
        guard lstat(fallback, &info) != 0 else { return }  // a real one exists here: leave it alone
        #expect(try ControlSocket.clientPath(environment: ["HOME": "/home/me"]) == fallback + "/ctl.sock")
        mkdir(fallback, 0o700); chmod(fallback, 0o777)
        defer { rmdir(fallback) }
        #expect(throws: ControlSocketError.self) { try ControlSocket.clientPath(environment: ["HOME": "/home/me"]) }
        #expect(try ControlSocket.clientPath(environment: ["HOME": "/home/me", "CRAMPD_SOCKET": "/tmp/x.sock"]) == "/tmp/x.sock")
    }
}

/// One crampd per state directory.
@Suite struct StateLockTests {
    @Test func aSecondHolderIsRefusedWithThePidOfTheFirst() throws {
        let root = makeTemporaryDirectory()
        defer { _ = system("rm -rf '\(root)'") }
        var first: StateLock? = try StateLock.acquire(stateDirectory: root + "/state", pid: 4242)
        let error = #expect(throws: StateLockError.self) { try StateLock.acquire(stateDirectory: root + "/state", pid: 99) }
        #expect(error?.message.contains("another crampd (pid 4242) already runs with the state directory \(root)/state") == true)
        #expect(first?.path == root + "/state/crampd.lock")
        first = nil
        // Released with its holder (at exit, for a daemon).
        _ = try StateLock.acquire(stateDirectory: root + "/state", pid: 99)
    }
}
