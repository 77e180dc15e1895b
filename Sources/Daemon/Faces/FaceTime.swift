import Foundation

/// Time arguments of the read commands (`--since`, `--until`): an ISO 8601 instant
/// (`2026-11-29T10:00:00Z`, a date `2026-11-29` meaning its midnight UTC), a duration back from
/// now (`90s`, `15m`, `2h`, `7d`), or seconds since the epoch.
public enum FaceTime {
    public static func parse(_ text: String, now: Double, option: String) throws(FaceError) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds.isFinite, seconds >= 0 { return seconds }
        if let last = trimmed.last, let unit = Self.units[last], let amount = Double(trimmed.dropLast()), amount >= 0,
            amount.isFinite
        {
            return now - amount * unit
        }
        let iso = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime], [.withFullDate],
        ] {
            iso.formatOptions = options
            if let date = iso.date(from: trimmed) { return date.timeIntervalSince1970 }
        }
        throw FaceError(
            .badArgument,
            "\(option) '\(text)' is not a time; expected e.g. 2026-11-29T10:00:00Z, 2026-11-29, 15m, 2h, 7d or epoch seconds")
    }

    private static let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]

    /// UTC ISO 8601 with milliseconds, `-` for nil (the same form as `lineguard status`).
    public static func text(_ seconds: Double?) -> String { TimeText.iso(seconds) }

    /// A compact UTC span for picture subtitles: `2026-11-29 12:15:56 to 12:16:06 UTC`, the date
    /// repeated only when it changes.
    public static func span(_ from: Double, _ to: Double) -> String {
        let start = TimeText.iso(from)
        let end = TimeText.iso(to)
        let startDay = start.prefix(10)
        let endDay = end.prefix(10)
        let startClock = start.dropFirst(11).prefix(8)
        let endClock = end.dropFirst(11).prefix(8)
        return startDay == endDay
            ? "\(startDay) \(startClock) to \(endClock) UTC"
            : "\(startDay) \(startClock) to \(endDay) \(endClock) UTC"
    }

    /// `12:16:00` of a UTC time (the clock only).
    static func clock(_ seconds: Double) -> String { String(TimeText.iso(seconds).dropFirst(11).prefix(8)) }
}
