import LineModel
import ModbusKit

/// Follows one device's heartbeat register: the controller changes it while it is alive. When
/// good reads show the same value for `timeoutNanos` (monotonic time of the reads), the
/// heartbeat is lost; the next change restores it. Failed reads change nothing: a device that
/// cannot be read is a communication problem, reported as such, not a lost heartbeat.
struct HeartbeatWatch: Sendable, Hashable {
    /// A change of the heartbeat's state.
    enum Change: Sendable, Hashable {
        /// Unchanged at `value` for `seconds`.
        case lost(value: String, seconds: Double)
        /// Moving again after `seconds` lost.
        case restored(seconds: Double)
    }

    let timeoutNanos: UInt64
    private(set) var isLost = false
    private var lastValue: PointValue?
    private var changedAt: UInt64 = 0
    private var lostAt: UInt64 = 0

    init(timeoutMilliseconds: Int) {
        timeoutNanos = UInt64(max(1, timeoutMilliseconds)) * 1_000_000
    }

    /// Looks at one read of the heartbeat; returns the state change it causes, if any.
    mutating func observe(_ reading: PointReading) -> Change? {
        guard reading.quality.isGood, let value = reading.value else { return nil }
        let now = reading.time.monotonicNanos
        guard let last = lastValue else {
            // First sight: the heartbeat gets its full timeout before it can be judged.
            lastValue = value
            changedAt = now
            return nil
        }
        if value != last {
            lastValue = value
            changedAt = now
            guard isLost else { return nil }
            isLost = false
            return .restored(seconds: Self.seconds(now &- lostAt))
        }
        guard !isLost, now >= changedAt, now - changedAt >= timeoutNanos else { return nil }
        isLost = true
        lostAt = now
        return .lost(value: value.description, seconds: Self.seconds(now - changedAt))
    }

    private static func seconds(_ nanos: UInt64) -> Double { Double(nanos) / 1e9 }
}
