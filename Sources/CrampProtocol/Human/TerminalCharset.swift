import CrampCore

/// Which bars a terminal can show, from the locale variables as setlocale(3) reads them:
/// the first set and non-empty of LC_ALL, LC_CTYPE, LANG names the character set; unset
/// means the C locale. Only a UTF-8 one gets Unicode blocks; everything else, ASCII.
public enum TerminalCharset {
    public static func glyphs(environment: [String: String]) -> BlockBar.Glyphs {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "C"
        let charset = locale.split(separator: ".", maxSplits: 1).dropFirst().first?.split(separator: "@").first ?? ""
        let normalized = charset.lowercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "utf8" ? .unicode : .ascii
    }
}
