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
            and writes every reminder to the systemd journal. Without XDG_RUNTIME_DIR (cron, su, a \
            container) the socket is in /tmp/crampd-UID/ instead, a directory only you may use. \
            Without a journal every entry goes to stderr; on a terminal or in a log file it goes \
            there too.

            Usually systemd starts it:
              systemctl --user start crampd
            Read reminders with:
              journalctl --user -u crampd   (or: journalctl -t crampd)

            One crampd runs per state directory: a second one exits, naming the pid of the first. \
            When the config files have errors at start, crampd runs the last config that loaded \
            (or the built-in default) and reports the errors in the journal, in `crampd ctl status` \
            and in `systemctl --user status crampd`; fix the file, then: systemctl --user reload crampd

            Signals: SIGHUP reloads the config (all or nothing), SIGTERM and SIGINT stop cleanly.

            Exit status: 0 after a clean stop; 69 when another crampd runs (it holds the state \
            directory or serves the control socket), or the control socket or the runtime \
            directory cannot be used; 78 when the file given with --config is invalid.

            Examples:
              crampd run
              crampd run --config ~/crampd-test.toml
            """
    )

    @Option(name: .long, help: ArgumentHelp("Use this config file instead of $XDG_CONFIG_HOME/crampd/config.toml.", valueName: "path"))
    var config: String?

    @Flag(name: .long, help: "On a terminal, show each entry's journal fields too.")
    var verbose = false

    func run() throws {
        DaemonLauncher.run(options: DaemonOptions(configPath: config, environment: ProcessEnvironment.current, verbose: verbose))
    }
}
