import Glibc

/// A fresh directory under /tmp for one test's database files, removed afterwards.
struct TemporaryDirectory: ~Copyable {
    let path: String

    init() {
        var template = Array("/tmp/crampd-sqlite-test-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "BUG: mkdtemp failed: \(String(cString: strerror(errno)))")
        path = String(cString: created!)
    }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    deinit {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name != "." && name != ".." { unlink("\(path)/\(name)") }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}

/// Overwrites `count` bytes at `offset` of the file at `path` with `byte`.
func scribble(_ path: String, offset: Int, count: Int, byte: UInt8 = 0xA5) {
    let fd = open(path, O_WRONLY)
    precondition(fd >= 0, "BUG: cannot open \(path)")
    defer { close(fd) }
    let bytes = [UInt8](repeating: byte, count: count)
    precondition(pwrite(fd, bytes, count, off_t(offset)) == count, "BUG: short write to \(path)")
}

/// The size of the file at `path` in bytes.
func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : -1
}
