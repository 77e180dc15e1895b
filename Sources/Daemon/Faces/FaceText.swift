import Foundation

/// Terminal-safe text: lot ids and device names come from PLC registers, and an escape byte
/// in one must not reprogram the operator's terminal.
enum FaceText {
    /// `text` with control characters (C0, DEL, C1) shown as `?`.
    static func clean(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += "?"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
