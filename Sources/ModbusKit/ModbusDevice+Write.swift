import Logging
extension ModbusDevice {
    /// Writes one coil (FC5) and reads it back. Only configured `writeTargets` may be written.
    public func writeCoil(unit: UInt8, address: UInt16, value: Bool) throws(ModbusError) {
        try writeCoils(unit: unit, address: address, values: [value])
    }

    /// Writes coils (FC5 for one, FC15 for several) and reads them back.
    public func writeCoils(unit: UInt8, address: UInt16, values: [Bool]) throws(ModbusError) {
        try permit(unit: unit, kind: .coil, address: address, count: values.count, cap: ModbusLimits.maxWriteBits)
        try ensureConnected()
        try perform { () throws(ModbusError) in
            try connection.writeBits(unit: unit, address: address, values: values)
        }
        let readBack = try perform { () throws(ModbusError) -> [Bool] in
            try connection.readBits(unit: unit, kind: .coil, address: address, count: values.count) { bits in
                bits.map { $0 != 0 }
            }
        }
        try confirm(readBack == values, unit: unit, operation: "write coil", address: address, count: values.count,
            message: "wrote \(values), read back \(readBack)")
    }

    /// Writes one holding register (FC6) and reads it back.
    public func writeRegister(unit: UInt8, address: UInt16, value: UInt16) throws(ModbusError) {
        try writeRegisters(unit: unit, address: address, values: [value])
    }

    /// Writes holding registers (FC6 for one, FC16 for several) and reads them back. Only
    /// configured `writeTargets` may be written.
    public func writeRegisters(unit: UInt8, address: UInt16, values: [UInt16]) throws(ModbusError) {
        try permit(
            unit: unit, kind: .holdingRegister, address: address, count: values.count,
            cap: ModbusLimits.maxWriteRegisters)
        try ensureConnected()
        try perform { () throws(ModbusError) in
            try connection.writeRegisters(unit: unit, address: address, values: values)
        }
        let readBack = try perform { () throws(ModbusError) -> [UInt16] in
            try connection.readRegisters(unit: unit, kind: .holdingRegister, address: address, count: values.count) {
                Array($0)
            }
        }
        try confirm(readBack == values, unit: unit, operation: "write holding", address: address, count: values.count,
            message: "wrote \(values), read back \(readBack)")
    }

    private func permit(unit: UInt8, kind: RegisterKind, address: UInt16, count: Int, cap: Int) throws(ModbusError) {
        let operation = kind == .coil ? "write coil" : "write holding"
        guard (1...cap).contains(count), Int(address) + count - 1 <= 65535 else {
            throw ModbusError(
                kind: .notPermitted, endpoint: endpoint.description, unit: unit, operation: operation,
                address: address, count: count, message: "a write must cover 1...\(cap) values within 0...65535")
        }
        guard options.writeTargets.contains(where: { $0.covers(unit: unit, kind: kind, address: address, count: count) })
        else {
            let error = ModbusError(
                kind: .notPermitted, endpoint: endpoint.description, unit: unit, operation: operation,
                address: address, count: count, message: "not a configured write target")
            record(error)
            logger.error("refused a write outside the configured targets", metadata: ["error": "\(error)"])
            throw error
        }
    }

    private func confirm(
        _ matches: Bool, unit: UInt8, operation: String, address: UInt16, count: Int, message: String
    ) throws(ModbusError) {
        guard !matches else { return }
        let error = ModbusError(
            kind: .readBackMismatch, endpoint: endpoint.description, unit: unit, operation: operation,
            address: address, count: count, message: message)
        record(error)
        throw error
    }
}
