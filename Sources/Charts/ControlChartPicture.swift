/// Everything one control-chart picture shows: a title that says what it is, the panels stacked
/// on a shared x axis, lot boundaries, the Phase I / Phase II boundary, and a legend naming the
/// rule set the marked points refer to.
public struct ControlChartPicture: Sendable, Hashable {
    /// E.g. `filling.fill_weight.n3: individuals and moving range`.
    public var title: String
    /// E.g. the time span, the count of points and where the limits came from.
    public var subtitle: String
    /// Engineering unit of the values (shown on the axis of the first panel).
    public var unit: String
    public var panels: [ChartPanel]
    public var lotBoundaries: [LotBoundary]
    /// Index of the first Phase II point, when the Phase I window is part of the picture.
    public var phaseTwoStart: Int?
    /// Rule set the rule numbers refer to, e.g. `Western Electric` (shown in the legend).
    public var ruleSet: String
    /// Caption of the x axis.
    public var axisCaption: String

    public init(
        title: String, subtitle: String = "", unit: String = "", panels: [ChartPanel], lotBoundaries: [LotBoundary] = [],
        phaseTwoStart: Int? = nil, ruleSet: String = "Western Electric", axisCaption: String = "sample number (oldest to newest)"
    ) {
        self.title = title
        self.subtitle = subtitle
        self.unit = unit
        self.panels = panels
        self.lotBoundaries = lotBoundaries
        self.phaseTwoStart = phaseTwoStart
        self.ruleSet = ruleSet
        self.axisCaption = axisCaption
    }

    /// Number of x positions (one past the largest index of any panel).
    public var length: Int { (panels.flatMap(\.marks).map(\.index).max() ?? -1) + 1 }
}
