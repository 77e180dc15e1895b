/// One cell of a read command's output, typed so that each format can write it properly:
/// JSON numbers stay numbers, missing values are `null` in JSON and empty in CSV.
public enum FaceValue: Sendable, Hashable {
    case text(String)
    case number(Double)
    case integer(Int64)
    case bool(Bool)
    /// Seconds since the epoch, written as UTC ISO 8601.
    case time(Double)
    case null

    /// Wraps an optional: nil becomes `.null`.
    static func text(_ value: String?) -> FaceValue { value.map(FaceValue.text) ?? .null }
    static func number(_ value: Double?) -> FaceValue { value.map(FaceValue.number) ?? .null }
    static func integer(_ value: Int64?) -> FaceValue { value.map(FaceValue.integer) ?? .null }
    static func time(_ value: Double?) -> FaceValue { value.map(FaceValue.time) ?? .null }

    /// The cell as people read it (`-` for null).
    var display: String {
        switch self {
        case .text(let text): text
        case .number(let value): Self.trimmed(NumberFormat.significant(value, 6))
        case .integer(let value): String(value)
        case .bool(let value): value ? "yes" : "no"
        case .time(let value): TimeText.iso(value)
        case .null: "-"
        }
    }

    /// The cell in a CSV file (empty for null; full precision for numbers).
    var csv: String {
        switch self {
        case .text(let text): text
        case .number(let value): value.isFinite ? "\(value)" : ""
        case .integer(let value): String(value)
        case .bool(let value): value ? "true" : "false"
        case .time(let value): TimeText.iso(value)
        case .null: ""
        }
    }

    /// The cell as a JSON value.
    var json: JSONText {
        switch self {
        case .text(let text): .string(text)
        case .number(let value): .number(value)
        case .integer(let value): .integer(value)
        case .bool(let value): .bool(value)
        case .time(let value): .string(TimeText.iso(value))
        case .null: .null
        }
    }

    /// `76.8000` as `76.8`: trailing zeros of a fraction say nothing to a reader.
    static func trimmed(_ text: String) -> String {
        guard text.contains("."), !text.contains("e") else { return text }
        var text = text
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
