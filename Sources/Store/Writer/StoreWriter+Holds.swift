public import LineModel

extension StoreWriter {
    /// Puts lot `lot` on hold for `trigger` and `reason` (the cause is `<trigger>:<reason>`) and
    /// propagates the hold forward to its descendants, in one durable transaction. Returns the
    /// new hold's id, or nil when the lot already had an open hold for that cause. A scrapped or
    /// returned lot cannot be held (`LotTransitionError`).
    @discardableResult
    public func hold(lot: LotID, trigger: HoldTrigger, reason: String, actor: String, at time: Double) throws -> Int64? {
        let outcome = try hold(lot: lot, window: nil, trigger: trigger, reason: reason, actor: actor, at: time)
        return outcome.placed.first
    }

    /// Puts lot `lot` (or only its metres `window`, for web material) on hold and propagates
    /// forward: descendants whose consumed window overlaps `window` plus the configured margin.
    @discardableResult
    public func hold(
        lot: LotID, window: MetreWindow?, trigger: HoldTrigger, reason: String, actor: String, at time: Double
    ) throws -> HoldOutcome {
        try write(.full) {
            let row = try existingLot(lot)
            return try holdAndPropagate([row], trigger: trigger, cause: "\(trigger.rawValue):\(reason)",
                                        reason: reason, window: window, strict: true, actor: actor, at: time)
        }
    }

    /// Sibling hold: every lot that went through `equipment` from `since` (to `until`, when
    /// given): recorded by `recordUse`, or having samples of a characteristic on that
    /// equipment (while raw samples are retained). Lots in a final state are skipped.
    @discardableResult
    public func holdSiblings(
        equipment: String, since: Double, until: Double? = nil, reason: String, actor: String, at time: Double
    ) throws -> HoldOutcome {
        try write(.full) {
            let lots = try connection.statement("""
                SELECT id, code, status FROM lot WHERE id IN (
                    SELECT lot_id FROM equipment_use WHERE equipment = ?1 AND used_at >= ?2 AND used_at <= ?3
                    UNION
                    SELECT s.lot_id FROM sample s WHERE s.lot_id IS NOT NULL AND s.time >= ?2 AND s.time <= ?3
                        AND s.characteristic_id IN (SELECT id FROM characteristic WHERE equipment = ?1)
                ) ORDER BY id
                """).rows(equipment, since, until ?? Double.greatestFiniteMagnitude, map: Self.lotRow(from:))
            return try holdAndPropagate(lots, trigger: .sibling, cause: "sibling:\(equipment):\(reason)",
                                        reason: "shares \(equipment) since \(since): \(reason)", window: nil,
                                        strict: false, actor: actor, at: time)
        }
    }

    /// Time-window hold: every lot whose open interval (start to end, or still open) overlaps
    /// `from...to`, optionally only at `stations` and of `kinds`. Lots in a final state are skipped.
    @discardableResult
    public func holdOverlapping(
        from: Double, to: Double, stations: Set<String>? = nil, kinds: Set<LotKind>? = nil,
        reason: String, actor: String, at time: Double
    ) throws -> HoldOutcome {
        try write(.full) {
            let lots = try connection.statement("""
                SELECT id, code, status, station, kind FROM lot
                WHERE started_at <= ? AND (ended_at IS NULL OR ended_at >= ?) ORDER BY id
                """).rows(to, from) { row in
                (lot: Self.lotRow(from: row), station: row.optionalString(3), kind: LotKind(rawValue: row.string(4)))
            }.filter { candidate in
                (stations.map { set in candidate.station.map(set.contains) ?? false } ?? true)
                    && (kinds.map { set in candidate.kind.map(set.contains) ?? false } ?? true)
            }.map(\.lot)
            return try holdAndPropagate(lots, trigger: .timeWindow, cause: "time_window:\(reason)",
                                        reason: "open during \(from)...\(to): \(reason)", window: nil,
                                        strict: false, actor: actor, at: time)
        }
    }

    static func lotRow(from row: Statement) -> LotRow {
        LotRow(rowID: row.int64(0), code: LotID(row.string(1)), status: LotStatus(rawValue: row.string(2)) ?? .onHold)
    }

    /// Holds each lot for `cause` and carries each new hold forward to the descendants.
    func holdAndPropagate(
        _ lots: [LotRow], trigger: HoldTrigger, cause: String, reason: String, window: MetreWindow?,
        strict: Bool, actor: String, at time: Double
    ) throws -> HoldOutcome {
        var outcome = HoldOutcome()
        for lot in lots {
            let placement = try placeHold(on: lot, trigger: trigger, cause: cause, reason: reason, window: window,
                                          source: nil, strict: strict, actor: actor, at: time)
            guard case .placed(let id) = placement else { continue }
            outcome.placed.append(id)
            let hold = OpenHold(id: id, trigger: trigger, cause: cause, window: window)
            outcome.propagated += try propagate(hold, from: lot, onlyTo: nil, actor: actor, at: time)
        }
        return outcome
    }
}
