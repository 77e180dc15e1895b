public import LineModel
import Foundation

/// A read-only connection to the record (`SQLITE_OPEN_READONLY`): for the status CLI and the
/// daemon's queries. It reads while the writer writes (WAL) and when the daemon is stopped.
///
/// `@unchecked Sendable`, proof: the only mutable state is `connection` (a non-`Sendable`
/// class), and it is touched only while `lock` is held (in `read` and `close`; `deinit` runs when no other reference exists),
/// so no two threads ever use it at once; `path` is an immutable `String`.
public final class StoreReader: @unchecked Sendable {
    public let path: String
    private let connection: Connection
    private let lock = NSLock()

    /// Opens `path` read-only. The file must exist and carry the schema this build knows.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 5_000) throws {
        self.path = path
        let connection = try Connection(path: path, readOnly: true, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        do {
            let version = try Migrator.version(of: connection)
            if version > Migration.latestVersion {
                throw StoreError.store(.schemaTooNew, """
                    '\(path)' has schema version \(version), written by a newer LineGuard; this build reads version \
                    \(Migration.latestVersion)
                    """)
            }
            if version < Migration.latestVersion {
                throw StoreError.store(.notFound, """
                    '\(path)' has schema version \(version), this build reads version \(Migration.latestVersion): \
                    start the daemon once to migrate it
                    """)
            }
        } catch {
            connection.close()
            throw error
        }
        self.connection = connection
    }

    deinit {
        connection.close()
    }

    /// Closes the connection; later queries fail with `StoreError.Kind.closed`.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        connection.close()
    }

    /// Runs `body` with the connection, under the lock, in one read snapshot.
    func read<T>(_ body: (Connection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try connection.snapshot { try body(connection) }
    }

    /// The current (not superseded) control limits of `id` for `statistic`.
    public func currentLimits(_ id: CharacteristicID, statistic: String) throws -> ControlLimits? {
        try read { connection in
            try connection.statement("""
                SELECT center, sigma, lcl, ucl, estimator, phase1_count, excluded, computed_at, approved_by, approved_at,
                    lag1_autocorrelation
                FROM control_limit WHERE characteristic_id = (SELECT id FROM characteristic WHERE name = ?)
                    AND statistic = ? AND superseded_at IS NULL ORDER BY id DESC LIMIT 1
                """).row(id.rawValue, statistic) { row in
                ControlLimits(characteristic: id, statistic: statistic, center: row.double(0), sigma: row.double(1),
                              lcl: row.optionalDouble(2), ucl: row.optionalDouble(3), estimator: row.string(4),
                              phase1Count: row.int(5), excluded: row.string(6).split(separator: ",").compactMap { Int($0) },
                              computedAt: row.double(7), approvedBy: row.optionalString(8), approvedAt: row.optionalDouble(9),
                              autocorrelation: row.optionalDouble(10))
            }
        }
    }

    /// The spec limits of `id` valid at `time` (the current version when `time` is nil).
    public func specLimits(_ id: CharacteristicID, at time: Double? = nil) throws -> SpecLimits? {
        try read { connection in
            try connection.statement("""
                SELECT lsl, usl, target FROM spec_limit WHERE characteristic_id = (SELECT id FROM characteristic WHERE name = ?1)
                    AND (?2 IS NULL AND valid_to IS NULL OR valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?2))
                ORDER BY id DESC LIMIT 1
                """).row(id.rawValue, time) { row in
                SpecLimits(lsl: row.optionalDouble(0), usl: row.optionalDouble(1), target: row.optionalDouble(2))
            }
        }
    }

    /// The streaming-SPC state saved for `characteristic`, if any.
    public func monitorState(characteristic: CharacteristicID) throws -> [UInt8]? {
        try read { connection in
            try connection.statement("""
                SELECT state FROM monitor_state WHERE characteristic_id = (SELECT id FROM characteristic WHERE name = ?)
                """).row(characteristic.rawValue) { $0.optionalBlob(0) } ?? nil
        }
    }

    /// Raw samples of `characteristic` with `from <= time <= to`, oldest first.
    public func samples(characteristic: CharacteristicID, from: Double, to: Double, limit: Int = 100_000) throws -> [Sample] {
        try read { connection in
            try connection.statement("""
                SELECT s.time, s.mono, s.value, s.quality, l.code, s.sequence FROM sample s LEFT JOIN lot l ON l.id = s.lot_id
                WHERE s.characteristic_id = (SELECT id FROM characteristic WHERE name = ?) AND s.time >= ? AND s.time <= ?
                ORDER BY s.time, s.id LIMIT ?
                """).rows(characteristic.rawValue, from, to, limit) { row in
                Sample(characteristic: characteristic, value: row.double(2),
                       quality: Quality(code: row.string(3)) ?? .commError,
                       time: SampleTime(wall: row.double(0), monotonicNanos: UInt64(bitPattern: row.int64(1))),
                       lot: row.optionalString(4).map(LotID.init(rawValue:)),
                       sequence: row.optionalInt64(5).map { UInt64(bitPattern: $0) })
            }
        }
    }

    /// The latest `count` raw samples of `characteristic` (any quality), oldest first: what a
    /// restarted daemon replays to restore its run-rule state and unit counters.
    public func latestSamples(characteristic: CharacteristicID, count: Int) throws -> [Sample] {
        try read { connection in
            try connection.statement("""
                SELECT s.time, s.mono, s.value, s.quality, l.code, s.sequence FROM sample s LEFT JOIN lot l ON l.id = s.lot_id
                WHERE s.characteristic_id = (SELECT id FROM characteristic WHERE name = ?)
                ORDER BY s.time DESC, s.id DESC LIMIT ?
                """).rows(characteristic.rawValue, count) { row in
                Sample(characteristic: characteristic, value: row.double(2),
                       quality: Quality(code: row.string(3)) ?? .commError,
                       time: SampleTime(wall: row.double(0), monotonicNanos: UInt64(bitPattern: row.int64(1))),
                       lot: row.optionalString(4).map(LotID.init(rawValue:)),
                       sequence: row.optionalInt64(5).map { UInt64(bitPattern: $0) })
            }.reversed()
        }
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a sound file, otherwise the problems found.
    public func integrityCheck() throws -> [String] {
        try read { connection in
            try connection.statement("PRAGMA integrity_check").rows { $0.string(0) }
        }
    }
}
