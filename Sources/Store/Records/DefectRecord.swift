public import LineModel

/// A nonconformance record as stored, with its hold, disposition and closure.
public struct DefectRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var detectedAt: Double
    public var station: String
    public var equipment: String?
    public var detection: DetectionKind
    public var characteristic: String
    public var code: String
    public var severity: Severity
    public var value: Double?
    public var lsl: Double?
    public var usl: Double?
    /// `below` or `above` (the `SpecVerdict`).
    public var verdict: String
    public var lot: String?
    public var unitSequence: Int64?
    public var signalID: Int64?
    public var holdID: Int64?
    public var dispositionID: Int64?
    public var rootCause: String?
    public var correctiveAction: String?
    public var closedBy: String?
    public var closedAt: Double?

    public init(
        id: Int64, detectedAt: Double, station: String, equipment: String?, detection: DetectionKind,
        characteristic: String, code: String, severity: Severity, value: Double?, lsl: Double?,
        usl: Double?, verdict: String, lot: String?, unitSequence: Int64?, signalID: Int64?,
        holdID: Int64?, dispositionID: Int64?, rootCause: String?, correctiveAction: String?,
        closedBy: String?, closedAt: Double?
    ) {
        self.id = id
        self.detectedAt = detectedAt
        self.station = station
        self.equipment = equipment
        self.detection = detection
        self.characteristic = characteristic
        self.code = code
        self.severity = severity
        self.value = value
        self.lsl = lsl
        self.usl = usl
        self.verdict = verdict
        self.lot = lot
        self.unitSequence = unitSequence
        self.signalID = signalID
        self.holdID = holdID
        self.dispositionID = dispositionID
        self.rootCause = rootCause
        self.correctiveAction = correctiveAction
        self.closedBy = closedBy
        self.closedAt = closedAt
    }
}
