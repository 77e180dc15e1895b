import LineModel
import Store

/// The records a crash must never lose or duplicate, read through a read-only connection:
/// defects, signals, holds, dispositions, and the number of control-limit versions.
///
/// Each record is reduced to its identity: the fields fixed when it was written (later
/// changes, such as a hold's release or a signal's acknowledgement, are not part of it).
struct CommittedRecords: Sendable {
    var defects: [Int64: String] = [:]
    var signals: [Int64: String] = [:]
    var holds: [Int64: String] = [:]
    var dispositions: [Int64: String] = [:]
    /// Natural keys that must be unique: one defect per unit, one signal per point and rule,
    /// one hold per lot, cause and moment, one disposition per lot, decision and moment.
    var naturalKeys: [String: Int] = [:]
    /// Open holds per lot and cause (the store's idempotency key: at most one).
    var openHolds: [String: Int] = [:]
    /// Control-limit versions ever saved (each is audited once).
    var limitVersions = 0
    var lots = 0

    init(path: String) throws {
        let reader = try StoreReader(path: path)
        defer { reader.close() }
        let everything = 100_000_000
        for defect in try reader.defects(limit: everything) {
            defects[defect.id] =
                "defect \(defect.characteristic) unit \(defect.unitSequence.map { "\($0)" } ?? "-") \(defect.code) "
                + "value \(defect.value.map { "\($0)" } ?? "-") lot \(defect.lot ?? "-") at \(defect.detectedAt)"
            if let unit = defect.unitSequence { count("defect \(defect.characteristic)#\(unit)") }
        }
        for signal in try reader.signals(limit: everything) {
            signals[signal.id] =
                "signal \(signal.characteristic) \(signal.statistic) \(signal.ruleSet)\(signal.rule) "
                + "unit \(signal.sequence.map { "\($0)" } ?? "-") value \(signal.value.map { "\($0)" } ?? "-") at \(signal.time)"
            count("signal \(signal.characteristic)#\(signal.statistic)#\(signal.rule)#\(signal.sequence.map { "\($0)" } ?? "t\(signal.time)")")
        }
        for hold in try reader.holds() {
            holds[hold.id] =
                "hold \(hold.lot) \(hold.trigger.rawValue) cause \(hold.cause) reason \(hold.reason) by \(hold.placedBy) "
                + "at \(hold.placedAt) from \(hold.sourceHoldID.map { "\($0)" } ?? "-")"
            count("hold \(hold.lot)#\(hold.cause)#\(hold.placedAt)")
            if hold.releasedAt == nil { openHolds["\(hold.lot)#\(hold.cause)", default: 0] += 1 }
        }
        let allLots = try reader.lots(limit: everything)
        lots = allLots.count
        for lot in allLots {
            for disposition in try reader.dispositions(lot: LotID(lot.id)) {
                dispositions[disposition.id] =
                    "disposition \(disposition.lot) \(disposition.decision) by \(disposition.decidedBy) at \(disposition.decidedAt)"
                count("disposition \(disposition.lot)#\(disposition.decision)#\(disposition.decidedAt)")
            }
        }
        limitVersions = try reader.audit(limit: everything).filter { $0.entity == "control_limit" }.count
    }

    private mutating func count(_ key: String) { naturalKeys[key, default: 0] += 1 }

    /// Every record of `earlier` that is missing here or changed its identity.
    func lost(since earlier: CommittedRecords) -> [String] {
        func compare(_ old: [Int64: String], _ new: [Int64: String]) -> [String] {
            old.sorted { $0.key < $1.key }.compactMap { id, identity in
                guard let now = new[id] else { return "lost #\(id): \(identity)" }
                return now == identity ? nil : "changed #\(id): \(identity) -> \(now)"
            }
        }
        return compare(earlier.defects, defects) + compare(earlier.signals, signals) + compare(earlier.holds, holds)
            + compare(earlier.dispositions, dispositions)
    }

    /// Records present more than once, and lots with two open holds for one cause.
    var duplicated: [String] {
        naturalKeys.filter { $0.value > 1 }.map { "\($0.value) x \($0.key)" }.sorted()
            + openHolds.filter { $0.value > 1 }.map { "\($0.value) open holds \($0.key)" }.sorted()
    }

    var summary: String {
        "\(defects.count) defects, \(signals.count) signals, \(holds.count) holds, \(dispositions.count) dispositions, "
            + "\(lots) lots, \(limitVersions) control-limit versions"
    }
}
