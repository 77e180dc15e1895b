import LineModel

// How each record type is read from its row. The SELECT lists and the column indices below
// belong together; keep them side by side.

extension LotRecord {
    static let columns = "l.code, l.kind, l.station, l.started_at, l.ended_at, l.status, l.grade, l.status_changed_at"

    init(row: Statement) {
        self.init(id: row.string(0), kind: LotKind(rawValue: row.string(1)) ?? .materialLot, station: row.optionalString(2),
                  startedAt: row.double(3), endedAt: row.optionalDouble(4),
                  status: LotStatus(rawValue: row.string(5)) ?? .onHold, grade: row.optionalString(6),
                  statusChangedAt: row.optionalDouble(7))
    }
}

extension DefectRecord {
    static let select = """
        SELECT d.id, d.detected_at, d.station, d.equipment, d.detection, c.name, d.code, d.severity, d.value, d.lsl, d.usl,
            d.verdict, l.code, d.unit_sequence, d.signal_id, d.hold_id, d.disposition_id, d.root_cause,
            d.corrective_action, d.closed_by, d.closed_at
        FROM defect d JOIN characteristic c ON c.id = d.characteristic_id LEFT JOIN lot l ON l.id = d.lot_id
        """

    init(row: Statement) {
        self.init(id: row.int64(0), detectedAt: row.double(1), station: row.string(2), equipment: row.optionalString(3),
                  detection: DetectionKind(rawValue: row.string(4)) ?? .inline, characteristic: row.string(5),
                  code: row.string(6), severity: Severity(rawValue: row.string(7)) ?? .critical,
                  value: row.optionalDouble(8), lsl: row.optionalDouble(9), usl: row.optionalDouble(10),
                  verdict: row.string(11), lot: row.optionalString(12), unitSequence: row.optionalInt64(13),
                  signalID: row.optionalInt64(14), holdID: row.optionalInt64(15), dispositionID: row.optionalInt64(16),
                  rootCause: row.optionalString(17), correctiveAction: row.optionalString(18),
                  closedBy: row.optionalString(19), closedAt: row.optionalDouble(20))
    }
}

extension SignalRecord {
    static let select = """
        SELECT s.id, c.name, s.chart, s.statistic, s.rule_set, s.rule, s.value, s.lcl, s.ucl, s.time, l.code, s.sequence,
            s.points, s.acknowledged_at, s.acknowledged_by, s.assignable_cause, s.corrective_action
        FROM signal s JOIN characteristic c ON c.id = s.characteristic_id LEFT JOIN lot l ON l.id = s.lot_id
        """

    init(row: Statement) {
        self.init(id: row.int64(0), characteristic: row.string(1), chart: row.string(2), statistic: row.string(3),
                  ruleSet: row.string(4), rule: row.int(5), value: row.optionalDouble(6), lcl: row.optionalDouble(7),
                  ucl: row.optionalDouble(8), time: row.double(9), lot: row.optionalString(10),
                  sequence: row.optionalInt64(11),
                  points: row.string(12).split(separator: ",").compactMap { Double($0) },
                  acknowledgedAt: row.optionalDouble(13), acknowledgedBy: row.optionalString(14),
                  assignableCause: row.optionalString(15), correctiveAction: row.optionalString(16))
    }
}

extension HoldRecord {
    static let select = """
        SELECT h.id, l.code, h.trigger, h.cause, h.reason, h.from_m, h.to_m, h.source_hold_id, h.placed_by, h.placed_at,
            h.expected_release, h.released_at, h.released_by, h.disposition_id
        FROM hold h JOIN lot l ON l.id = h.lot_id
        """

    init(row: Statement) {
        let window: MetreWindow? = switch (row.optionalDouble(5), row.optionalDouble(6)) {
        case let (from?, to?): MetreWindow(from: from, to: to)
        default: nil
        }
        self.init(id: row.int64(0), lot: row.string(1), trigger: HoldTrigger(rawValue: row.string(2)) ?? .manual,
                  cause: row.string(3), reason: row.string(4), window: window, sourceHoldID: row.optionalInt64(7),
                  placedBy: row.string(8), placedAt: row.double(9), expectedRelease: row.optionalDouble(10),
                  releasedAt: row.optionalDouble(11), releasedBy: row.optionalString(12),
                  dispositionID: row.optionalInt64(13))
    }
}

extension DispositionRecord {
    static let select = """
        SELECT d.id, l.code, d.decision, d.concession, d.grade, d.decided_by, d.decided_at, d.note
        FROM disposition d JOIN lot l ON l.id = d.lot_id
        """

    init(row: Statement) {
        self.init(id: row.int64(0), lot: row.string(1), decision: row.string(2), concession: row.optionalString(3),
                  grade: row.optionalString(4), decidedBy: row.string(5), decidedAt: row.double(6),
                  note: row.optionalString(7))
    }
}

extension AuditRecord {
    static let select = """
        SELECT a.id, a.at, a.actor, a.entity, a.entity_id, l.code, a.action, a.from_state, a.to_state, a.detail
        FROM audit a LEFT JOIN lot l ON l.id = a.lot_id
        """

    init(row: Statement) {
        self.init(id: row.int64(0), at: row.double(1), actor: row.string(2), entity: row.string(3),
                  entityID: row.optionalInt64(4), lot: row.optionalString(5), action: row.string(6),
                  fromState: row.optionalString(7), toState: row.optionalString(8), detail: row.optionalString(9))
    }
}

extension DataQualityRecord {
    static let select = "SELECT id, kind, device, characteristic, detail, time FROM data_quality_event"

    init(row: Statement) {
        self.init(id: row.int64(0), kind: row.string(1), device: row.string(2), characteristic: row.optionalString(3),
                  detail: row.string(4), time: row.double(5))
    }
}
