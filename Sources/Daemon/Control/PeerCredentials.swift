import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Who is on the other end of a control-socket connection, as the kernel recorded it when the
/// client connected (`SO_PEERCRED`): not what the client claims in its request.
struct PeerCredentials: Sendable, Hashable {
    var uid: UInt32
    var gid: UInt32
    var pid: Int32
    /// The login name of `uid` from the password database, when it has one.
    var login: String?

    /// The credentials of the peer of `channel`; nil when the channel is not a Unix-domain
    /// socket of this kernel or the kernel refuses (the caller then refuses the request).
    static func of(_ channel: any Channel) async -> PeerCredentials? {
        guard let provider = channel as? any SocketOptionProvider,
            MemoryLayout<KernelPeerCredentials>.size == 12, MemoryLayout<KernelPeerCredentials>.alignment == 4
        else { return nil }
        let future: EventLoopFuture<KernelPeerCredentials> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
        guard let raw = try? await future.get(), raw.pid > 0 else { return nil }
        return PeerCredentials(uid: raw.uid, gid: raw.gid, pid: raw.pid, login: loginName(of: raw.uid))
    }

    /// The password database's name for `uid` (getpwuid_r: thread-safe, no static buffer).
    static func loginName(of uid: UInt32) -> String? {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else {
            return nil
        }
        return String(cString: name)
    }
}

/// Linux's `struct ucred` { pid_t pid; uid_t uid; gid_t gid; }, which Glibc's module does not
/// export (it needs _GNU_SOURCE): three 4-byte fields, so this struct has its layout (size 12,
/// alignment 4, fields in declaration order; `of` checks size and alignment and refuses the
/// caller otherwise). Only `getsockopt` writes it.
struct KernelPeerCredentials: Sendable {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}
