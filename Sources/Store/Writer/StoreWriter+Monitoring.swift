public import LineModel

extension StoreWriter {
    /// Saves a new control-limit version for its characteristic and statistic; the previous
    /// current version is marked superseded. Audited with the approver. Returns the new id.
    @discardableResult
    public func save(limits: ControlLimits) throws -> Int64 {
        try save(limits: [limits])[0]
    }

    /// Saves several control-limit versions in one durable transaction (the end of Phase I of
    /// many characteristics at once costs one sync, not one per version). Returns the new ids.
    @discardableResult
    public func save(limits versions: [ControlLimits]) throws -> [Int64] {
        let infos = try versions.map { try characteristic($0.characteristic) }
        return try write(.full) {
            var ids: [Int64] = []
            for (limits, info) in zip(versions, infos) {
                let time = limits.approvedAt ?? limits.computedAt
                try connection.statement("""
                    UPDATE control_limit SET superseded_at = ? WHERE characteristic_id = ? AND statistic = ? AND superseded_at IS NULL
                    """).run(time, info.rowID, limits.statistic)
                try connection.statement("""
                    INSERT INTO control_limit (characteristic_id, statistic, center, sigma, lcl, ucl, estimator, phase1_count,
                        excluded, computed_at, approved_by, approved_at, lag1_autocorrelation)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).run(info.rowID, limits.statistic, limits.center, limits.sigma, limits.lcl, limits.ucl, limits.estimator,
                             limits.phase1Count, limits.excluded.map(String.init).joined(separator: ","), limits.computedAt,
                             limits.approvedBy, limits.approvedAt, limits.autocorrelation)
                let id = connection.lastInsertRowID
                try audit(entity: "control_limit", entityID: id, lot: nil, action: limits.approvedBy == nil ? "compute" : "approve",
                          to: "\(limits.characteristic) \(limits.statistic): \(limits.lcl.map { "\($0)" } ?? "-") / \(limits.center) / \(limits.ucl.map { "\($0)" } ?? "-")",
                          actor: limits.approvedBy ?? configuration.systemActor, at: time)
                ids.append(id)
            }
            return ids
        }
    }

    /// Records a data-quality event (never a process hold).
    public func record(event: DataQualityEvent) throws {
        try write(.normal) {
            try connection.statement("""
                INSERT INTO data_quality_event (kind, device, characteristic, detail, time, mono) VALUES (?, ?, ?, ?, ?, ?)
                """).run(event.kind.rawValue, event.device, event.characteristic?.rawValue, event.detail, event.time.wall,
                         Int64(bitPattern: event.time.monotonicNanos))
        }
    }

    /// Updates a device's last known state for the status report.
    public func updateDevice(name: String, state: String, lastPoll: Double, roundTripSeconds: Double?) throws {
        try write(.normal) {
            try connection.statement("UPDATE device SET state = ?, last_poll = ?, round_trip_s = ? WHERE name = ?")
                .run(state, lastPoll, roundTripSeconds, name)
            guard connection.changes > 0 else { throw StoreError.store(.notFound, "unknown device '\(name)'") }
        }
    }

    /// Saves the opaque streaming-SPC state of a characteristic, for a restart.
    public func saveMonitorState(characteristic id: CharacteristicID, blob: [UInt8]) throws {
        let info = try characteristic(id)
        let time = configuration.clock()
        try write(.normal) {
            try connection.statement("""
                INSERT INTO monitor_state (characteristic_id, state, saved_at) VALUES (?, ?, ?)
                ON CONFLICT (characteristic_id) DO UPDATE SET state = excluded.state, saved_at = excluded.saved_at
                """).run(info.rowID, blob, time)
        }
    }
}
