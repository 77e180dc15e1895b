import Foundation

extension StoreReader {
    /// The line at a glance, read in one snapshot.
    public func status(recentDefects: Int = 100) throws -> StatusReport {
        try read { connection in
            let devices = try connection.statement("""
                SELECT name, endpoint, state, last_poll, round_trip_s FROM device WHERE active = 1 ORDER BY name
                """).rows { row in
                DeviceStatus(name: row.string(0), endpoint: row.string(1), state: row.string(2),
                             lastPoll: row.optionalDouble(3), roundTripSeconds: row.optionalDouble(4))
            }
            let characteristics = try connection.statement("""
                SELECT c.name, s.name, c.unit, sl.lsl, sl.usl,
                    ls.value, ls.quality, ls.time,
                    cl.lcl, cl.center, cl.ucl,
                    (SELECT count(*) FROM signal g WHERE g.characteristic_id = c.id AND g.acknowledged_at IS NULL),
                    (SELECT count(*) FROM defect d WHERE d.characteristic_id = c.id AND d.closed_at IS NULL
                        AND d.disposition_id IS NULL)
                FROM characteristic c JOIN station s ON s.id = c.station_id
                LEFT JOIN spec_limit sl ON sl.id = (SELECT max(id) FROM spec_limit WHERE characteristic_id = c.id AND valid_to IS NULL)
                LEFT JOIN sample ls ON ls.id = (SELECT x.id FROM sample x WHERE x.characteristic_id = c.id
                    ORDER BY x.time DESC, x.id DESC LIMIT 1)
                LEFT JOIN control_limit cl ON cl.id = (SELECT max(id) FROM control_limit WHERE characteristic_id = c.id
                    AND superseded_at IS NULL AND statistic IN ('x', 'xbar', 'ewma'))
                WHERE c.active = 1 ORDER BY s.id, c.id
                """).rows { row in
                CharacteristicStatus(id: row.string(0), station: row.string(1), unit: row.string(2),
                                     lsl: row.optionalDouble(3), usl: row.optionalDouble(4), lastValue: row.optionalDouble(5),
                                     lastQuality: row.optionalString(6), lastTime: row.optionalDouble(7),
                                     lcl: row.optionalDouble(8), center: row.optionalDouble(9), ucl: row.optionalDouble(10),
                                     openSignals: row.int(11), defects: row.int(12))
            }
            let openSignals = try connection.statement(SignalRecord.select + """

                WHERE s.acknowledged_at IS NULL ORDER BY s.id DESC LIMIT ?
                """).rows(recentDefects, map: SignalRecord.init(row:))
            let defects = try connection.statement(DefectRecord.select + """

                WHERE d.closed_at IS NULL AND d.disposition_id IS NULL ORDER BY d.id DESC LIMIT ?
                """).rows(recentDefects, map: DefectRecord.init(row:))
            let held = try connection.statement("""
                SELECT \(LotRecord.columns) FROM lot l WHERE l.status IN ('on_hold', 'quarantined', 'rework') ORDER BY l.id
                """).rows(map: LotRecord.init(row:))
            let open = try connection.statement("""
                SELECT \(LotRecord.columns) FROM lot l WHERE l.ended_at IS NULL ORDER BY l.id
                """).rows(map: LotRecord.init(row:))
            return StatusReport(devices: devices, characteristics: characteristics, openSignals: openSignals,
                                defects: defects, heldLots: held, openLots: open)
        }
    }

    /// File sizes and row counts of every table.
    public func statistics() throws -> StoreStatistics {
        let walBytes = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int64) ?? 0
        return try read { connection in
            let pageSize = try connection.scalar("PRAGMA page_size") ?? 0
            let pages = try connection.scalar("PRAGMA page_count") ?? 0
            let free = try connection.scalar("PRAGMA freelist_count") ?? 0
            let tables = try connection.statement("""
                SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """).rows { $0.string(0) }
            var rows: [String: Int64] = [:]
            for table in tables {
                rows[table] = try connection.scalar("SELECT count(*) FROM \"\(table)\"") ?? 0
            }
            return StoreStatistics(databaseBytes: pageSize * pages, freeBytes: pageSize * free, walBytes: walBytes, rows: rows)
        }
    }
}
