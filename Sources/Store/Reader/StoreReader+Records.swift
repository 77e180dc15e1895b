public import LineModel

extension StoreReader {
    /// Lots, optionally only those with `status`, newest first.
    public func lots(status: LotStatus? = nil, limit: Int = 10_000) throws -> [LotRecord] {
        try read { connection in
            try connection.statement("""
                SELECT \(LotRecord.columns) FROM lot l WHERE ?1 IS NULL OR l.status = ?1 ORDER BY l.id DESC LIMIT ?2
                """).rows(status?.rawValue, limit, map: LotRecord.init(row:))
        }
    }

    /// One lot by its plant id.
    public func lot(_ id: LotID) throws -> LotRecord? {
        try read { connection in
            try connection.statement("SELECT \(LotRecord.columns) FROM lot l WHERE l.code = ?")
                .row(id.rawValue, map: LotRecord.init(row:))
        }
    }

    /// Defects, newest first: of one lot, since a time, or only the open ones (neither closed
    /// nor disposed).
    public func defects(lot: LotID? = nil, since: Double? = nil, openOnly: Bool = false, limit: Int = 1_000) throws -> [DefectRecord] {
        try read { connection in
            try connection.statement(DefectRecord.select + """

                WHERE (?1 IS NULL OR l.code = ?1) AND (?2 IS NULL OR d.detected_at >= ?2)
                    AND (?3 = 0 OR (d.closed_at IS NULL AND d.disposition_id IS NULL))
                ORDER BY d.id DESC LIMIT ?4
                """).rows(lot?.rawValue, since, openOnly, limit, map: DefectRecord.init(row:))
        }
    }

    /// Signals, newest first: since a time, or only those not yet acknowledged.
    public func signals(since: Double? = nil, openOnly: Bool = false, limit: Int = 1_000) throws -> [SignalRecord] {
        try read { connection in
            try connection.statement(SignalRecord.select + """

                WHERE (?1 IS NULL OR s.time >= ?1) AND (?2 = 0 OR s.acknowledged_at IS NULL)
                ORDER BY s.id DESC LIMIT ?3
                """).rows(since, openOnly, limit, map: SignalRecord.init(row:))
        }
    }

    /// Holds, oldest first: of one lot, or only the open ones.
    public func holds(lot: LotID? = nil, openOnly: Bool = false) throws -> [HoldRecord] {
        try read { connection in
            try connection.statement(HoldRecord.select + """

                WHERE (?1 IS NULL OR l.code = ?1) AND (?2 = 0 OR h.released_at IS NULL) ORDER BY h.id
                """).rows(lot?.rawValue, openOnly, map: HoldRecord.init(row:))
        }
    }

    /// The dispositions of a lot, oldest first.
    public func dispositions(lot: LotID) throws -> [DispositionRecord] {
        try read { connection in
            try connection.statement(DispositionRecord.select + "\nWHERE l.code = ? ORDER BY d.id")
                .rows(lot.rawValue, map: DispositionRecord.init(row:))
        }
    }

    /// The audit log, oldest first, optionally of one lot.
    public func audit(lot: LotID? = nil, limit: Int = 10_000) throws -> [AuditRecord] {
        try read { connection in
            try connection.statement(AuditRecord.select + "\nWHERE ?1 IS NULL OR l.code = ?1 ORDER BY a.id LIMIT ?2")
                .rows(lot?.rawValue, limit, map: AuditRecord.init(row:))
        }
    }

    /// Data-quality events, newest first.
    public func dataQualityEvents(since: Double? = nil, limit: Int = 1_000) throws -> [DataQualityRecord] {
        try read { connection in
            try connection.statement(DataQualityRecord.select + "\nWHERE ?1 IS NULL OR time >= ?1 ORDER BY id DESC LIMIT ?2")
                .rows(since, limit, map: DataQualityRecord.init(row:))
        }
    }

    /// The lots made directly from `lot`.
    public func children(of lot: LotID) throws -> [GenealogyLink] {
        try links(where: "p.code = ?", lot)
    }

    /// The lots `lot` was made from directly.
    public func parents(of lot: LotID) throws -> [GenealogyLink] {
        try links(where: "c.code = ?", lot)
    }

    private func links(where condition: String, _ lot: LotID) throws -> [GenealogyLink] {
        try read { connection in
            try connection.statement("""
                SELECT p.code, c.code, g.from_m, g.to_m, g.quantity FROM genealogy g
                JOIN lot p ON p.id = g.parent_id JOIN lot c ON c.id = g.child_id WHERE \(condition) ORDER BY p.code, c.code
                """).rows(lot.rawValue) { row in
                GenealogyLink(parent: row.string(0), child: row.string(1), fromMetre: row.optionalDouble(2),
                              toMetre: row.optionalDouble(3), quantity: row.optionalDouble(4))
            }
        }
    }
}
