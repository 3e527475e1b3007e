import ArgumentParser
import CrampCore
import CrampDaemon
import Glibc

/// `crampd check-config`: checks the config files as the daemon would load them and shows
/// when each reminder is next due, or every error with its place in the file.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check the config files and show when each reminder is next due.",
        discussion: """
            Reads the config the way the daemon does: ~/.config/crampd/config.toml (or \
            $XDG_CONFIG_HOME/crampd/config.toml, or the built-in default when there is none), \
            then config.d/*.toml beside it and $XDG_RUNTIME_DIR/crampd/config.d/*.toml, each in \
            lexical order. On success prints the files in use, the settings and each reminder \
            with its next 3 due times, and exits 0. \
            Otherwise prints every error as path:line:column with the line and a caret, and exits 1.

            Examples:
              crampd check-config
              crampd check-config --config ./my-crampd.toml
              crampd check-config --base-time '2026-03-29 01:00:00'
            """
    )

    @Option(name: .long, help: ArgumentHelp("Check this file instead (drop-ins from config.d/ beside it).", valueName: "path"))
    var config: String?

    @Option(name: .customLong("base-time"), help: ArgumentHelp("Plan from this local time instead of now.", valueName: "YYYY-MM-DD HH:MM:SS"))
    var baseTime: String?

    func validate() throws {
        // Inside the one bound of instants (Instant.accepted), a day either side for the zone.
        if let baseTime, !(Self.parseLocalDateTime(baseTime).map { (1970...9999).contains($0.date.year) } ?? false) {
            throw ValidationError("expected a time 'YYYY-MM-DD HH:MM:SS' in the years 1970 to 9999 for --base-time, got '\(baseTime)'")
        }
    }

    func run() throws {
        let environment = ProcessEnvironment.current
        switch ConfigFiles.load(explicitPath: config, environment: environment) {
        case .failure(let failure):
            standardError(failure.rendered())
            standardError("Failed to load the config: \(failure.countText)")
            throw ExitCode.failure
        case .success(let loaded):
            let zone: Zone, note: String
            if let name = loaded.config.daemon.timezone {
                zone = (try? Zone.named(name)) ?? .utc   // checked while loading
                note = "from the config"
            } else {
                do throws(ZoneError) {
                    zone = try Zone.system(environment: environment)
                    note = "system"
                } catch {
                    zone = .utc
                    note = "the system zone could not be read: \(error.message)"
                }
            }
            let now = baseTime.flatMap(Self.parseLocalDateTime).map(zone.instant) ?? WallClock.now()
            print(ConfigSummary.render(loaded, zone: zone, zoneNote: note, now: now), terminator: "")
        }
    }

    /// "2026-03-29 01:00:00" (seconds optional).
    static func parseLocalDateTime(_ text: String) -> LocalDateTime? { LocalTimeText.localDateTime(text) }
}
