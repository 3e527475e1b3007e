/// What `crampd ctl` says when it and the running daemon are different releases. A package
/// upgrade replaces the binary on disk, not the running user service: until the user restarts
/// it, a newer ctl talks to the older daemon.
public enum VersionSkewText {
    /// The answers an older daemon gives to a request it does not know, or one from a newer
    /// protocol; a daemon that misunderstood a request is worth asking for its version.
    public static func mayComeFromAnOlderDaemon(_ code: ErrorCode) -> Bool {
        code == .unknownCommand || code == .unsupportedVersion || code == .badRequest
    }

    /// `the running crampd is 0.1.0, this ctl is 0.2.0: systemctl --user restart crampd`, or nil
    /// when both are the same release.
    public static func notice(running: String, ctl: String) -> String? {
        guard running != ctl else { return nil }
        return "the running crampd is \(running), this ctl is \(ctl): systemctl --user restart crampd"
    }
}
