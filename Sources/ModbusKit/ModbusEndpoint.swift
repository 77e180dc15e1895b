/// A Modbus TCP endpoint: one connection (and one `ModbusDevice` actor) per endpoint, shared by
/// every unit id behind it.
public struct ModbusEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// A host name or an IPv4/IPv6 address.
    public var host: String
    /// The TCP port (502 on most devices).
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` (or `[v6-address]:port`).
    public init(parsing text: String) throws(ModbusConfigurationError) {
        let trimmed = text.trimmingSpaces
        var hostPart: Substring
        var portPart: Substring
        if trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") {
            hostPart = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            let rest = trimmed[trimmed.index(after: close)...]
            guard rest.hasPrefix(":") else {
                throw ModbusConfigurationError(key: "endpoint", value: text, expected: "[address]:port")
            }
            portPart = rest.dropFirst()
        } else {
            guard let colon = trimmed.lastIndex(of: ":") else {
                throw ModbusConfigurationError(key: "endpoint", value: text, expected: "host:port")
            }
            hostPart = trimmed[..<colon]
            portPart = trimmed[trimmed.index(after: colon)...]
        }
        guard !hostPart.isEmpty else {
            throw ModbusConfigurationError(key: "endpoint", value: text, expected: "a host before ':'")
        }
        guard let port = Int(portPart), (1...65535).contains(port) else {
            throw ModbusConfigurationError(key: "endpoint", value: text, expected: "a port 1...65535 after ':'")
        }
        self.host = String(hostPart)
        self.port = port
    }

    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs (no Foundation needed).
    var trimmingSpaces: Substring {
        var sub = self[...]
        while let first = sub.first, first == " " || first == "\t" { sub = sub.dropFirst() }
        while let last = sub.last, last == " " || last == "\t" { sub = sub.dropLast() }
        return sub
    }
}
