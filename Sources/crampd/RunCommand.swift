import ArgumentParser
import CrampDaemon
import Glibc

/// `crampd run`: the daemon itself, as the systemd user service starts it.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the reminder daemon in the foreground.",
        discussion: """
            Loads the config (the built-in default when you have none), listens on the control \
            socket ($XDG_RUNTIME_DIR/crampd/ctl.sock, or the one systemd passes by socket activation), \
            and writes every reminder to the systemd journal. Without a journal (a plain terminal) the \
            same lines go to stderr.

            Usually systemd starts it: systemctl --user start crampd
            Read reminders with: journalctl --user -u crampd   (or: journalctl -t crampd)

            Signals: SIGHUP reloads the config (all or nothing), SIGTERM and SIGINT stop cleanly.
            Exit status: 0 after a clean stop, 78 when the config is invalid, 69 when the control \
            socket is taken by another running crampd.

            Examples:
              crampd run
              crampd run --config ~/crampd-test.toml
            """
    )

    @Option(name: .long, help: ArgumentHelp("Use this config file instead of $XDG_CONFIG_HOME/crampd/config.toml.", valueName: "path"))
    var config: String?

    func run() throws {
        DaemonLauncher.run(options: DaemonOptions(configPath: config, environment: ProcessEnvironment.current))
    }
}
