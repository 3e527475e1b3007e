import Dispatch

extension DesktopOutlet {
    /// The machine woke from sleep: the notification server may have been restarted, the bus
    /// lost. The connection is looked at now (a closed one is forgotten, with the usual
    /// warning) and the server asked again before the next popup.
    func recheckAfterResume() {
        dispatchPrecondition(condition: .onQueue(queue))
        connection?.pump()
        guard let connection, !connection.isClosed else { return }
        server = nil
    }
}
