import Logging
import LineModel

extension StoreWriter {
    /// Places a hold for `cause` on `lot` unless one is open for that cause. With `strict`, a
    /// lot in a final state is an error (`LotTransitionError`); otherwise it is skipped.
    func placeHold(
        on lot: LotRow, trigger: HoldTrigger, cause: String, reason: String, window: MetreWindow?,
        source: Int64?, strict: Bool, actor: String, at time: Double
    ) throws -> HoldPlacement {
        if let existing = try connection.scalar(
            "SELECT id FROM hold WHERE lot_id = ? AND cause = ? AND released_at IS NULL", lot.rowID, cause)
        {
            return .alreadyHeld(existing)
        }
        if lot.status.isFinal && !strict { return .notHoldable }
        try transition(lot, .hold, actor: actor, note: reason, at: time)
        return .placed(try insertHold(on: lot, trigger: trigger, cause: cause, reason: reason, window: window,
                                      source: source, actor: actor, at: time))
    }

    /// Writes the hold record itself (the lot's status is the caller's business) and audits it.
    func insertHold(
        on lot: LotRow, trigger: HoldTrigger, cause: String, reason: String, window: MetreWindow?,
        source: Int64?, actor: String, at time: Double
    ) throws -> Int64 {
        try connection.statement("""
            INSERT INTO hold (lot_id, trigger, cause, reason, scope, from_m, to_m, source_hold_id, placed_by, placed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run(lot.rowID, trigger.rawValue, cause, reason, window == nil ? "lot" : "window",
                     window?.from, window?.to, source, actor, time)
        let id = connection.lastInsertRowID
        try audit(entity: "hold", entityID: id, lot: lot.rowID, action: "place", to: "open",
                  detail: "\(trigger.rawValue): \(reason)", actor: actor, at: time)
        logger.notice("hold placed", metadata: [
            "lot.id": "\(lot.code)", "hold.id": "\(id)", "hold.trigger": "\(trigger.rawValue)", "hold.cause": "\(cause)",
        ])
        return id
    }

    /// The open holds of a lot.
    func openHolds(of lot: Int64) throws(StoreError) -> [OpenHold] {
        try connection.statement(
            "SELECT id, trigger, cause, from_m, to_m FROM hold WHERE lot_id = ? AND released_at IS NULL ORDER BY id"
        ).rows(lot) { row in
            let window: MetreWindow? = switch (row.optionalDouble(3), row.optionalDouble(4)) {
            case let (from?, to?): MetreWindow(from: from, to: to)
            default: nil
            }
            return OpenHold(id: row.int64(0), trigger: HoldTrigger(rawValue: row.string(1)) ?? .manual,
                            cause: row.string(2), window: window)
        }
    }

    /// Carries `hold` (open on `lot`) forward to every descendant: for web material only to
    /// children whose consumed metre window overlaps the suspect window (widened once by the
    /// configured margin), mapped into each child's own metres. Each descendant gets at most one
    /// open hold per cause: `upstream:<origin lot>/<origin cause>`. With `onlyTo`, only that
    /// child of `lot` (and its descendants) is considered. Returns the new hold ids.
    func propagate(_ hold: OpenHold, from lot: LotRow, onlyTo: Int64?, actor: String, at time: Double) throws -> [Int64] {
        let isOrigin = hold.trigger != .upstreamHold
        let cause = isOrigin ? "upstream:\(lot.code)/\(hold.cause)" : hold.cause
        let start = isOrigin ? hold.window?.widened(by: configuration.propagationMarginMetres) : hold.window
        var queue: [(rowID: Int64, code: LotID, window: MetreWindow?)] = [(lot.rowID, lot.code, start)]
        var wholeLotsDone: Set<Int64> = []
        var placed: [Int64] = []
        let children = try connection.statement("""
            SELECT g.child_id, l.code, l.status, g.from_m, g.to_m FROM genealogy g JOIN lot l ON l.id = g.child_id
            WHERE g.parent_id = ? ORDER BY g.child_id
            """)
        var head = 0
        while head < queue.count {
            let (parentID, parentCode, window) = queue[head]
            head += 1
            let edges = try children.rows(parentID) { row in
                (row: LotRow(rowID: row.int64(0), code: LotID(row.string(1)),
                             status: LotStatus(rawValue: row.string(2)) ?? .onHold),
                 consumed: row.optionalDouble(3).flatMap { from in row.optionalDouble(4).map { MetreWindow(from: from, to: $0) } })
            }
            for edge in edges {
                if head == 1, let onlyTo, edge.row.rowID != onlyTo { continue }
                var childWindow: MetreWindow?
                if let window, let consumed = edge.consumed {
                    guard let carried = window.carried(into: consumed) else { continue }
                    childWindow = carried
                }
                if wholeLotsDone.contains(edge.row.rowID) { continue }
                if childWindow == nil { wholeLotsDone.insert(edge.row.rowID) }
                let reason = "made from \(parentCode)" + (childWindow.map { " (metres \($0.from)...\($0.to))" } ?? "")
                    + ", held for \(hold.cause)"
                let placement = try placeHold(on: edge.row, trigger: .upstreamHold, cause: cause, reason: reason,
                                              window: childWindow, source: hold.id, strict: false, actor: actor, at: time)
                switch placement {
                case .placed(let id): placed.append(id)
                case .notHoldable: continue
                case .alreadyHeld: break
                }
                queue.append((edge.row.rowID, edge.row.code, childWindow))
            }
        }
        return placed
    }
}
