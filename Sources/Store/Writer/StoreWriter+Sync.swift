public import LineModel

extension StoreWriter {
    /// Synchronises the line's stations, devices, characteristics and defect codes from
    /// configuration, in one durable transaction. What the configuration no longer names is
    /// kept but marked inactive (records point at it). Spec limits are versioned: when they
    /// change, the current version ends at `time` and a new one starts (audited).
    public func sync(line: LineDescription, at time: Double) throws {
        do {
            try write(.full) { try synchronise(line, at: time) }
            characteristics = try Self.loadCharacteristics(connection)
        } catch {
            characteristics = (try? Self.loadCharacteristics(connection)) ?? characteristics
            throw error
        }
    }

    private func synchronise(_ line: LineDescription, at time: Double) throws {
        try connection.statement("""
            INSERT INTO line (name, synced_at) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET synced_at = excluded.synced_at
            """).run(line.name, time)
        guard let lineID = try connection.scalar("SELECT id FROM line WHERE name = ?", line.name) else {
            throw StoreError.store(.notFound, "line '\(line.name)' vanished during sync")
        }
        try connection.statement("UPDATE station SET active = 0 WHERE line_id = ?").run(lineID)
        try connection.statement("""
            UPDATE device SET active = 0 WHERE station_id IN (SELECT id FROM station WHERE line_id = ?)
            """).run(lineID)
        try connection.statement("""
            UPDATE characteristic SET active = 0 WHERE station_id IN (SELECT id FROM station WHERE line_id = ?)
            """).run(lineID)
        for station in line.stations {
            try connection.statement("""
                INSERT INTO station (line_id, name, lot_kind, active) VALUES (?, ?, ?, 1)
                ON CONFLICT (name) DO UPDATE SET line_id = excluded.line_id, lot_kind = excluded.lot_kind, active = 1
                """).run(lineID, station.name, station.lotKind.rawValue)
            guard let stationID = try connection.scalar("SELECT id FROM station WHERE name = ?", station.name) else { continue }
            for device in station.devices {
                try connection.statement("""
                    INSERT INTO device (station_id, name, endpoint, unit, active) VALUES (?, ?, ?, ?, 1)
                    ON CONFLICT (name) DO UPDATE SET station_id = excluded.station_id, endpoint = excluded.endpoint,
                        unit = excluded.unit, active = 1
                    """).run(stationID, device.name, device.endpoint, Int(device.unit))
            }
            for characteristic in station.characteristics {
                try synchronise(characteristic, stationID: stationID, at: time)
            }
        }
    }

    private func synchronise(_ characteristic: CharacteristicDescription, stationID: Int64, at time: Double) throws {
        for code in [characteristic.defectCodeLow, characteristic.defectCodeHigh] {
            try connection.statement("""
                INSERT INTO defect_code (code, station, severity, description, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET severity = excluded.severity
                """).run(code, characteristic.station, characteristic.severity.rawValue,
                         "\(characteristic.id) \(code == characteristic.defectCodeLow ? "below LSL" : "above USL")", time)
        }
        let deviceID = try connection.scalar("SELECT id FROM device WHERE name = ?", characteristic.device)
        try connection.statement("""
            INSERT INTO characteristic (name, station_id, device_id, equipment, unit, defect_code_low, defect_code_high,
                severity, chart, active)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (name) DO UPDATE SET station_id = excluded.station_id, device_id = excluded.device_id,
                equipment = excluded.equipment, unit = excluded.unit, defect_code_low = excluded.defect_code_low,
                defect_code_high = excluded.defect_code_high, severity = excluded.severity, chart = excluded.chart, active = 1
            """).run(characteristic.id.rawValue, stationID, deviceID, characteristic.equipment, characteristic.unit,
                     characteristic.defectCodeLow, characteristic.defectCodeHigh, characteristic.severity.rawValue,
                     characteristic.chart)
        guard let rowID = try connection.scalar("SELECT id FROM characteristic WHERE name = ?", characteristic.id.rawValue)
        else { return }
        let current = try connection.statement("""
            SELECT id, lsl, usl, target FROM spec_limit WHERE characteristic_id = ? AND valid_to IS NULL ORDER BY id DESC LIMIT 1
            """).row(rowID) { row in
            (id: row.int64(0), limits: SpecLimits(lsl: row.optionalDouble(1), usl: row.optionalDouble(2), target: row.optionalDouble(3)))
        }
        if let current, current.limits == characteristic.spec { return }
        if let current {
            try connection.statement("UPDATE spec_limit SET valid_to = ? WHERE id = ?").run(time, current.id)
        }
        let spec = characteristic.spec
        try connection.statement("""
            INSERT INTO spec_limit (characteristic_id, lsl, usl, target, valid_from) VALUES (?, ?, ?, ?, ?)
            """).run(rowID, spec.lsl, spec.usl, spec.target, time)
        try audit(entity: "spec_limit", entityID: connection.lastInsertRowID, lot: nil, action: "version",
                  from: current.map { Self.describe($0.limits) }, to: Self.describe(spec),
                  detail: "\(characteristic.id)", actor: "configuration", at: time)
    }

    static func describe(_ spec: SpecLimits) -> String {
        "LSL \(spec.lsl.map { "\($0)" } ?? "-"), target \(spec.target.map { "\($0)" } ?? "-"), USL \(spec.usl.map { "\($0)" } ?? "-")"
    }
}
