import Glibc

/// Writes all of `bytes` to `fd`, again after EINTR and after a short write.
/// Returns nil when everything was written, else the errno of the failed call
/// (a write that takes nothing, which a closed pipe can give, counts as EPIPE).
/// The corresponding C function is `write(2)`.
public func writeAll(_ fd: Int32, _ bytes: some Collection<UInt8>) -> Int32? {
    let result: Int32?? = bytes.withContiguousStorageIfAvailable { writeAll(fd, UnsafeRawBufferPointer($0)) }
    if let result { return result }
    return Array(bytes).withUnsafeBytes { writeAll(fd, $0) }
}

private func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32? {
    var offset = 0
    while offset < buffer.count {
        let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        if n == 0 { return EPIPE }
        offset += n
    }
    return nil
}
