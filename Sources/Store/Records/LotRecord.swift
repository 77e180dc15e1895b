public import LineModel

/// A lot as recorded: identity, kind, where and when it was made, and its status.
public struct LotRecord: Sendable, Hashable, Codable {
    /// The plant's lot id (roll number, batch id, cell serial).
    public var id: String
    public var kind: LotKind
    public var station: String?
    public var startedAt: Double
    public var endedAt: Double?
    public var status: LotStatus
    /// The grade after a regrade disposition.
    public var grade: String?
    public var statusChangedAt: Double?

    public init(
        id: String, kind: LotKind, station: String?, startedAt: Double, endedAt: Double?,
        status: LotStatus, grade: String?, statusChangedAt: Double?
    ) {
        self.id = id
        self.kind = kind
        self.station = station
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.status = status
        self.grade = grade
        self.statusChangedAt = statusChangedAt
    }
}
