import CrampCore
import CrampDaemon
import Glibc
import Testing

/// Finding and reading the config files: XDG lookup, drop-in order, the built-in default.
@Suite struct ConfigFilesTests {
    /// A fresh directory tree under /tmp, removed by the caller.
    static func makeTree(_ files: [String: String]) -> String {
        var template = Array("/tmp/crampd-config-files-XXXXXX".utf8CString)
        let root = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        for (path, text) in files {
            var prefix = root
            for part in path.split(separator: "/").dropLast() { prefix += "/" + part; mkdir(prefix, 0o700) }
            let file = fopen(root + "/" + path, "w")!
            fputs(text, file)
            fclose(file)
        }
        return root
    }

    static func remove(_ root: String) {
        _ = system("rm -rf '\(root)'")
    }

    @Test func locatesTheConfigTheXDGWay() {
        let xdg = ConfigFiles.locate(explicitPath: nil, environment: ["HOME": "/home/me", "XDG_CONFIG_HOME": "/cfg", "XDG_RUNTIME_DIR": "/run/user/1000"])
        #expect(xdg.configPath == "/cfg/crampd/config.toml")
        #expect(xdg.ctlDropInPath == "/cfg/crampd/config.d/50-crampd-ctl.toml")
        #expect(xdg.runtimeCtlDropInPath == "/run/user/1000/crampd/config.d/50-crampd-ctl.toml")
        // A relative XDG_CONFIG_HOME is invalid and ignored.
        let relative = ConfigFiles.locate(explicitPath: nil, environment: ["HOME": "/home/me", "XDG_CONFIG_HOME": "cfg"])
        #expect(relative.configPath == "/home/me/.config/crampd/config.toml")
        #expect(relative.runtimeDropInDirectory == XDGDirectories.runtimeFallback(userID: getuid()) + "/config.d")
        let explicit = ConfigFiles.locate(explicitPath: "/etc/x/my.toml", environment: ["HOME": "/home/me"])
        #expect(explicit.isExplicit && explicit.dropInDirectory == "/etc/x/config.d")
    }

    @Test func builtInDefaultThenDropInsInLexicalOrder() throws {
        let root = Self.makeTree([
            "cfg/crampd/config.d/20-b.toml": "[daemon]\ngrace = \"20m\"\n",
            "cfg/crampd/config.d/10-a.toml": "[daemon]\ngrace = \"5m\"\n",
            "cfg/crampd/config.d/notes.txt": "not a drop-in",
            "cfg/crampd/config.d/sub.toml/x.toml": "[daemon]\ngrace = \"1m\"\n",
            "run/crampd/config.d/50-crampd-ctl.toml": "[daemon]\ngrace = \"30m\"\n",
        ])
        defer { Self.remove(root) }
        let environment = ["HOME": root, "XDG_CONFIG_HOME": root + "/cfg", "XDG_RUNTIME_DIR": root + "/run"]
        let loaded = try ConfigFiles.load(explicitPath: nil, environment: environment).get()
        #expect(loaded.files == [DefaultConfig.name, root + "/cfg/crampd/config.d/10-a.toml",
                                 root + "/cfg/crampd/config.d/20-b.toml", root + "/run/crampd/config.d/50-crampd-ctl.toml"])
        #expect(loaded.config.daemon.grace == .minutes(30))
        #expect(loaded.config.reminders.count == 6)
    }

    @Test func aUserFileReplacesTheDefaultEntirely() throws {
        let root = Self.makeTree(["cfg/crampd/config.toml": "[[reminder]]\nid = \"w\"\nkind = \"hydration\"\nevery = \"1h\"\n"])
        defer { Self.remove(root) }
        let loaded = try ConfigFiles.load(explicitPath: nil, environment: ["HOME": root, "XDG_CONFIG_HOME": root + "/cfg"]).get()
        #expect(loaded.files == [root + "/cfg/crampd/config.toml"])
        #expect(loaded.config.reminders.map(\.id) == ["w"])
        #expect(loaded.config.daemon.quietHours.isEmpty)
    }

    @Test func aMissingExplicitFileIsAnError() {
        guard case .failure(let failure) = ConfigFiles.load(explicitPath: "/nonexistent/crampd.toml", environment: [:]) else {
            Issue.record("expected a failure"); return
        }
        #expect(failure.rendered() == "Failed to read /nonexistent/crampd.toml: No such file or directory")
    }

    @Test func replacingOneFileKeepsTheMergeOrder() throws {
        let root = Self.makeTree([
            "cfg/crampd/config.d/10-a.toml": "",
            "cfg/crampd/config.d/90-z.toml": "",
        ])
        defer { Self.remove(root) }
        let location = ConfigFiles.locate(explicitPath: nil, environment: ["HOME": root, "XDG_CONFIG_HOME": root + "/cfg"])
        let added = try ConfigFiles.read(location, replacing: location.ctlDropInPath, with: Array("x = 1".utf8)).get().sources
        #expect(added.map(\.name) == [DefaultConfig.name, root + "/cfg/crampd/config.d/10-a.toml",
                                      location.ctlDropInPath, root + "/cfg/crampd/config.d/90-z.toml"])
        #expect(added[2].bytes == Array("x = 1".utf8))
        let deleted = try ConfigFiles.read(location, replacing: root + "/cfg/crampd/config.d/10-a.toml", with: nil).get().sources
        #expect(deleted.map(\.name) == [DefaultConfig.name, root + "/cfg/crampd/config.d/90-z.toml"])
    }
}
