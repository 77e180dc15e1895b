import LineModel

/// Lot ids arrive as register text from PLCs: untrusted. Only printable ASCII without
/// leading/trailing padding is accepted as an id.
enum LotIdentifierText {
    /// The id, or nil when the text is empty or holds anything but printable ASCII.
    static func validated(_ raw: String) -> LotID? {
        let trimmed = raw.trimmingPadding()
        guard !trimmed.isEmpty, trimmed.count <= 64,
            trimmed.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7E })
        else { return nil }
        return LotID(trimmed)
    }

    /// The text with control and non-ASCII characters escaped, safe for a log line.
    static func printable(_ raw: String) -> String {
        var out = "\""
        for scalar in raw.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value < 0x7F && scalar != "\"" && scalar != "\\" {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            }
        }
        return out + "\""
    }
}

extension String {
    /// Without the NULs and spaces PLCs pad strings with.
    fileprivate func trimmingPadding() -> String {
        var scalars = Substring.UnicodeScalarView(unicodeScalars)
        while let last = scalars.last, last == "\0" || last == " " { scalars.removeLast() }
        while let first = scalars.first, first == "\0" || first == " " { scalars.removeFirst() }
        return String(scalars)
    }
}
