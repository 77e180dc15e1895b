/// Number formatting for pictures, without Foundation: labels with a fixed count of significant
/// digits, coordinates with one decimal.
public enum ChartNumber {
    /// `value` with `digits` significant digits (trailing zeros of the fraction removed), plain
    /// decimal for 1e-4 <= |value| < 1e9, the shortest round-trip form otherwise.
    public static func label(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "+inf" : "-inf") }
        if value == 0 { return "0" }
        let magnitude = Swift.abs(value)
        guard magnitude >= 1e-4, magnitude < 1e9 else { return value.description }
        var exponent = 0
        var probe = magnitude
        while probe >= 10 { probe /= 10; exponent += 1 }
        while probe < 1 { probe *= 10; exponent -= 1 }
        let decimals = Swift.max(0, digits - 1 - exponent)
        var text = fixed(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// `value` with exactly `decimals` digits after the point (half away from zero).
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (Swift.abs(value) * scale).rounded()
        guard scaled < 9e15 else { return value.description }
        var digits = String(UInt64(scaled))
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (value < 0 && scaled != 0 ? "-" : "") + digits
    }

    /// An SVG coordinate: one decimal is finer than any screen needs.
    static func coordinate(_ value: Double) -> String {
        var text = fixed(value, decimals: 1)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text == "-0" ? "0" : text
    }
}
