import CrampProtocol

/// Who is on the other end of a control connection, from `SO_PEERCRED`.
public struct PeerCredentials: Sendable, Equatable {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32
    public init(pid: Int32, uid: UInt32, gid: UInt32) { self.pid = pid; self.uid = uid; self.gid = gid }
}

/// What the daemon core implements to answer control requests.
///
/// `ControlServer` calls `handle` on the daemon's serial queue, one request per connection
/// at a time; the peer is already authorized (our user or root). Call `reply` exactly once,
/// on that queue, and only after the change is applied and saved: the response is the
/// acknowledgement. It may come later (a diary write waits off the daemon's queue); the
/// connection reads nothing more until it does, and other clients are served meanwhile.
public protocol ControlHandler: AnyObject {
    func handle(_ request: Request, from peer: PeerCredentials, reply: @escaping (Response) -> Void)
}

/// A handler that always answers at once.
public protocol ImmediateControlHandler: ControlHandler {
    func handle(_ request: Request, from peer: PeerCredentials) -> Response
}

extension ImmediateControlHandler {
    public func handle(_ request: Request, from peer: PeerCredentials, reply: @escaping (Response) -> Void) {
        reply(handle(request, from: peer))
    }
}
