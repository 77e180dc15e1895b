public import LineModel

extension StoreWriter {
    /// Records a control-chart signal durably (`synchronous=FULL`) and returns its id.
    /// `points` are the times of the points the rule covered, if the caller has them.
    @discardableResult
    public func record(signal: RuleSignal, points: [Double] = []) throws -> Int64 {
        let info = try characteristic(signal.characteristic)
        let time = signal.time.wall
        return try write(.full) {
            let lotID = try signal.lot.map { code in
                try ensureLot(code, kind: info.lotKind, station: info.station, at: time,
                              actor: configuration.systemActor, how: "first seen in a signal")
            }
            try connection.statement("""
                INSERT INTO signal (characteristic_id, chart, statistic, rule_set, rule, value, lcl, ucl, time, mono,
                    lot_id, sequence, points)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run(info.rowID, info.chart, signal.statistic, signal.ruleSet, signal.rule, signal.value,
                         signal.lcl, signal.ucl, time, Int64(bitPattern: signal.time.monotonicNanos), lotID,
                         signal.sequence.map { Int64(bitPattern: $0) }, points.map { "\($0)" }.joined(separator: ","))
            return connection.lastInsertRowID
        }
    }

    /// Acknowledges a signal: the assignable cause found and the corrective action taken, audited.
    public func acknowledge(
        signal id: Int64, assignableCause: String, correctiveAction: String?, actor: String, at time: Double
    ) throws {
        try write(.full) {
            let lot = try connection.statement("SELECT lot_id FROM signal WHERE id = ?").row(id) { $0.optionalInt64(0) }
            guard let lot else { throw StoreError.store(.notFound, "unknown signal \(id)") }
            try connection.statement("""
                UPDATE signal SET acknowledged_at = ?, acknowledged_by = ?, assignable_cause = ?, corrective_action = ?
                WHERE id = ?
                """).run(time, actor, assignableCause, correctiveAction, id)
            try audit(entity: "signal", entityID: id, lot: lot, action: "acknowledge", from: "open", to: "acknowledged",
                      detail: "cause: \(assignableCause)" + (correctiveAction.map { "; action: \($0)" } ?? ""),
                      actor: actor, at: time)
        }
    }
}
