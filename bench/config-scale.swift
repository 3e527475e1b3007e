// Config loading at scale: load + validate (and render the errors, as the daemon does on a
// failed reload) of generated configs, one case per run so each gets its own peak RSS.
// Built by bench/config-scale.sh against the release objects of TOML, POSIX and CrampCore.
//   config-scale reminders N | empty-tables N | big-key BYTES
import CrampCore
import Glibc
import TOML

func nowNanoseconds() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
}

let arguments = CommandLine.arguments
guard arguments.count == 3, let size = Int(arguments[2]) else {
    print("usage: config-scale reminders|empty-tables|big-key N")
    exit(2)
}
var text = ""
switch arguments[1] {
case "reminders":
    for i in 0..<size { text += "[[reminder]]\nid = \"r\(i)\"\nkind = \"hydration\"\nevery = \"1h\"\n\n" }
case "empty-tables":
    for _ in 0..<size { text += "[[reminder]]\n" }
case "big-key":
    text = "[daemon]\n" + String(repeating: "k", count: size) + " = 1\n"
default:
    print("unknown case \(arguments[1])")
    exit(2)
}
let source = SourceText(name: "config.toml", text: text)
let start = nowNanoseconds()
let outcome: String
switch ConfigLoader.load([source]) {
case .success(let loaded): outcome = "\(loaded.config.reminders.count) reminders"
case .failure(let failure):
    // What a failed reload does with it: the journal entry and the answer to `ctl reload`.
    let rendered = failure.rendered().utf8.count + failure.renderedEach().reduce(0) { $0 + $1.utf8.count }
    outcome = "\(failure.countText), \(rendered) bytes of messages"
}
let elapsed = nowNanoseconds() - start
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let tenths = (elapsed + 50_000) / 100_000
print("\(arguments[1]) \(size): \(source.bytes.count) bytes, \(tenths / 10).\(tenths % 10) ms, peak RSS \(usage.ru_maxrss / 1024) MB (\(outcome))")
