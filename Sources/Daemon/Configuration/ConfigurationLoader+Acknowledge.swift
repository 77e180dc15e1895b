import ModbusKit

/// A device's `acknowledge` table: `counter` (the result counter, a register source of the
/// device) and `address` (the holding register the counter's low 16 bits are written to).
extension ConfigurationLoader {
    /// Reads `acknowledge` of a device into `device`; false when it is invalid.
    static func parseAcknowledge(_ table: TableReader, into device: inout DeviceSettings) -> Bool {
        guard table.has("acknowledge") else { return true }
        guard let acknowledge = table.subtable("acknowledge", required: false) else { return false }
        defer { acknowledge.finish() }
        var counter: RegisterSource?
        if let counterTable = acknowledge.subtable("counter") {
            defer { counterTable.finish() }
            counter = parseSource(
                counterTable, deviceKey: false, devices: [:], declared: [], defaultDevice: device, allowString: false)
            if let type = counter?.type, !Self.counterTypes.contains(type) {
                counterTable.report("type", expected: "an unsigned integer type for a result counter: \"uint16\", \"uint32\" or \"uint64\"")
                counter = nil
            }
        }
        if acknowledge.has("register") {
            _ = acknowledge.choice("register", ["holding"]) { $0 == "holding" ? $0 : nil }
        }
        let expected = "a holding register address from 0 to 65535 (after the device's address_base) to write the counter's low 16 bits to"
        let address = acknowledge.int("address", in: 0...65536, expected: expected)
        var target: UInt16?
        if let address {
            let first = address - device.addressBase
            if (0...65535).contains(first) { target = UInt16(first) } else { acknowledge.report("address", expected: expected) }
        }
        guard let counter, let target else { return false }
        device.acknowledge = AcknowledgeSettings(counter: counter, address: target)
        device.options.writeTargets.append(WriteTarget(unit: device.unit, kind: .holdingRegister, address: target))
        return true
    }

    /// Unsigned: the counter counts up and wraps; a signed one would go negative at its wrap.
    private static let counterTypes: Set<ValueType> = [.uint16, .uint32, .uint64]
}
