import CrampCore
@testable import CrampDaemon
import CrampProtocol
import Dispatch
import Glibc
import Testing

/// Not a check but the server half of `bench/ctl.sh` while `crampd run` is not there:
/// a real `ControlServer` answering `status` with a realistic result. Inert unless
/// CRAMPD_BENCH_SOCKET is set; serves until CRAMPD_BENCH_SOCKET.stop exists (at most 120 s).
@Test(.enabled(if: getenv("CRAMPD_BENCH_SOCKET") != nil))
func controlBenchServer() throws {
    let path = String(cString: getenv("CRAMPD_BENCH_SOCKET"))
    final class StatusHandler: ImmediateControlHandler {
        let status = StatusResult(
            version: "0.1.0", pid: getpid(), runningSince: Instant(seconds: 1_795_593_720),
            configFiles: ["/home/ana/.config/crampd/config.toml", "/home/ana/.config/crampd/config.d/50-crampd-ctl.toml"],
            lastReload: ReloadOutcome(at: Instant(seconds: 1_795_593_720), succeeded: true),
            next: UpcomingOccurrence(reminder: "water", kind: "hydration", at: Instant(seconds: 1_795_617_900),
                             message: "Drink a glass of water", amount: "250 ml"))
        func handle(_ request: Request, from peer: PeerCredentials) -> Response { .ok(.status(status)) }
    }
    let handler = StatusHandler()
    let queue = DispatchQueue(label: "crampd.bench.daemon")
    let socket = try ControlSocket.create(path: path)
    let server = ControlServer(socket: socket, queue: queue, handler: handler)
    queue.sync { server.start() }
    let deadline = monotonicMilliseconds() + 120_000
    while access(path + ".stop", F_OK) != 0 && monotonicMilliseconds() < deadline { usleep(50_000) }
    queue.sync { server.stop() }
}
