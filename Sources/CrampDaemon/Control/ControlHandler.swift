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
/// `ControlServer` calls `handle` synchronously on the daemon's serial queue, one
/// request at a time; the peer is already authorized (our user or root). Return only
/// after the change is applied and saved: the response is the acknowledgement.
public protocol ControlHandler: AnyObject {
    func handle(_ request: Request, from peer: PeerCredentials) -> Response
}
