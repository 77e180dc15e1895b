import Foundation
import Glibc

/// The CLI's side of the control API: one HTTP/1.1 request over the daemon's Unix socket
/// (plain sockets: the CLI stays small and needs no event loop).
public struct ControlClient: Sendable {
    public let socketPath: String
    /// Seconds to wait for the daemon's answer.
    public var timeout: Int

    public init(socketPath: String, timeout: Int = 10) {
        self.socketPath = socketPath
        self.timeout = timeout
    }

    /// The daemon's answer.
    public struct Reply: Sendable {
        public var status: Int
        public var body: String

        /// The `message` of a JSON answer (`ControlResult` or Hummingbird's error body).
        public var message: String {
            guard let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else { return body }
            if let message = object["message"] as? String { return message }
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String { return message }
            return body
        }
    }

    /// Sends `method path` with an optional JSON body; `path` must already be percent-encoded
    /// (`lotPath` does it for lot ids).
    public func send(_ method: String, _ path: String, json: [String: String?]? = nil) throws(ControlClientError) -> Reply {
        var body = Data()
        if let json {
            let object = json.compactMapValues { $0 }
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
                throw ControlClientError(message: "cannot encode the request")
            }
            body = data
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ControlClientError(message: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let socketBytes = Array(socketPath.utf8)
        guard socketBytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw ControlClientError(message: "socket path too long: \(socketPath)")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: socketBytes) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            throw ControlClientError(
                message: "cannot reach the daemon at \(socketPath): \(reason) (is `lineguard run` running with control_socket set, and are you in its group?)")
        }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: lineguard\r\nConnection: close\r\n"
        if json != nil { request += "Content-Type: application/json\r\n" }
        request += "Content-Length: \(body.count)\r\n\r\n"
        var bytes = Array(request.utf8) + Array(body)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw ControlClientError(message: "sending to the daemon failed: \(String(cString: strerror(errno)))") }
            offset += sent
        }
        bytes.removeAll()
        var response = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else { throw ControlClientError(message: "no answer from the daemon within \(timeout) s") }
            response += buffer[0..<count]
        }
        return try parse(response)
    }

    private func parse(_ response: [UInt8]) throws(ControlClientError) -> Reply {
        let text = String(decoding: response, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n") else { throw ControlClientError(message: "malformed answer from the daemon") }
        let head = text[..<headerEnd.lowerBound]
        let statusLine = head.split(separator: "\r\n").first ?? ""
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw ControlClientError(message: "malformed status line: \(statusLine)") }
        var body = String(text[headerEnd.upperBound...])
        if head.lowercased().contains("transfer-encoding: chunked") { body = Self.dechunk(body) }
        return Reply(status: status, body: body)
    }

    /// Decodes a chunked body (the daemon's framework may chunk responses).
    static func dechunk(_ text: String) -> String {
        var rest = Substring(text)
        var out = ""
        while let lineEnd = rest.range(of: "\r\n") {
            let sizeText = rest[..<lineEnd.lowerBound].split(separator: ";").first ?? ""
            guard let size = Int(sizeText, radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            let utf8 = rest.utf8
            guard let end = utf8.index(start, offsetBy: size, limitedBy: utf8.endIndex) else { break }
            out += String(rest[start..<end])
            rest = rest[end...].dropFirst(2)
        }
        return out
    }
}

/// The control API could not be used.
public struct ControlClientError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
