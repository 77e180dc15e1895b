/// One plotted value of a control-chart panel.
public struct ChartMark: Sendable, Hashable {
    /// Position along the x axis: the sample (or subgroup) number, 0-based, shared by every
    /// panel of a document so that panels line up.
    public var index: Int
    public var value: Double
    /// The run rule this point completed (in the document's rule-set numbering), if it signalled.
    public var rule: Int?
    /// A tooltip: time, lot, unit, anything that identifies the point.
    public var note: String?

    public init(index: Int, value: Double, rule: Int? = nil, note: String? = nil) {
        self.index = index
        self.value = value
        self.rule = rule
        self.note = note
    }
}
