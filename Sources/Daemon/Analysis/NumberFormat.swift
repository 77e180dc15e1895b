/// Fixed significant-digit formatting for the text reports (no Foundation `String(format:)`).
enum NumberFormat {
    /// `value` with `digits` significant digits, plain decimal for 1e-4 <= |value| < 1e9,
    /// otherwise the shortest round-trip form.
    static func significant(_ value: Double?, _ digits: Int = 6) -> String {
        guard let value else { return "-" }
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        if value == 0 { return "0" }
        let magnitude = Swift.abs(value)
        guard magnitude >= 1e-4, magnitude < 1e9 else { return value.description }
        var exponent = 0
        var probe = magnitude
        while probe >= 10 { probe /= 10; exponent += 1 }
        while probe < 1 { probe *= 10; exponent -= 1 }
        let decimals = Swift.max(0, digits - 1 - exponent)
        return fixed(value, decimals: decimals)
    }

    /// `value` with exactly `decimals` digits after the point.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (Swift.abs(value) * scale).rounded()
        guard scaled < 9e15 else { return value.description }
        let integer = UInt64(scaled)
        var digits = String(integer)
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (value < 0 && scaled != 0 ? "-" : "") + digits
    }

    /// Right-aligns `text` in `width` columns.
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// Left-aligns `text` in `width` columns.
    static func padRight(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
