/// Who may act under which name through the control API (SECURITY.md, F1). The socket admits
/// only its group; within it, the kernel names the caller (`PeerCredentials`):
/// - root, and the daemon's own user (who can write the record directly anyway), may declare
///   any actor: `sudo lineguard hold ...` records the sudoing person, an integration running as
///   root records the person it acts for;
/// - anyone else must declare their own login name (the CLI's default), or is refused (HTTP 403);
/// - a caller the kernel cannot name is refused.
/// The audit log records the declared actor with the caller's uid and login name beside it,
/// e.g. `alice (uid 0 root)`, so the record shows who really asked.
struct ControlActorPolicy: Sendable {
    /// The daemon's effective uid.
    var daemonUID: UInt32

    /// The actor text to record, or why the request is refused.
    func admit(declared actor: String, peer: PeerCredentials?) -> Result<String, ActorRefusal> {
        guard let peer else {
            return .failure(ActorRefusal(message: "cannot identify the caller of the control socket (no peer credentials)"))
        }
        let name = peer.login.map { " \($0)" } ?? ""
        let recorded = "\(actor) (uid \(peer.uid)\(name))"
        if peer.uid == 0 || peer.uid == daemonUID || peer.login == actor {
            return .success(recorded)
        }
        let caller = peer.login.map { "'\($0)' (uid \(peer.uid))" } ?? "uid \(peer.uid), which has no login name,"
        return .failure(
            ActorRefusal(message: "actor '\(actor)' is not the caller's login name: \(caller) may act only as itself"))
    }
}

/// A declared actor the caller may not use.
struct ActorRefusal: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
