/// The register map of a `ModbusServer`, reachable only inside `ModbusServer.withRegisters`
/// (under the server's lock). Addresses are 0-based protocol addresses; reading or writing past a
/// table's size traps, like an array.
public struct RegisterBank {
    public var coils: BitTable
    public var discreteInputs: BitTable
    public var holdingRegisters: RegisterTable
    public var inputRegisters: RegisterTable

    /// The 16-bit value at `address` of a register table (0/1 for bit tables).
    public subscript(kind: RegisterKind, address: UInt16) -> UInt16 {
        get {
            switch kind {
            case .coil: coils[address] ? 1 : 0
            case .discreteInput: discreteInputs[address] ? 1 : 0
            case .holdingRegister: holdingRegisters[address]
            case .inputRegister: inputRegisters[address]
            }
        }
        set {
            switch kind {
            case .coil: coils[address] = newValue != 0
            case .discreteInput: discreteInputs[address] = newValue != 0
            case .holdingRegister: holdingRegisters[address] = newValue
            case .inputRegister: inputRegisters[address] = newValue
            }
        }
    }

    /// Consecutive values from `address` (bits as 0/1).
    public func values(_ kind: RegisterKind, at address: UInt16, count: Int) -> [UInt16] {
        (0..<count).map { self[kind, address &+ UInt16($0)] }
    }

    /// Stores consecutive values from `address` (bits: non-zero is on).
    public mutating func set(_ values: [UInt16], _ kind: RegisterKind, at address: UInt16) {
        for (offset, value) in values.enumerated() { self[kind, address &+ UInt16(offset)] = value }
    }

    /// Stores an engineering value where `point` lives, encoded as the point says (inverse
    /// scale and offset, type, order). Bits take `value != 0`.
    public mutating func set(engineering value: Double, for point: PointDefinition) {
        if point.kind.isBit {
            self[point.kind, point.address] = value != 0 ? 1 : 0
            return
        }
        if case .bit(let bit) = point.type {
            let mask = UInt16(1) << UInt16(bit)
            let old = self[point.kind, point.address]
            self[point.kind, point.address] = value != 0 ? old | mask : old & ~mask
            return
        }
        set(RegisterCodec.encode(engineering: value, for: point), point.kind, at: point.address)
    }

    /// Stores text where a string `point` lives.
    public mutating func set(text: String, for point: PointDefinition) {
        let registers = point.type.registersNeeded
        set(RegisterCodec.encode(string: text, registers: registers, bytes: point.stringBytes), point.kind, at: point.address)
    }
}

/// A table of 16-bit registers inside the server's map.
public struct RegisterTable {
    let storage: UnsafeMutableBufferPointer<UInt16>

    /// How many registers the table holds (addresses 0 ..< count).
    public var count: Int { storage.count }

    public subscript(address: UInt16) -> UInt16 {
        get { storage[Int(address)] }
        set { storage[Int(address)] = newValue }
    }
}

/// A table of bits (coils or discrete inputs) inside the server's map.
public struct BitTable {
    let storage: UnsafeMutableBufferPointer<UInt8>

    /// How many bits the table holds (addresses 0 ..< count).
    public var count: Int { storage.count }

    public subscript(address: UInt16) -> Bool {
        get { storage[Int(address)] != 0 }
        set { storage[Int(address)] = newValue ? 1 : 0 }
    }
}
