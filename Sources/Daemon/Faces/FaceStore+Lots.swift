public import LineModel
public import Store

extension FaceStore {
    /// Lots, newest first: of one status, of one station, and only those started or still
    /// open at or after `since`.
    public func lots(status: LotStatus? = nil, station: String? = nil, since: Double? = nil, limit: Int = 1_000)
        throws(FaceError) -> [LotRecord]
    {
        guard limit > 0 else { throw FaceError(.badArgument, "--limit must be at least 1, not \(limit)") }
        let all = try read { try reader.lots(status: status, limit: 1_000_000) }
        return Array(all.lazy.filter { lot in
            if let station, lot.station != station { return false }
            if let since, lot.startedAt < since, let ended = lot.endedAt, ended < since { return false }
            return true
        }.prefix(limit))
    }

    /// The lots as a table (`lineguard lots`).
    public static func lotTable(_ lots: [LotRecord]) -> FaceTable {
        FaceTable(
            columns: ["lot", "kind", "station", "status", "started_at", "ended_at", "grade", "status_changed_at"],
            rows: lots.map { lot in
                [
                    .text(lot.id), .text(lot.kind.rawValue), .text(lot.station), .text(lot.status.rawValue),
                    .time(lot.startedAt), .time(lot.endedAt), .text(lot.grade), .time(lot.statusChangedAt),
                ]
            })
    }

    /// The holds as a table (the dashboard's held-lots page, `lot show`).
    public static func holdTable(_ holds: [HoldRecord]) -> FaceTable {
        FaceTable(
            columns: [
                "id", "lot", "trigger", "cause", "reason", "from_m", "to_m", "source_hold_id", "placed_by", "placed_at",
                "released_at", "released_by", "disposition_id",
            ],
            rows: holds.map { h in
                [
                    .integer(h.id), .text(h.lot), .text(h.trigger.rawValue), .text(h.cause), .text(h.reason),
                    .number(h.window?.from), .number(h.window?.to), .integer(h.sourceHoldID), .text(h.placedBy),
                    .time(h.placedAt), .time(h.releasedAt), .text(h.releasedBy), .integer(h.dispositionID),
                ]
            })
    }

    /// The dispositions as a table.
    public static func dispositionTable(_ dispositions: [DispositionRecord]) -> FaceTable {
        FaceTable(
            columns: ["id", "lot", "decision", "concession", "grade", "decided_by", "decided_at", "note"],
            rows: dispositions.map { d in
                [
                    .integer(d.id), .text(d.lot), .text(d.decision), .text(d.concession), .text(d.grade),
                    .text(d.decidedBy), .time(d.decidedAt), .text(d.note),
                ]
            })
    }
}
