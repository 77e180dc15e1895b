import Foundation

/// ANSI colours for status words, used only when standard output is a terminal.
public enum ANSIColour {
    static let red = "\u{1B}[1;31m"
    static let amber = "\u{1B}[1;33m"
    static let green = "\u{1B}[32m"
    static let reset = "\u{1B}[0m"

    /// `padded` painted by the meaning of `word` (a lot status, a device state, ...), or as is.
    static func paint(_ padded: String, word: String) -> String {
        switch word {
        case "on_hold", "quarantined", "scrapped", "returned_to_vendor", "down", "open", "critical": red + padded + reset
        case "rework", "regraded", "degraded", "major": amber + padded + reset
        case "released", "up", "acknowledged", "closed": green + padded + reset
        default: padded
        }
    }

    /// True when colour should be used: standard output is a terminal and `NO_COLOR` is unset.
    public static var enabled: Bool {
        isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// A heading, bold when `colour`.
    static func heading(_ text: String, colour: Bool) -> String {
        colour ? "\u{1B}[1m" + text + reset : text
    }
}
