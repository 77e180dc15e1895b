public import LineModel

extension StoreWriter {
    /// Records that lot `id` started at `station`. Idempotent: a lot that exists is left as is.
    public func startLot(_ id: LotID, kind: LotKind, station: String, at time: Double) throws {
        try write(.full) {
            _ = try ensureLot(id, kind: kind, station: station, at: time, actor: configuration.systemActor, how: "started")
        }
    }

    /// Records that lot `id` ended (its open interval closes). Ending an ended lot changes nothing.
    public func endLot(_ id: LotID, at time: Double) throws {
        try write(.full) {
            let lot = try existingLot(id)
            try connection.statement("UPDATE lot SET ended_at = ? WHERE id = ? AND ended_at IS NULL").run(time, lot.rowID)
            if connection.changes > 0 {
                try audit(entity: "lot", entityID: lot.rowID, lot: lot.rowID, action: "end",
                          actor: configuration.systemActor, at: time)
            }
        }
    }

    /// Records that `child` was made from `parent`, consuming the parent's metres
    /// `fromMetre...toMetre` and/or `quantity`. Both lots must exist; a link that would make a
    /// cycle is refused. Linking again updates the window. If the parent is on hold, its open
    /// holds reach the child (and its descendants) in the same transaction.
    @discardableResult
    public func link(
        parent: LotID, child: LotID, fromMetre: Double?, toMetre: Double?, quantity: Double?,
        at time: Double? = nil
    ) throws -> HoldOutcome {
        let time = time ?? configuration.clock()
        return try write(.full) {
            let parentRow = try existingLot(parent)
            let childRow = try existingLot(child)
            let cycle = try connection.scalar("""
                WITH RECURSIVE ancestor(id) AS (
                    SELECT ? UNION SELECT g.parent_id FROM genealogy g JOIN ancestor a ON g.child_id = a.id
                ) SELECT count(*) FROM ancestor WHERE id = ?
                """, parentRow.rowID, childRow.rowID) ?? 0
            guard cycle == 0 else {
                throw StoreError.store(.invalidArgument, "linking \(parent) -> \(child) would make a cycle in the genealogy")
            }
            try connection.statement("""
                INSERT INTO genealogy (parent_id, child_id, from_m, to_m, quantity, linked_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (parent_id, child_id) DO UPDATE SET from_m = excluded.from_m, to_m = excluded.to_m,
                    quantity = excluded.quantity
                """).run(parentRow.rowID, childRow.rowID, fromMetre, toMetre, quantity, time)
            let window = (fromMetre != nil || toMetre != nil) ? "\(fromMetre.map { "\($0)" } ?? "-")..\(toMetre.map { "\($0)" } ?? "-") m" : nil
            try audit(entity: "genealogy", entityID: childRow.rowID, lot: childRow.rowID, action: "link",
                      detail: "from \(parent)" + (window.map { ", \($0)" } ?? ""), actor: configuration.systemActor, at: time)
            var outcome = HoldOutcome()
            for hold in try openHolds(of: parentRow.rowID) {
                outcome.propagated += try propagate(hold, from: parentRow, onlyTo: childRow.rowID,
                                                    actor: configuration.systemActor, at: time)
            }
            return outcome
        }
    }

    /// Records that lot `lot` went through `equipment` (a nozzle, a knife set, a welder) at
    /// `time`: the basis of sibling holds. Idempotent.
    public func recordUse(lot: LotID, equipment: String, station: String?, at time: Double) throws {
        try write(.full) {
            let row = try existingLot(lot)
            try connection.statement("""
                INSERT INTO equipment_use (equipment, used_at, lot_id, station) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """).run(equipment, time, row.rowID, station)
        }
    }

    /// Applies `event` to lot `lot` through the state machine, audited with `actor`:
    /// - `.hold`: a manual hold (cause `manual:<note>`), propagated to descendants;
    /// - `.quarantine`: physically segregated;
    /// - `.dispose`: records the disposition (concession, grade), closes the lot's open holds
    ///   and links its open defects to the decision;
    /// - `.reinspect`: after rework; a failure opens a new hold.
    /// Illegal transitions throw `LotTransitionError` and change nothing.
    public func apply(_ event: LotEvent, to lot: LotID, actor: String, note: String?, at time: Double) throws {
        try write(.full) {
            let row = try existingLot(lot)
            switch event {
            case .hold:
                let reason = note ?? "manual hold"
                _ = try holdAndPropagate([row], trigger: .manual, cause: "manual:\(reason)", reason: reason,
                                         window: nil, strict: true, actor: actor, at: time)
            case .quarantine:
                try transition(row, event, actor: actor, note: note, at: time)
            case .dispose(let disposition):
                try transition(row, event, actor: actor, note: note, at: time)
                try recordDisposition(disposition, of: row, actor: actor, note: note, at: time)
            case .reinspect(let passed):
                try transition(row, event, actor: actor, note: note, at: time)
                if !passed {
                    _ = try insertHold(on: row, trigger: .specFailure, cause: "reinspect:\(time)",
                                       reason: note ?? "failed re-inspection after rework", window: nil,
                                       source: nil, actor: actor, at: time)
                }
            }
        }
    }

    private func recordDisposition(_ disposition: Disposition, of lot: LotRow, actor: String, note: String?, at time: Double) throws {
        var concession: String?
        var grade: String?
        switch disposition {
        case .useAsIs(let number): concession = number
        case .regrade(let newGrade): grade = newGrade
        case .release, .rework, .scrap, .returnToVendor: break
        }
        try connection.statement("""
            INSERT INTO disposition (lot_id, decision, concession, grade, decided_by, decided_at, note)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).run(lot.rowID, disposition.name, concession, grade, actor, time, note)
        let dispositionID = connection.lastInsertRowID
        if let grade {
            try connection.statement("UPDATE lot SET grade = ? WHERE id = ?").run(grade, lot.rowID)
        }
        try connection.statement("""
            UPDATE hold SET released_at = ?, released_by = ?, disposition_id = ? WHERE lot_id = ? AND released_at IS NULL
            """).run(time, actor, dispositionID, lot.rowID)
        let closedHolds = connection.changes
        try connection.statement("UPDATE defect SET disposition_id = ? WHERE lot_id = ? AND disposition_id IS NULL")
            .run(dispositionID, lot.rowID)
        try audit(entity: "disposition", entityID: dispositionID, lot: lot.rowID, action: disposition.name,
                  detail: "closed \(closedHolds) hold(s)" + (concession.map { ", concession \($0)" } ?? "")
                      + (grade.map { ", grade \($0)" } ?? ""),
                  actor: actor, at: time)
    }
}
