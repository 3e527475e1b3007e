import CrampCore
import TOML

extension ResultText {
    /// One line of `crampd ctl watch`: `14:03:00 due water: Time to drink`, the time in `zone`;
    /// only the message's first line (a refused reload lists its errors in the journal), with
    /// control characters escaped so a config file cannot drive the terminal.
    public static func watchLine(_ event: WatchEvent, zone: Zone) -> String {
        let time = event.at.map { TimeText.seconds($0, zone: zone) } ?? "--:--:--"
        let what = event.event.isEmpty ? "event" : event.event
        let subject = event.reminder.map { " " + $0 } ?? ""
        let message = event.message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return "\(time) \(what)\(subject): \(message)".escapingControlCharacters + "\n"
    }
}
