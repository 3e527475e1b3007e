import Glibc
import POSIX

/// One line to stderr in a single write(2).
func standardError(_ text: String) {
    _ = writeAll(STDERR_FILENO, Array((text + "\n").utf8))
}

/// The process environment as a dictionary, read once per command.
enum ProcessEnvironment {
    static var current: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "=") {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
