/// A decoded value: engineering number, text, or bit.
public enum PointValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case text(String)
    case bool(Bool)

    /// The value as a number (bits as 0/1); nil for text.
    public var doubleValue: Double? {
        switch self {
        case .number(let value): value
        case .bool(let value): value ? 1 : 0
        case .text: nil
        }
    }

    public var description: String {
        switch self {
        case .number(let value): "\(value)"
        case .text(let value): "\"\(value)\""
        case .bool(let value): "\(value)"
        }
    }
}
