import Foundation

/// Writes ground-truth events as JSON lines (one object per line, keys sorted) to a file,
/// stamping each with its wall time: the run's wall start plus line time divided by speed.
final class TruthWriter {
    private let handle: FileHandle?
    private let wallStart: Date
    private let speed: Double
    private let encoder: JSONEncoder

    /// Creates (or truncates) the file at `path`; with nil, events are only stamped.
    init(path: String?, wallStart: Date, speed: Double) throws(SimulatorError) {
        self.wallStart = wallStart
        self.speed = speed
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let path else {
            handle = nil
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw SimulatorError(operation: "create ground-truth file", subject: path, message: "cannot create or write the file")
        }
        self.handle = handle
    }

    deinit {
        try? handle?.close()
    }

    /// The wall time at which line time `lineTime` is (or was) reached.
    func wallTime(lineTime: Double) -> Date { wallStart.addingTimeInterval(lineTime / speed) }

    /// `2026-11-29T12:07:26.218Z` for milliseconds since 1970 (UTC).
    static func iso8601(milliseconds: Int64) -> String {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let whole = Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(Date.ISO8601FormatStyle())
        let fraction = String(milliseconds - seconds * 1000)
        return String(whole.dropLast()) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }

    /// Stamps and writes `events`.
    func write(_ events: [TruthEvent]) throws(SimulatorError) {
        guard let handle, !events.isEmpty else { return }
        var data = Data()
        for var event in events {
            let milliseconds = Int64((wallTime(lineTime: event.lineTime).timeIntervalSince1970 * 1000).rounded())
            event.wallEpoch = Double(milliseconds) / 1000
            event.wallTime = Self.iso8601(milliseconds: milliseconds)
            event.lineTime = (event.lineTime * 1000).rounded() / 1000
            guard let line = try? encoder.encode(event) else { continue }
            data.append(line)
            data.append(0x0A)
        }
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw SimulatorError(operation: "write ground truth", subject: "\(events.count) events", message: "\(error)")
        }
    }
}
