public import LineModel

/// What one durable defect commit wrote: the defect, the hold of its lot (new, or the open hold
/// for the same cause that already covered it), and the holds propagated to descendants.
public struct DefectOutcome: Sendable, Hashable, Codable {
    public var defectID: Int64
    /// The hold covering the defect's lot for this cause; nil when the defect has no lot or its
    /// lot is in a final state (scrapped, returned) and cannot be held.
    public var holdID: Int64?
    /// True when `holdID` was placed by this commit, false when it already existed.
    public var holdIsNew: Bool
    /// Holds placed on descendant lots by forward propagation in the same transaction.
    public var propagatedHoldIDs: [Int64]
    /// The lot's status after the commit.
    public var lotStatus: LotStatus?

    public init(defectID: Int64, holdID: Int64?, holdIsNew: Bool, propagatedHoldIDs: [Int64], lotStatus: LotStatus?) {
        self.defectID = defectID
        self.holdID = holdID
        self.holdIsNew = holdIsNew
        self.propagatedHoldIDs = propagatedHoldIDs
        self.lotStatus = lotStatus
    }
}
