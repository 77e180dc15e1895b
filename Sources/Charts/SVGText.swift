/// Text and numbers as they may appear inside an SVG document.
///
/// Every piece of text that reaches a picture passes through `escape`: lot ids and device names
/// come from PLC registers and may hold anything, and one stray `<` or control byte would make
/// the whole document unreadable to an XML parser.
public enum SVGText {
    /// `text` safe for XML 1.0 character data and attribute values: `& < > " '` become entity
    /// references, characters XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE,
    /// U+FFFF) become U+FFFD, and tab, LF and CR become spaces so a label stays on one line.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out.unicodeScalars.append("\u{FFFD}")
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `text` shortened to at most `limit` characters, with an ellipsis when cut.
    public static func truncated(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "\u{2026}"
    }
}
