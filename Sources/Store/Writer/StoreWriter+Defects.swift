public import LineModel

extension StoreWriter {
    /// Records a nonconformance in ONE durable (`synchronous=FULL`) transaction: the defect
    /// row (its code added to the taxonomy if new), the hold of its lot (trigger `spec_failure`,
    /// cause `spec_failure:<characteristic>`, one open hold per cause), the lot's status ->
    /// on_hold, forward propagation to the lot's descendants, and the audit entries. Samples
    /// waiting for a group commit are committed first (a failure there is logged and does not
    /// stop the defect). When this returns, the defect and its hold are on disk.
    public func record(defect: Defect, signalID: Int64?, detection: DetectionKind = .inline) throws -> DefectOutcome {
        flushBefore("defect")
        let time = defect.time.wall
        let actor = configuration.systemActor
        return try write(.full) {
            let info = try characteristic(defect.characteristic)
            try connection.statement("""
                INSERT INTO defect_code (code, station, severity, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                """).run(defect.code, defect.station, defect.severity.rawValue, time)
            let lotID = try defect.lot.map { code in
                try ensureLot(code, kind: info.lotKind, station: info.station, at: time, actor: actor, how: "first seen in a defect")
            }
            try connection.statement("""
                INSERT INTO defect (detected_at, mono, station, equipment, detection, characteristic_id, code, severity,
                    value, lsl, usl, verdict, lot_id, unit_sequence, signal_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run(time, Int64(bitPattern: defect.time.monotonicNanos), defect.station, defect.equipment,
                         detection.rawValue, info.rowID, defect.code, defect.severity.rawValue, defect.value,
                         defect.limits.lsl, defect.limits.usl, defect.verdict.rawValue, lotID,
                         defect.sequence.map { Int64(bitPattern: $0) }, signalID)
            let defectID = connection.lastInsertRowID
            try audit(entity: "defect", entityID: defectID, lot: lotID, action: "record", to: "open",
                      detail: "\(defect.code) \(defect.characteristic) = \(defect.value) (\(defect.verdict.rawValue) spec)",
                      actor: actor, at: time)
            var outcome = DefectOutcome(defectID: defectID, holdID: nil, holdIsNew: false, propagatedHoldIDs: [], lotStatus: nil)
            guard let code = defect.lot else { return outcome }
            let lot = try existingLot(code)
            let cause = "spec_failure:\(defect.characteristic)"
            let reason = "\(defect.code): \(defect.characteristic) = \(defect.value) "
                + "(LSL \(defect.limits.lsl.map { "\($0)" } ?? "-"), USL \(defect.limits.usl.map { "\($0)" } ?? "-"))"
            switch try placeHold(on: lot, trigger: .specFailure, cause: cause, reason: reason, window: nil,
                                 source: nil, strict: false, actor: actor, at: time) {
            case .placed(let holdID):
                outcome.holdID = holdID
                outcome.holdIsNew = true
                let hold = OpenHold(id: holdID, trigger: .specFailure, cause: cause, window: nil)
                outcome.propagatedHoldIDs = try propagate(hold, from: lot, onlyTo: nil, actor: actor, at: time)
            case .alreadyHeld(let holdID):
                outcome.holdID = holdID
            case .notHoldable:
                break
            }
            if let holdID = outcome.holdID {
                try connection.statement("UPDATE defect SET hold_id = ? WHERE id = ?").run(holdID, defectID)
            }
            outcome.lotStatus = try existingLot(code).status
            return outcome
        }
    }

    /// Closes a defect with its root cause and corrective action (8D / CAPA), audited.
    public func close(defect id: Int64, rootCause: String, correctiveAction: String, actor: String, at time: Double) throws {
        try write(.full) {
            let lot = try connection.statement("SELECT lot_id FROM defect WHERE id = ?").row(id) { $0.optionalInt64(0) }
            guard let lot else { throw StoreError.store(.notFound, "unknown defect \(id)") }
            try connection.statement("""
                UPDATE defect SET root_cause = ?, corrective_action = ?, closed_by = ?, closed_at = ? WHERE id = ?
                """).run(rootCause, correctiveAction, actor, time, id)
            try audit(entity: "defect", entityID: id, lot: lot, action: "close", from: "open", to: "closed",
                      detail: "root cause: \(rootCause); action: \(correctiveAction)", actor: actor, at: time)
        }
    }
}
