import CSQLite
import Glibc
public import LineModel

extension StoreWriter {
    /// Whether `record` is already in the database, found by the fields its idempotency key is
    /// made of (a lookup on indexed columns). A replay writes only what this says is missing,
    /// so that a record spilled and then committed, or spilled twice, is stored once.
    ///
    /// For a signal that puts its lot on hold, this answers for the signal row; the hold is
    /// idempotent on its own (one open hold per lot and cause).
    public func isCommitted(_ record: SpillRecord) throws -> Bool {
        switch record {
        case .defect(let defect, _):
            let info = try characteristic(defect.characteristic)
            return try connection.scalar("""
                SELECT id FROM defect WHERE detected_at = ? AND mono = ? AND characteristic_id = ? AND code = ? LIMIT 1
                """, defect.time.wall, Int64(bitPattern: defect.time.monotonicNanos), info.rowID, defect.code) != nil
        case .signal(let signal, _):
            return try committedSignalID(signal) != nil
        case .limits(let limits):
            let info = try characteristic(limits.characteristic)
            return try connection.scalar("""
                SELECT id FROM control_limit
                WHERE characteristic_id = ? AND statistic = ? AND computed_at = ? AND approved_at IS ? LIMIT 1
                """, info.rowID, limits.statistic, limits.computedAt, limits.approvedAt) != nil
        case .lotStarted(let lot, _, _, _):
            return try connection.scalar("SELECT id FROM lot WHERE code = ?", lot.rawValue) != nil
        case .lotEnded(let lot, _):
            return try connection.scalar("SELECT id FROM lot WHERE code = ? AND ended_at IS NOT NULL", lot.rawValue) != nil
        case .dataQuality(let event):
            // Events of one read share its time and device (per-stream quality bits): the
            // characteristic and the detail tell them apart.
            return try connection.scalar("""
                SELECT id FROM data_quality_event
                WHERE time = ? AND mono = ? AND device = ? AND kind = ? AND characteristic IS ? AND detail = ? LIMIT 1
                """, event.time.wall, Int64(bitPattern: event.time.monotonicNanos), event.device, event.kind.rawValue,
                event.characteristic?.rawValue, event.detail) != nil
        }
    }

    /// The id of the committed signal that is `signal` (same characteristic, statistic, rule
    /// and time), if there is one.
    public func committedSignalID(_ signal: RuleSignal) throws -> Int64? {
        let info = try characteristic(signal.characteristic)
        return try connection.scalar("""
            SELECT id FROM signal
            WHERE time = ? AND mono = ? AND characteristic_id = ? AND statistic = ? AND rule_set = ? AND rule = ? LIMIT 1
            """, signal.time.wall, Int64(bitPattern: signal.time.monotonicNanos), info.rowID, signal.statistic,
            signal.ruleSet, signal.rule)
    }

    /// Whether `error` (from this writer's last failed call) means the disk or the quota is
    /// full: `SQLITE_FULL`, or an I/O error whose system errno is ENOSPC or EDQUOT.
    public func isDiskFull(_ error: any Error) -> Bool {
        guard let error = error as? StoreError, error.kind == .sqlite else { return false }
        switch error.code & 0xFF {
        case SQLITE_FULL:
            return true
        case SQLITE_IOERR:
            guard let handle = connection.handle else { return false }
            let code = sqlite3_system_errno(handle)
            return code == ENOSPC || code == EDQUOT
        default:
            return false
        }
    }
}
