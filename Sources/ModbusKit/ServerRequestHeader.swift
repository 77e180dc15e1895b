/// The parts of a Modbus TCP request (MBAP header + PDU) a server needs to match faults and to
/// report writes.
struct ServerRequestHeader {
    var unit: UInt8
    var function: UInt8
    var kind: RegisterKind?
    /// The addresses read or written, when the function has them.
    var addresses: ClosedRange<Int>?

    init(_ request: [UInt8]) {
        unit = request[6]
        function = request[7]
        let address = request.count >= 10 ? Int(request[8]) << 8 | Int(request[9]) : 0
        let field = request.count >= 12 ? Int(request[10]) << 8 | Int(request[11]) : 0
        switch function {
        case 1: kind = .coil
        case 2: kind = .discreteInput
        case 3, 6, 16, 23: kind = .holdingRegister
        case 4: kind = .inputRegister
        case 5, 15: kind = .coil
        default: kind = nil
        }
        switch function {
        case 1, 2, 3, 4, 15, 16, 23:
            addresses = field > 0 ? address...(address + field - 1) : nil
        case 5, 6:
            addresses = address...address
        default:
            addresses = nil
        }
    }

    /// For write functions that the map accepted (inside the tables), what was written.
    func writtenRange(sizes bank: RegisterBank) -> (kind: RegisterKind, address: UInt16, count: Int)? {
        guard [5, 6, 15, 16].contains(function), let kind, let addresses else { return nil }
        let size = kind == .coil ? bank.coils.count : bank.holdingRegisters.count
        guard addresses.upperBound < size, addresses.lowerBound <= 65535 else { return nil }
        return (kind, UInt16(addresses.lowerBound), addresses.count)
    }
}
