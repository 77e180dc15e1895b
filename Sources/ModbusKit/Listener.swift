import CModbus

/// Opens a listening TCP socket through libmodbus and reports the port it got.
enum Listener {
    static func open(host: String, port: Int) throws(ModbusServerError) -> (fd: Int32, port: Int) {
        guard (0...65535).contains(port), let context = modbus_new_tcp_pi(host, String(port)) else {
            throw ModbusServerError(
                operation: "create context", host: host, port: port, errno: 0, message: "bad host or port")
        }
        // The context only resolves and binds; the socket it returns is ours and outlives it.
        defer { modbus_free(context) }
        let fd = modbus_tcp_pi_listen(context, 16)
        guard fd >= 0 else { throw ModbusServerError.lastError("listen", host: host, port: port) }
        let bound = lg_socket_port(fd)
        guard bound > 0 else {
            let error = ModbusServerError.lastError("getsockname", host: host, port: port)
            lg_close_fd(fd)
            throw error
        }
        return (fd, Int(bound))
    }
}
