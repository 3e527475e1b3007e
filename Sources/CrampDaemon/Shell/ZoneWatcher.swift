import Dispatch
import Glibc

/// Tells the daemon queue when `/etc/localtime` may name another zone, as systemd watches it:
/// timedated writes a new link and renames it over the old one, so the watch is on the
/// directory, filtered to the link's name; a second watch on the directory of the file the
/// link resolves to sees that file replaced or rewritten (a tzdata update, a zone file whose
/// contents changed). An inotify fd on a Dispatch read source: no polling, no wake-up while
/// nothing changes. Whether the zone really changed is the daemon's question (`changed` only
/// says "look again").
final class ZoneWatcher {
    private static let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM)

    private let fd: Int32
    private let source: DispatchSourceRead
    private let linkPath: String
    /// The link's directory and the resolved file's directory, each with the name it is filtered to.
    private var linkWatch: (wd: Int32, name: String)
    private var targetWatch: (wd: Int32, name: String, directory: String)?

    /// Throws when inotify or the directory cannot be watched; the zone then stays as started.
    init(localtime path: String, queue: DispatchQueue, changed: @escaping () -> Void) throws(FileSystemError) {
        fd = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard fd >= 0 else { throw FileSystemError(verb: "watch", path: path, code: errno) }
        linkPath = path
        let (directory, name) = Self.split(path)
        let wd = inotify_add_watch(fd, directory, Self.mask)
        guard wd >= 0 else {
            let failure = FileSystemError(verb: "watch", path: directory, code: errno)
            close(fd)
            throw failure
        }
        linkWatch = (wd, name)
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        watchTarget()
        source.setEventHandler { [unowned self] in
            if self.drain() { changed() }
        }
        source.setCancelHandler { [fd] in close(fd) }
        source.activate()
    }

    func cancel() { source.cancel() }

    /// Reads every pending event; true when one concerns the link or the file it resolves to.
    private func drain() -> Bool {
        var relevant = false
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            var offset = 0
            // struct inotify_event: int wd; uint32_t mask, cookie, len; char name[len].
            while offset + 16 <= n {
                let wd = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int32.self) }
                let mask = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self) }
                let length = Int(buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self) })
                let nameBytes = buffer[(offset + 16)..<min(n, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { relevant = true; continue }
                if wd == linkWatch.wd && name == linkWatch.name { relevant = true }
                if let target = targetWatch, wd == target.wd, name == target.name { relevant = true }
            }
        }
        if relevant { watchTarget() }
        return relevant
    }

    /// (Re)places the watch on the directory of the file the link resolves to now.
    private func watchTarget() {
        guard let resolved = realpath(linkPath, nil) else { dropTargetWatch(); return }
        defer { free(resolved) }
        let (directory, name) = Self.split(String(cString: resolved))
        if let target = targetWatch, target.directory == directory, target.name == name { return }
        dropTargetWatch()
        if directory == Self.split(linkPath).directory { return }  // the link's watch sees it already
        let wd = inotify_add_watch(fd, directory, Self.mask)
        if wd >= 0 { targetWatch = (wd, name, directory) }
    }

    private func dropTargetWatch() {
        guard let target = targetWatch else { return }
        // The same directory may be the link's: inotify hands out one wd per directory.
        if target.wd != linkWatch.wd { inotify_rm_watch(fd, target.wd) }
        targetWatch = nil
    }

    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}
