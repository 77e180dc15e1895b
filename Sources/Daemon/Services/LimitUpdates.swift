import LineModel
import Synchronization

/// Approved control limits (of the charted statistic, `x`) on their way to the poller that owns
/// the characteristic's chart; pollers take them at the start of their next cycle.
final class LimitUpdates: Sendable {
    private let pending = Mutex<[CharacteristicID: ControlLimits]>([:])

    func post(_ limits: ControlLimits) { pending.withLock { $0[limits.characteristic] = limits } }

    /// Removes and returns the updates for the given characteristics.
    func take(for characteristics: Set<CharacteristicID>) -> [ControlLimits] {
        pending.withLock { pending in
            let mine = pending.filter { characteristics.contains($0.key) }
            for key in mine.keys { pending.removeValue(forKey: key) }
            return Array(mine.values)
        }
    }
}
