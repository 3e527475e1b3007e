import CrampCore
import Dispatch
import Glibc
import Logging
import Systemd

/// `crampd run`: everything that happens before the daemon sleeps.
public enum DaemonLauncher {
    /// sysexits' EX_CONFIG: the config is invalid; systemd should not restart in a loop.
    public static let configErrorExitCode: Int32 = 78
    /// sysexits' EX_UNAVAILABLE: the control socket is taken or cannot be made.
    public static let unavailableExitCode: Int32 = 69

    /// Loads the config, takes or creates the control socket, starts serving and never returns.
    public static func run(options: DaemonOptions) -> Never {
        let journal = JournalWriter(environment: options.environment)
        LoggingSystem.bootstrap { _ in JournalLogHandler(writer: journal) }
        let logger = Logger(label: "crampd")

        // A `--runtime` change lasts until the next restart: this is that restart.
        if let runtimeDropIn = options.configLocation.runtimeCtlDropInPath, unlink(runtimeDropIn) == 0 {
            logger.info("Dropped runtime changes from the previous run (\(runtimeDropIn))")
        }

        let loaded: LoadedConfig
        switch ConfigFiles.load(explicitPath: options.configPath, environment: options.environment) {
        case .success(let config): loaded = config
        case .failure(let failure):
            journal.write(JournalEntry(message: "Failed to load configuration: \(failure.countText); fix it and run: crampd check-config\n" + failure.rendered(),
                                       priority: .error, messageID: .configError,
                                       fields: [("CRAMPD_CONFIG_ERRORS", String(failure.renderedEach().count))]))
            exit(configErrorExitCode)
        }

        let socket: ControlSocket
        do {
            socket = try controlSocket(environment: options.environment)
        } catch {
            logger.critical("\(error)")
            exit(unavailableExitCode)
        }

        let daemon = Daemon(options: options, journal: journal, logger: logger, loaded: loaded, now: options.clock())
        daemon.start(socket: socket)
        withExtendedLifetime(daemon) { dispatchMain() }
    }

    /// The socket systemd passed (socket activation), else our own at the XDG path.
    private static func controlSocket(environment: [String: String]) throws -> ControlSocket {
        let passed = try ListenFDs.take()
        if let fd = passed.first {
            for extra in passed.dropFirst() { close(extra) }
            return try ControlSocket.adopt(fd: fd)
        }
        let path = try ControlSocket.defaultPath { environment[$0] }
        return try ControlSocket.create(path: path)
    }
}
