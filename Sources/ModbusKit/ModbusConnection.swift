import CModbus

#if canImport(Glibc)
import Glibc
#endif

/// The one owner of a client `modbus_t *`. Not Sendable and never shared: a `ModbusDevice` holds
/// the only reference and calls it only on its own serial executor, so the context (which
/// libmodbus does not make thread-safe) is used by one thread at a time. The context is freed in
/// `deinit`, after which nothing can reach it.
final class ModbusConnection {
    let endpoint: ModbusEndpoint
    private var context: OpaquePointer?
    private(set) var isConnected = false
    /// Reused reply buffers (one request at a time), so reads do not allocate.
    private var registerBuffer = [UInt16](repeating: 0, count: ModbusLimits.maxReadRegisters)
    private var bitBuffer = [UInt8](repeating: 0, count: ModbusLimits.maxReadBits)

    init(endpoint: ModbusEndpoint) {
        self.endpoint = endpoint
    }

    deinit {
        if let context {
            if isConnected { modbus_close(context) }
            modbus_free(context)
        }
    }

    /// Opens the TCP connection (no-op when open). Never uses libmodbus's link recovery: the
    /// device owns reconnecting.
    func connect(options: DeviceOptions) throws(ModbusError) {
        if isConnected { return }
        if context == nil {
            guard let created = modbus_new_tcp_pi(endpoint.host, String(endpoint.port)) else {
                throw failure(.connect, operation: "create context")
            }
            modbus_set_error_recovery(created, MODBUS_ERROR_RECOVERY_NONE)
            context = created
        }
        guard let context else { return }
        // libmodbus uses the response timeout for the non-blocking connect.
        setTimeout(options.connectTimeout, on: context, response: true)
        guard modbus_connect(context) == 0 else {
            let error = failure(.connect, operation: "connect")
            modbus_close(context)
            throw error
        }
        setTimeout(options.responseTimeout, on: context, response: true)
        setTimeout(options.responseTimeout, on: context, response: false)
        isConnected = true
        if let keepalive = options.keepalive {
            let idle = Int32(max(1, keepalive.idle.components.seconds))
            let interval = Int32(max(1, keepalive.interval.components.seconds))
            let count = Int32(max(1, keepalive.count))
            let userTimeout = UInt32((Int64(idle) + Int64(interval) * Int64(count)) * 1000)
            if lg_set_keepalive(modbus_get_socket(context), idle, interval, count, userTimeout) != 0 {
                let error = failure(.socket, operation: "set keepalive")
                close()
                throw error
            }
        }
    }

    /// Closes the socket (keeps the context for the next connect). Any late reply is dropped
    /// with it, which is how the stream is resynchronised.
    func close() {
        if let context, isConnected {
            modbus_close(context)
        }
        isConnected = false
    }

    /// Reads `count` registers of a register table into the reused buffer and hands them to
    /// `body` (valid only during the call).
    func readRegisters<T>(
        unit: UInt8, kind: RegisterKind, address: UInt16, count: Int,
        _ body: (ArraySlice<UInt16>) -> T
    ) throws(ModbusError) -> T {
        let context = try connectedContext(unit: unit, operation: "read \(kind.rawValue)")
        let got = registerBuffer.withUnsafeMutableBufferPointer { buffer in
            kind == .holdingRegister
                ? modbus_read_registers(context, Int32(address), Int32(count), buffer.baseAddress)
                : modbus_read_input_registers(context, Int32(address), Int32(count), buffer.baseAddress)
        }
        guard got == Int32(count) else {
            throw failure(unit: unit, operation: "read \(kind.rawValue)", address: address, count: count)
        }
        return body(registerBuffer[0..<count])
    }

    /// Reads `count` coils or discrete inputs (one byte per bit, 0 or 1).
    func readBits<T>(
        unit: UInt8, kind: RegisterKind, address: UInt16, count: Int,
        _ body: (ArraySlice<UInt8>) -> T
    ) throws(ModbusError) -> T {
        let context = try connectedContext(unit: unit, operation: "read \(kind.rawValue)")
        let got = bitBuffer.withUnsafeMutableBufferPointer { buffer in
            kind == .coil
                ? modbus_read_bits(context, Int32(address), Int32(count), buffer.baseAddress)
                : modbus_read_input_bits(context, Int32(address), Int32(count), buffer.baseAddress)
        }
        guard got == Int32(count) else {
            throw failure(unit: unit, operation: "read \(kind.rawValue)", address: address, count: count)
        }
        return body(bitBuffer[0..<count])
    }

    /// FC5 for one coil, FC15 for several.
    func writeBits(unit: UInt8, address: UInt16, values: [Bool]) throws(ModbusError) {
        let context = try connectedContext(unit: unit, operation: "write coil")
        let result: Int32
        if values.count == 1 {
            result = modbus_write_bit(context, Int32(address), values[0] ? 1 : 0)
        } else {
            let bytes = values.map { UInt8($0 ? 1 : 0) }
            result = bytes.withUnsafeBufferPointer {
                modbus_write_bits(context, Int32(address), Int32(values.count), $0.baseAddress)
            }
        }
        guard result == Int32(values.count) else {
            throw failure(unit: unit, operation: "write coil", address: address, count: values.count)
        }
    }

    /// FC6 for one register, FC16 for several.
    func writeRegisters(unit: UInt8, address: UInt16, values: [UInt16]) throws(ModbusError) {
        let context = try connectedContext(unit: unit, operation: "write holding")
        let result: Int32
        if values.count == 1 {
            result = modbus_write_register(context, Int32(address), values[0])
        } else {
            result = values.withUnsafeBufferPointer {
                modbus_write_registers(context, Int32(address), Int32(values.count), $0.baseAddress)
            }
        }
        guard result == Int32(values.count) else {
            throw failure(unit: unit, operation: "write holding", address: address, count: values.count)
        }
    }

    /// The socket while connected.
    var socketDescriptor: Int32? {
        guard isConnected, let context else { return nil }
        return modbus_get_socket(context)
    }

    /// Drops whatever unread bytes sit in the socket.
    func flush() {
        if let context, isConnected { _ = modbus_flush(context) }
    }

    private func connectedContext(unit: UInt8, operation: String) throws(ModbusError) -> OpaquePointer {
        guard isConnected, let context else {
            throw ModbusError(
                kind: .socket, endpoint: endpoint.description, unit: unit, operation: operation,
                message: "not connected")
        }
        modbus_set_slave(context, Int32(unit))
        return context
    }

    private func setTimeout(_ duration: Duration, on context: OpaquePointer, response: Bool) {
        let (seconds, attoseconds) = duration.components
        let micros = UInt32(clamping: attoseconds / 1_000_000_000_000)
        let secs = UInt32(clamping: seconds)
        if response {
            modbus_set_response_timeout(context, secs, micros)
        } else {
            modbus_set_byte_timeout(context, secs, micros)
        }
    }

    /// errno (as libmodbus left it) becomes a `ModbusError` here and only here.
    private func failure(
        _ forced: ModbusErrorKind? = nil, unit: UInt8? = nil, operation: String,
        address: UInt16? = nil, count: Int? = nil
    ) -> ModbusError {
        let code = lg_errno()
        let (kind, exception) = Self.classify(errno: code)
        return ModbusError(
            kind: forced ?? kind, exceptionCode: forced == nil ? exception : nil, errno: code,
            endpoint: endpoint.description, unit: unit, operation: operation, address: address,
            count: count, message: String(cString: modbus_strerror(code)))
    }

    /// Maps an errno / libmodbus error number to a failure class and, for Modbus exceptions, the
    /// exception code as sent.
    static func classify(errno code: Int32) -> (ModbusErrorKind, UInt8?) {
        let base = lg_modbus_enobase()
        if code > base, code <= lg_embxgtar() {
            let exception = UInt8(code - base)
            switch code {
            case lg_embxsbusy(): return (.busy, exception)
            case lg_embxgpath(), lg_embxgtar(): return (.gateway, exception)
            case lg_embxiladd(): return (.illegalAddress, exception)
            default: return (.exception, exception)
            }
        }
        if code > base { return (.protocolError, nil) }
        if code == ETIMEDOUT { return (.timeout, nil) }
        return (.socket, nil)
    }
}
