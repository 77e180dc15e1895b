import Logging
import LineModel

/// A lot's row id, code and status as read inside a write transaction.
struct LotRow {
    let rowID: Int64
    let code: LotID
    let status: LotStatus
}

extension StoreWriter {
    /// The lot named `code`, read fresh (its status may have changed in this transaction).
    func lotRow(_ code: LotID) throws(StoreError) -> LotRow? {
        try connection.statement("SELECT id, status FROM lot WHERE code = ?").row(code.rawValue) { row in
            LotRow(rowID: row.int64(0), code: code, status: LotStatus(rawValue: row.string(1)) ?? .onHold)
        }
    }

    /// The lot named `code`, or a `.notFound` error.
    func existingLot(_ code: LotID) throws(StoreError) -> LotRow {
        guard let row = try lotRow(code) else { throw StoreError.store(.notFound, "unknown lot '\(code)'") }
        return row
    }

    /// The row id of lot `code`, creating the lot (audited) when this is the first time it is
    /// seen. Must run inside a write transaction.
    func ensureLot(_ code: LotID, kind: LotKind, station: String?, at time: Double, actor: String, how: String) throws -> Int64 {
        if let cached = lotRowIDs[code] { return cached }
        let insert = try connection.statement("""
            INSERT INTO lot (code, kind, station, started_at, status, status_changed_at)
            VALUES (?, ?, ?, ?, 'released', ?) ON CONFLICT (code) DO NOTHING
            """)
        try insert.run(code.rawValue, kind.rawValue, station, time, time)
        let rowID: Int64
        if connection.changes > 0 {
            rowID = connection.lastInsertRowID
            try audit(entity: "lot", entityID: rowID, lot: rowID, action: "start", to: LotStatus.released.rawValue,
                      detail: "\(kind.rawValue) at \(station ?? "-"), \(how)", actor: actor, at: time)
        } else {
            rowID = try existingLot(code).rowID
        }
        lotRowIDs[code] = rowID
        return rowID
    }

    /// The one place a lot's status changes: the `LotStatus` state machine decides (an illegal
    /// event throws `LotTransitionError`), the row is updated and the change is audited.
    @discardableResult
    func transition(_ lot: LotRow, _ event: LotEvent, actor: String, note: String?, at time: Double) throws -> LotStatus {
        let current = try existingLot(lot.code).status
        let next = try current.applying(event)
        if next != current {
            try connection.statement("UPDATE lot SET status = ?, status_changed_at = ? WHERE id = ?")
                .run(next.rawValue, time, lot.rowID)
        }
        try audit(entity: "lot", entityID: lot.rowID, lot: lot.rowID, action: event.name,
                  from: current.rawValue, to: next.rawValue, detail: note, actor: actor, at: time)
        logger.info("lot status", metadata: [
            "lot.id": "\(lot.code)", "lot.event": "\(event.name)", "lot.from": "\(current.rawValue)",
            "lot.to": "\(next.rawValue)", "audit.actor": "\(actor)",
        ])
        return next
    }
}
