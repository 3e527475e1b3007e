import Glibc

/// The C library's text for an errno value ("Connection refused"), as `strerror(3)` gives it.
///
/// The one copy for every target that talks to libc (the daemon's sockets and files,
/// the libsystemd wrappers, the tzdata reader): it lives here, below all of them.
public func errnoText(_ code: Int32 = errno) -> String {
    guard let text = strerror(code) else { return "errno \(code)" }
    return String(cString: text)
}
