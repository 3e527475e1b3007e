import CProcess
import Glibc
import POSIX

/// Gives back freed heap and the clean file pages (code and read-only data of the executable
/// and its libraries) that start-up, a control command or a reminder touched.
///
/// Argument parsing, config, zone and diary loading, JSON and SQL touch megabytes
/// of code that an idle daemon does not need until the next command; the kernel
/// keeps them mapped (counted in RSS: 7 MB idle becomes 14 MB after a few `crampd
/// ctl` commands) until memory is short. MADV_PAGEOUT asks it to drop them now:
/// they come back with a minor fault if touched again. Pages other processes map
/// too (libc) are left alone by the kernel; writable and anonymous memory is not
/// touched. The daemon calls this after READY=1 and at wake-ups it has anyway,
/// never on a timer of its own (see `Daemon.settle`).
enum IdlePages {
    /// Linux 5.4+; older kernels answer EINVAL and nothing changes.
    private static let madvisePageout: Int32 = 21

    static func release() {
        // Freed heap (a large `ctl import`'s staged records, a report) goes back to the
        // kernel too: glibc keeps it in its arenas otherwise.
        _ = malloc_trim(0)
        guard let maps = try? FileSystem.readIfExists("/proc/self/maps", cap: .procfs) else { return }
        for line in String(decoding: maps, as: UTF8.self).split(separator: "\n") {
            // "start-end perms offset dev inode path"
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[5].hasPrefix("/"), !fields[1].contains("w") else { continue }
            let range = fields[0].split(separator: "-")
            guard range.count == 2, let start = UInt(range[0], radix: 16), let end = UInt(range[1], radix: 16) else { continue }
            _ = madvise(UnsafeMutableRawPointer(bitPattern: start), Int(end - start), madvisePageout)
        }
    }
}
