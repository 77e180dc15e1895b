import Foundation
import Synchronization

/// Watches a subject's database from the outside, as an operator's screen would: every
/// `pollInterval` it reads the signal rows committed since the last look and notes when it first
/// saw each (characteristic, unit counter). Probe latency = first seen - register written.
final class SignalWatcher: Sendable {
    struct Key: Hashable, Sendable {
        var characteristic: String
        var sequence: Int64
    }

    private struct State {
        var running = true
        var seen: [Key: Double] = [:]
    }

    let path: String
    let pollInterval: Double
    private let state = Mutex(State())
    private let done = DispatchSemaphore(value: 0)

    init(path: String, pollInterval: Double = 0.002) {
        self.path = path
        self.pollInterval = pollInterval
        let thread = Thread { [self] in
            watch()
            done.signal()
        }
        thread.qualityOfService = .userInteractive
        thread.start()
    }

    /// What has been seen so far.
    var seen: [Key: Double] { state.withLock { $0.seen } }

    /// Stops watching; returns when each (characteristic, sequence) signal row was first seen.
    func stop() -> [Key: Double] {
        state.withLock { $0.running = false }
        done.wait()
        return state.withLock { $0.seen }
    }

    private func watch() {
        var reader: SQLiteReader?
        var names: [Int64: String] = [:]
        var lastID: Int64 = 0
        while state.withLock({ $0.running }) {
            Monotonic.sleep(until: Monotonic.now() + pollInterval)
            if reader == nil { reader = SQLiteReader(path: path) }
            guard let reader,
                let rows = reader.rows("SELECT id, characteristic_id, sequence FROM signal WHERE id > ?1 ORDER BY id", parameter: lastID)
            else { continue }
            let now = Monotonic.now()
            guard !rows.isEmpty else { continue }
            var found: [Key: Double] = [:]
            for row in rows {
                lastID = row[0].integer
                let id = row[1].integer
                if names[id] == nil, let all = reader.rows("SELECT id, name FROM characteristic") {
                    for entry in all { names[entry[0].integer] = entry[1].text }
                }
                let key = Key(characteristic: names[id] ?? "?", sequence: row[2].integer)
                if found[key] == nil { found[key] = now }
            }
            state.withLock { state in
                for (key, time) in found where state.seen[key] == nil { state.seen[key] = time }
            }
        }
    }
}
