import CModbus

/// A `ModbusServer` could not be set up or started.
public struct ModbusServerError: Error, Sendable, Hashable, CustomStringConvertible {
    public var operation: String
    public var host: String
    public var port: Int
    public var errno: Int32
    public var message: String

    public init(operation: String, host: String, port: Int, errno: Int32, message: String) {
        self.operation = operation
        self.host = host
        self.port = port
        self.errno = errno
        self.message = message
    }

    /// The error for a failed C call, from the errno it left: the one place the server side turns
    /// errno into a Swift error.
    static func lastError(_ operation: String, host: String, port: Int) -> ModbusServerError {
        let code = lg_errno()
        return ModbusServerError(
            operation: operation, host: host, port: port, errno: code, message: String(cString: modbus_strerror(code)))
    }

    public var description: String { "modbus server \(operation) on \(host):\(port) failed: \(message)" }
}
