import Foundation
import Synchronization

/// A systemd notify socket owned by a test: collects every datagram the daemon sends, with
/// the time it arrived.
final class NotifySocket {
    /// The messages, shared with the receiving thread.
    private final class Inbox: Sendable {
        let messages = Mutex<[(Date, String)]>([])
    }

    let path: String
    private let fd: Int32
    private let inbox: Inbox
    private let thread: Thread

    init(path: String) throws {
        self.path = path
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        self.fd = fd
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw FixtureError(message: "cannot bind \(path)") }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let descriptor = fd
        let box = Inbox()
        inbox = box
        thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !Thread.current.isCancelled {
                let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    let text = String(decoding: buffer[0..<count], as: UTF8.self)
                    box.messages.withLock { $0.append((Date(), text)) }
                }
            }
        }
        thread.start()
    }

    func clear() { inbox.messages.withLock { $0.removeAll() } }

    func messages(since: Date) -> [String] { inbox.messages.withLock { $0.filter { $0.0 >= since }.map(\.1) } }

    /// Waits until a message containing `text` arrived.
    func wait(for text: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if inbox.messages.withLock({ $0.contains { $0.1.contains(text) } }) { return true }
            usleep(50_000)
        }
        return false
    }

    deinit {
        thread.cancel()
        usleep(300_000)
        close(fd)
        unlink(path)
    }
}
