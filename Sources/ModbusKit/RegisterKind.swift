/// The four Modbus data tables.
public enum RegisterKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Read/write single bits (FC1 read, FC5/FC15 write).
    case coil
    /// Read-only single bits (FC2).
    case discreteInput = "discrete_input"
    /// Read/write 16-bit registers (FC3 read, FC6/FC16 write).
    case holdingRegister = "holding"
    /// Read-only 16-bit registers (FC4).
    case inputRegister = "input"

    /// True for coils and discrete inputs (bit tables).
    public var isBit: Bool { self == .coil || self == .discreteInput }

    /// True for the tables a client may write (coils and holding registers).
    public var isWritable: Bool { self == .coil || self == .holdingRegister }

    /// The Modbus function code that reads this table.
    public var readFunctionCode: UInt8 {
        switch self {
        case .coil: 1
        case .discreteInput: 2
        case .holdingRegister: 3
        case .inputRegister: 4
        }
    }
}
