import LineModel
public import Store

extension FaceStore {
    /// Control-chart signals matching `filter`, newest first.
    public func signals(_ filter: EventFilter) throws(FaceError) -> [SignalRecord] {
        let filter = try filter.validated()
        let stations = try stationsByCharacteristic()
        let fetch = filter.station == nil && filter.characteristic == nil && filter.lot == nil && filter.until == nil
            ? filter.limit : 1_000_000
        let all = try read { try reader.signals(since: filter.since, openOnly: filter.openOnly, limit: fetch) }
        return Array(all.lazy.filter {
            filter.admits(time: $0.time, characteristic: $0.characteristic, station: stations[$0.characteristic], lot: $0.lot)
        }.prefix(filter.limit))
    }

    /// Defects matching `filter`, newest first (open: neither closed nor disposed).
    public func defects(_ filter: EventFilter) throws(FaceError) -> [DefectRecord] {
        let filter = try filter.validated()
        let fetch = filter.station == nil && filter.characteristic == nil && filter.until == nil ? filter.limit : 1_000_000
        let all = try read {
            try reader.defects(lot: filter.lot.map { LotID($0) }, since: filter.since, openOnly: filter.openOnly, limit: fetch)
        }
        return Array(all.lazy.filter {
            filter.admits(time: $0.detectedAt, characteristic: $0.characteristic, station: $0.station, lot: $0.lot)
        }.prefix(filter.limit))
    }

    /// Characteristic id -> station name.
    func stationsByCharacteristic() throws(FaceError) -> [String: String] {
        Dictionary(try characteristics().map { ($0.id, $0.station) }, uniquingKeysWith: { first, _ in first })
    }

    /// The signals as a table (`lineguard signals`, `export signals`).
    public func signalTable(_ signals: [SignalRecord]) throws(FaceError) -> FaceTable {
        let stations = try stationsByCharacteristic()
        return FaceTable(
            columns: [
                "id", "time", "station", "characteristic", "statistic", "rule_set", "rule", "value", "lcl", "ucl", "lot",
                "sequence", "state", "acknowledged_at", "acknowledged_by", "assignable_cause", "corrective_action",
            ],
            rows: signals.map { s in
                [
                    .integer(s.id), .time(s.time), .text(stations[s.characteristic]), .text(s.characteristic),
                    .text(s.statistic), .text(s.ruleSet), .integer(Int64(s.rule)), .number(s.value), .number(s.lcl),
                    .number(s.ucl), .text(s.lot), .integer(s.sequence), .text(s.acknowledgedAt == nil ? "open" : "acknowledged"),
                    .time(s.acknowledgedAt), .text(s.acknowledgedBy), .text(s.assignableCause), .text(s.correctiveAction),
                ]
            })
    }

    /// The defects as a table (`lineguard defects`, `export defects`).
    public static func defectTable(_ defects: [DefectRecord]) -> FaceTable {
        FaceTable(
            columns: [
                "id", "detected_at", "station", "equipment", "characteristic", "code", "severity", "value", "lsl", "usl",
                "verdict", "lot", "unit_sequence", "detection", "signal_id", "hold_id", "disposition_id", "state",
                "root_cause", "corrective_action", "closed_by", "closed_at",
            ],
            rows: defects.map { d in
                [
                    .integer(d.id), .time(d.detectedAt), .text(d.station), .text(d.equipment), .text(d.characteristic),
                    .text(d.code), .text(d.severity.rawValue), .number(d.value), .number(d.lsl), .number(d.usl),
                    .text(d.verdict), .text(d.lot), .integer(d.unitSequence), .text(d.detection.rawValue),
                    .integer(d.signalID), .integer(d.holdID), .integer(d.dispositionID), .text(Self.state(of: d)),
                    .text(d.rootCause), .text(d.correctiveAction), .text(d.closedBy), .time(d.closedAt),
                ]
            })
    }

    static func state(of defect: DefectRecord) -> String {
        if defect.closedAt != nil { return "closed" }
        if defect.dispositionID != nil { return "disposed" }
        return "open"
    }
}
