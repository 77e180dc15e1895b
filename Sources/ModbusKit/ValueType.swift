/// The data type of a configured value and how many registers (or bits) it spans.
public enum ValueType: Sendable, Hashable {
    /// One coil or discrete input; on a register table, `value != 0`.
    case bool
    case int16
    case uint16
    case int32
    case uint32
    case int64
    case uint64
    case float32
    case float64
    /// ASCII text over a fixed number of registers (two characters per register).
    case string(registers: Int)
    /// One bit (0 = least significant) of a 16-bit register.
    case bit(Int)

    /// The registers this value spans (1 for bits of a bit table).
    public var registersNeeded: Int {
        switch self {
        case .bool, .int16, .uint16, .bit: 1
        case .int32, .uint32, .float32: 2
        case .int64, .uint64, .float64: 4
        case .string(let registers): registers
        }
    }

    /// True for the types that are numbers after decoding.
    public var isNumeric: Bool {
        switch self {
        case .bool, .bit, .string: false
        default: true
        }
    }

    /// The configuration spelling (`float32`, `string`, `bit`, ...).
    public var name: String {
        switch self {
        case .bool: "bool"
        case .int16: "int16"
        case .uint16: "uint16"
        case .int32: "int32"
        case .uint32: "uint32"
        case .int64: "int64"
        case .uint64: "uint64"
        case .float32: "float32"
        case .float64: "float64"
        case .string: "string"
        case .bit: "bit"
        }
    }
}
