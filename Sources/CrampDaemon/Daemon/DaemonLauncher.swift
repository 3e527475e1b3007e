import CrampCore
import CrampProtocol
import Dispatch
import Glibc
import Logging
import Systemd

/// `crampd run`: everything that happens before the daemon sleeps.
public enum DaemonLauncher {
    /// sysexits' EX_CONFIG: the file given with `--config` is invalid; systemd should not
    /// restart in a loop. (Without `--config` a broken config never stops crampd: it runs the
    /// last good one.)
    public static let configErrorExitCode: Int32 = 78
    /// sysexits' EX_UNAVAILABLE: another crampd runs (it holds the state directory or serves
    /// the control socket), or the control socket or runtime directory cannot be used.
    public static let unavailableExitCode: Int32 = 69

    /// Loads the config, takes or creates the control socket, starts serving and never returns.
    public static func run(options: DaemonOptions) -> Never {
        // libdispatch on Linux gives every worker thread a nice value for its QoS, and its timer
        // manager thread asks for -4 (user-interactive), whatever our queues' QoS: an ordinary
        // user may not raise priority (EACCES) and the service's SystemCallFilter= denies
        // setpriority (EPERM), so it logged "Failed to set thread priority for worker thread"
        // through syslog under our name, at start and before nearly every event. Those notes are
        // all it logs on Linux (its crash messages are not logged there); a developer can still
        // ask for them with LIBDISPATCH_LOG=stderr. Set before the first Dispatch source.
        setenv("LIBDISPATCH_LOG", "NO", 0)
        let journal = JournalWriter(environment: options.environment, verbose: options.verbose)
        LoggingSystem.bootstrap { _ in JournalLogHandler(writer: journal) }
        let logger = Logger(label: "crampd")
        let directories = options.directories

        if directories.runtimeIsFallback {
            do throws(PrivateDirectoryError) { try PrivateDirectory.prepare(directories.runtime) } catch {
                logger.critical("\(error)")
                exit(unavailableExitCode)
            }
            if let warning = directories.fallbackWarning { logger.warning("\(warning)") }
        }
        let lock: StateLock
        do throws(StateLockError) { lock = try StateLock.acquire(stateDirectory: directories.state) } catch {
            logger.critical("\(error)")
            exit(unavailableExitCode)
        }

        // A `--runtime` change lasts until the next restart: this is that restart.
        if let runtimeDropIn = options.configLocation.runtimeCtlDropInPath, unlink(runtimeDropIn) == 0 {
            logger.info("Dropped runtime changes from the previous run (\(runtimeDropIn))")
        }

        let start = startingConfig(options: options, journal: journal, logger: logger)

        let socket: ControlSocket
        do {
            socket = try controlSocket(directories: directories)
        } catch {
            logger.critical("\(error)")
            exit(unavailableExitCode)
        }

        let now = options.clock()
        let daemon = Daemon(options: options, journal: journal, logger: logger, loaded: start.loaded, now: now)
        if let problem = start.problem {
            // Nothing runs on the daemon queue before start(): set directly.
            daemon.lastReload = ReloadOutcome(at: now, succeeded: false, errors: problem.errors)
            daemon.configProblem = problem.status
        }
        daemon.start(socket: socket)
        withExtendedLifetime((daemon, lock)) { dispatchMain() }
    }

    /// The config to start with: the files when they load (saved as the last good copy),
    /// else the last good copy (or the built-in default) with the files' errors reported,
    /// so the reminders go on while the person fixes the file. A broken `--config` file exits 78.
    private static func startingConfig(options: DaemonOptions, journal: JournalWriter, logger: Logger)
        -> (loaded: LoadedConfig, problem: (errors: [String], status: String)?) {
        let location = options.configLocation
        let failure: ConfigLoadFailure
        switch options.loadConfigRemembering(logger: logger) {
        case .success(let loaded): return (loaded, nil)
        case .failure(let error): failure = error
        }
        let errors = failure.renderedEach()
        let errorFields = [("CRAMPD_CONFIG_ERRORS", String(errors.count))]
        if location.isExplicit {
            journal.write(JournalEntry(message: "Failed to load configuration: \(failure.countText); fix it and run: crampd check-config --config \(location.configPath)\n" + failure.rendered(),
                                       priority: .error, messageID: .configError, fields: errorFields))
            exit(configErrorExitCode)
        }
        let (fallback, what): (LoadedConfig, String)
        if let saved = options.lastGoodConfig.load() {
            (fallback, what) = (saved, "the last good config")
        } else {
            guard case .success(let builtIn) = ConfigLoader.loadDefault() else { preconditionFailure("BUG: the built-in default config does not load") }
            (fallback, what) = (builtIn, "the built-in default config")
        }
        journal.write(JournalEntry(message: "Failed to load configuration: \(failure.countText), running \(what) until it is fixed; fix it, check it with crampd check-config, then: systemctl --user reload crampd\n" + failure.rendered(),
                                   priority: .error, messageID: .configError, fields: errorFields))
        return (fallback, (errors, "config error, running \(what): " + Daemon.firstLine(of: errors)))
    }

    /// The socket systemd passed (socket activation), else our own at the XDG path.
    private static func controlSocket(directories: XDGDirectories) throws -> ControlSocket {
        let passed = try ListenFDs.take()
        if let fd = passed.first {
            for extra in passed.dropFirst() { close(extra) }
            return try ControlSocket.adopt(fd: fd)
        }
        return try ControlSocket.create(path: directories.controlSocket)
    }
}
