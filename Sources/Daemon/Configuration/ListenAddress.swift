import ModbusKit

/// Addresses LineGuard listens on (metrics, dashboard, the simulator): `host:port` or
/// `[v6-address]:port`, with port 0 meaning any free port.
enum ListenAddress {
    static func parse(_ text: String) -> ModbusEndpoint? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host.isEmpty ? nil : ModbusEndpoint(host: host, port: port)
    }
}
