public import Store

/// Everything recorded about one lot (`lineguard lot show`): the lot, its genealogy up (what it
/// was made from) and down (what was made from it), a summary of its samples per
/// characteristic, and its signals, defects, holds and dispositions.
public struct LotReport: Sendable, Hashable {
    /// The samples of one characteristic that belong to the lot.
    public struct SampleSummary: Sendable, Hashable {
        public var characteristic: String
        public var unit: String
        public var count: Int
        public var good: Int
        public var mean: Double?
        public var minimum: Double?
        public var maximum: Double?
        /// Good values outside the current spec limits.
        public var outOfSpec: Int
        public var first: Double?
        public var last: Double?
    }

    public var lot: LotRecord
    public var parents: [GenealogyNode]
    public var children: [GenealogyNode]
    public var samples: [SampleSummary]
    public var signals: [SignalRecord]
    public var defects: [DefectRecord]
    public var holds: [HoldRecord]
    public var dispositions: [DispositionRecord]
}
