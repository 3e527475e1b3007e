// libFuzzer target for the config loader and the agenda; built with Sources/TOML and
// Sources/CrampCore (as modules) by Tests/fuzz/run.sh planner. An input is 9 bytes of time
// (see FuzzTime: the planning instant and a zone) followed by config text:
// - the text loads (`ConfigLoader.load`) or is refused with located diagnostics that render;
// - a loaded config is planned (`Agenda.plan`) and stepped from wake-up to wake-up a few
//   times (`Agenda.step`), in the config's own zone when it names one;
// - a planned wake-up is never before the instant it was planned at.
// A crash, trap, hang or leak is a bug; traps in time arithmetic are kept under
// Tests/fuzz/regressions/planner/.
import CrampCore
import TOML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var (now, zone) = FuzzTime.pick(bytes)
    let source = SourceText(name: "fuzz.toml", bytes: Array(bytes.dropFirst(min(9, bytes.count))))
    let loaded: LoadedConfig
    switch ConfigLoader.load([source]) {
    case .success(let config): loaded = config
    case .failure(let failure):
        _ = failure.rendered()
        return 0
    }
    if let name = loaded.config.daemon.timezone, let named = try? Zone.named(name) { zone = named }
    var state = AgendaState.empty
    _ = Agenda.plan(config: loaded.config, zone: zone, state: state, now: now)
    for _ in 0..<4 {
        let step = Agenda.step(config: loaded.config, zone: zone, state: state, now: now)
        if let wake = step.plan.nextWake, wake < now { fatalError("planned a wake-up at \(wake), before now \(now)") }
        state = step.state
        guard let wake = step.plan.nextWake else { break }
        now = wake
    }
    return 0
}
