/// A failed Modbus operation, with the context needed to act on it.
public struct ModbusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, which decides the recovery.
    public var kind: ModbusErrorKind
    /// The Modbus exception code when the device answered with one.
    public var exceptionCode: UInt8?
    /// errno (or libmodbus error number) as reported, 0 when not from the C library.
    public var errno: Int32
    public var endpoint: String
    public var unit: UInt8?
    /// What was attempted (`connect`, `read holding`, `write coil`, ...).
    public var operation: String
    public var address: UInt16?
    public var count: Int?
    /// The library's message or our own explanation.
    public var message: String

    public init(
        kind: ModbusErrorKind, exceptionCode: UInt8? = nil, errno: Int32 = 0, endpoint: String,
        unit: UInt8? = nil, operation: String, address: UInt16? = nil, count: Int? = nil, message: String
    ) {
        self.kind = kind
        self.exceptionCode = exceptionCode
        self.errno = errno
        self.endpoint = endpoint
        self.unit = unit
        self.operation = operation
        self.address = address
        self.count = count
        self.message = message
    }

    public var description: String {
        var text = "\(operation) on \(endpoint)"
        if let unit { text += " unit \(unit)" }
        if let address { text += " at \(address)" }
        if let count { text += "+\(count)" }
        text += " failed (\(kind.rawValue)"
        if let exceptionCode { text += " \(exceptionCode)" }
        return text + "): \(message)"
    }
}

/// The classes of failure, each with its own recovery (see the field notes' exception table).
public enum ModbusErrorKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// TCP connect failed or timed out.
    case connect
    /// No (complete) reply in time: the link is suspect; reconnect before the next request.
    case timeout
    /// Socket error (reset, broken pipe, closed by peer): reconnect.
    case socket
    /// A reply that does not belong to the request (transaction id, unit, length): resynchronise.
    case protocolError = "protocol"
    /// Exception 6: alive but busy; retried after a wait.
    case busy
    /// Exception 10/11: the gateway is up, the device behind it is not.
    case gateway
    /// Exception 2: a configuration error or a hole inside a merged range.
    case illegalAddress = "illegal_address"
    /// Any other Modbus exception (1, 3, 4, 5, 7, 8).
    case exception
    /// The write went through but reading it back gave something else.
    case readBackMismatch = "read_back_mismatch"
    /// The configuration does not name this write target, or the request exceeds a limit.
    case notPermitted = "not_permitted"
    /// The device is in reconnect backoff; nothing was sent.
    case backoff

    /// True for the failures after which the connection must be re-established.
    public var needsResync: Bool { self == .timeout || self == .socket || self == .protocolError }
}
