import CrampCore
import Dispatch
import Logging
import Systemd

/// When notifications fail: one warning per outage, the wording of each failure.
extension DesktopOutlet {
    /// The first failure of an outage is a warning; the rest are debug lines until it works
    /// again, unless the cause changes (a hung server that is then killed: timeout, then no server).
    func report(_ cause: Outage.Cause, _ text: String) {
        if let outage, outage.cause == cause {
            logger.debug("\(text)")
            return
        }
        outage = Outage(cause: cause, text: text)
        logger.warning("\(text); reminders still reach the journal, and crampd tries the desktop again at the next reminder")
    }

    func recovered() {
        guard let outage else { return }
        self.outage = nil
        logger.notice("Desktop notifications work again (after: \(outage.text))")
    }

    /// The wording of a failed call's error reply, with what to do about the common ones.
    func failure(_ purpose: String, _ error: BusMethodError) -> String {
        switch error.name {
        case BusMethodError.serviceUnknown:
            "Failed to \(purpose): no notification server runs on the session bus (\(error.name)); start one, such as dunst or mako, or log in to a desktop"
        case BusMethodError.timeout, BusMethodError.noReply:
            "Failed to \(purpose): the notification server did not answer within \(callTimeoutMicroseconds / 1_000_000) s (\(error.name))"
        default:
            "Failed to \(purpose): \(error)"
        }
    }

    /// "sd_open_user: No such file or directory" without the repeated "Failed to …" prefix.
    func cause(of error: any Error) -> String {
        guard let error = error as? SystemdError else { return "\(error)" }
        return error.cause
    }
}

/// Why desktop notifications do not work at the moment.
struct Outage: Sendable, Equatable {
    enum Cause: Sendable, Equatable {
        /// No session bus, or it went away.
        case bus
        /// Nobody owns org.freedesktop.Notifications.
        case noServer
        /// The server did not answer in time (hung, stopped).
        case noAnswer
        case other

        init(_ error: BusMethodError) {
            switch error.name {
            case BusMethodError.serviceUnknown: self = .noServer
            case BusMethodError.timeout, BusMethodError.noReply: self = .noAnswer
            default: self = .other
            }
        }
    }

    var cause: Cause
    var text: String
}
