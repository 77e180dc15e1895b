public import LineModel

/// A record that must not be lost and could not be committed because the disk was full: what
/// the spill keeps until the database takes it. Raw samples are never spilled (the store may
/// lose them, counted); device states are not either (the next poll says the same).
public enum SpillRecord: Sendable, Hashable {
    /// A defect, with the rule signal recorded with it (if any). The defect's hold is part of
    /// the defect's own transaction.
    case defect(Defect, signal: RuleSignal?)
    /// A rule signal; `holdLot` when it puts its lot on hold.
    case signal(RuleSignal, holdLot: Bool)
    case limits(ControlLimits)
    case lotStarted(LotID, kind: LotKind, station: String, at: Double)
    case lotEnded(LotID, at: Double)
    case dataQuality(DataQualityEvent)

    /// A stable text naming this record and no other: the same record spilled twice, or
    /// spilled and committed, has the same key. Built from the fields that identify the record
    /// in the database (characteristic, monotonic and wall time, rule or code), which is how
    /// `StoreWriter.isCommitted(_:)` finds it.
    public var idempotencyKey: String {
        switch self {
        case .defect(let defect, _):
            "defect/\(defect.characteristic)/\(Self.text(defect.time))/\(defect.code)"
        case .signal(let signal, _):
            "signal/\(signal.characteristic)/\(signal.statistic)/\(signal.ruleSet)\(signal.rule)/\(Self.text(signal.time))"
        case .limits(let limits):
            "limits/\(limits.characteristic)/\(limits.statistic)/\(Self.hex(limits.computedAt))/"
                + "\(limits.approvedAt.map(Self.hex) ?? "-")"
        case .lotStarted(let lot, _, _, _):
            "lot-start/\(lot)"
        case .lotEnded(let lot, _):
            "lot-end/\(lot)"
        case .dataQuality(let event):
            "event/\(event.kind.rawValue)/\(event.device)/\(Self.text(event.time))"
        }
    }

    private static func text(_ time: SampleTime) -> String { "\(time.monotonicNanos)@\(hex(time.wall))" }

    /// The exact bits of a time, so that the key does not depend on decimal formatting.
    private static func hex(_ value: Double) -> String { String(value.bitPattern, radix: 16) }
}
