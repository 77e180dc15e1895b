import Foundation

/// The sd_notify protocol, written for ourselves (no libsystemd): one datagram per message to
/// the AF_UNIX socket in `$NOTIFY_SOCKET` (an `@` prefix is Linux's abstract namespace).
/// Without that variable (not under systemd), every call does nothing.
public struct SystemdNotifier: Sendable {
    /// The socket path, nil when not running under a notify-aware supervisor.
    public let socketPath: String?
    /// How often systemd expects `WATCHDOG=1` (from `$WATCHDOG_USEC`, for this process only).
    public let watchdogInterval: Duration?

    /// Reads `environment` (the process's own when nil).
    public init(environment: [String: String]? = nil) {
        let environment = environment ?? ProcessInfo.processInfo.environment
        let path = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        socketPath = path
        var interval: Duration?
        if let text = environment["WATCHDOG_USEC"], let micros = Int64(text), micros > 0 {
            let pid = environment["WATCHDOG_PID"].flatMap { Int32($0) }
            if pid == nil || pid == getpid() { interval = .microseconds(micros) }
        }
        watchdogInterval = interval
    }

    public var isEnabled: Bool { socketPath != nil }

    /// Sends `KEY=value` lines, e.g. `READY=1`, `STATUS=...`, `WATCHDOG=1`, `STOPPING=1`.
    /// Returns false when the message could not be sent (or notification is off).
    @discardableResult
    public func notify(_ message: String) -> Bool {
        guard let socketPath else { return false }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count + (pathBytes.first == 0 ? 0 : 1))
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                sendto(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, length)
            }
        }
        return sent == bytes.count
    }
}
