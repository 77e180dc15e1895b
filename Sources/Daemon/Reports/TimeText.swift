import Foundation

/// Times for people: UTC, ISO 8601, to the millisecond.
enum TimeText {
    static func iso(_ seconds: Double?) -> String {
        guard let seconds else { return "-" }
        let date = Date(timeIntervalSince1970: seconds)
        return date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true)) + "Z"
    }
}
