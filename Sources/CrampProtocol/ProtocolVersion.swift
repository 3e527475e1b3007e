/// The version of the control protocol this build speaks, and its framing limit.
///
/// Bump `current` only for an incompatible change; adding a command, an
/// optional request field or a result field is compatible (readers ignore
/// unknown fields). So is `watch`, the one command answered more than once: only a
/// client that sends it gets the `event` lines that follow, and an older daemon answers
/// `unknown-command`.
public enum ControlProtocol {
    /// The `version` every request carries and every response echoes.
    public static let current = 1
    /// The longest request or response line, in bytes, not counting the newline.
    public static let maxLineBytes = 64 * 1024
}
