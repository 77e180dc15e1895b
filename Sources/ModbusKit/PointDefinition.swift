/// One configured value on a device: where it lives, how it is encoded and what makes it
/// plausible.
public struct PointDefinition: Sendable, Hashable {
    /// Unique within a device (usually the characteristic id).
    public var name: String
    /// The Modbus unit id behind the endpoint.
    public var unit: UInt8
    public var kind: RegisterKind
    /// The 0-based protocol address of the first register or bit.
    public var address: UInt16
    public var type: ValueType
    /// Word and byte order of multi-register numbers (ignored for 16-bit values and strings).
    public var order: ByteOrder
    /// Engineering value = raw * scale + offset.
    public var scale: Double
    public var offset: Double
    /// The physically possible engineering range; a value outside it decodes as
    /// `.decodeError(.outOfPhysicalRange)`.
    public var physicalRange: ClosedRange<Double>?
    /// Byte placement of string characters within a register.
    public var stringBytes: StringByteOrder
    /// Marks the value `.frozen` when the raw registers repeat unchanged for this many polls in
    /// a row (nil: never).
    public var frozenAfter: Int?

    public init(
        name: String, unit: UInt8, kind: RegisterKind, address: UInt16, type: ValueType,
        order: ByteOrder = .abcd, scale: Double = 1, offset: Double = 0,
        physicalRange: ClosedRange<Double>? = nil, stringBytes: StringByteOrder = .highFirst,
        frozenAfter: Int? = nil
    ) {
        self.name = name
        self.unit = unit
        self.kind = kind
        self.address = address
        self.type = type
        self.order = order
        self.scale = scale
        self.offset = offset
        self.physicalRange = physicalRange
        self.stringBytes = stringBytes
        self.frozenAfter = frozenAfter
    }

    /// The registers (or bits) this value spans.
    public var span: Int { kind.isBit ? 1 : type.registersNeeded }

    /// The last address the value occupies (as Int, so that overflow is visible).
    public var lastAddress: Int { Int(address) + span - 1 }

    /// Checks the definition as a whole; the error names the point and the field.
    public func validate() throws(ModbusConfigurationError) {
        let key = "points.\(name)"
        if name.isEmpty {
            throw ModbusConfigurationError(key: "points", value: "", expected: "a non-empty point name")
        }
        if kind.isBit, type != .bool {
            throw ModbusConfigurationError(
                key: "\(key).type", value: type.name, expected: "bool on a \(kind.rawValue) table")
        }
        if case .string(let registers) = type, !(1...ModbusLimits.maxReadRegisters).contains(registers) {
            throw ModbusConfigurationError(
                key: "\(key).registers", value: String(registers), expected: "1...125 registers")
        }
        if case .bit(let bit) = type, !(0...15).contains(bit) {
            throw ModbusConfigurationError(key: "\(key).bit", value: String(bit), expected: "a bit 0...15")
        }
        if lastAddress > 65535 {
            throw ModbusConfigurationError(
                key: "\(key).address", value: String(address),
                expected: "a value that ends at or before protocol address 65535")
        }
        if !scale.isFinite || scale == 0 {
            throw ModbusConfigurationError(key: "\(key).scale", value: "\(scale)", expected: "a finite, non-zero number")
        }
        if !offset.isFinite {
            throw ModbusConfigurationError(key: "\(key).offset", value: "\(offset)", expected: "a finite number")
        }
        if let frozenAfter, frozenAfter < 2 {
            throw ModbusConfigurationError(
                key: "\(key).frozen_after", value: String(frozenAfter), expected: "at least 2 polls")
        }
    }

    /// Converts an address as written in a configuration (with an explicit base: 0 for protocol
    /// addresses, 1 for the 1-based "register number" of many manuals) to the protocol address.
    public static func protocolAddress(
        _ configured: Int, base: Int, key: String = "address"
    ) throws(ModbusConfigurationError) -> UInt16 {
        guard base == 0 || base == 1 else {
            throw ModbusConfigurationError(key: "\(key).base", value: String(base), expected: "0 or 1")
        }
        let address = configured - base
        guard (0...65535).contains(address) else {
            throw ModbusConfigurationError(
                key: key, value: String(configured), expected: "\(base)...\(65535 + base) with base \(base)")
        }
        return UInt16(address)
    }
}

