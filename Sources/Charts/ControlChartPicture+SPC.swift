public import LineModel
public import SPC

extension ControlChartPicture {
    /// The picture of an SPC analysis (`lineguard analyze --plot`): each chart of the analysis
    /// as a panel (the first with the spec limits when it charts individual values or means),
    /// the Phase I / Phase II boundary where the analysis has one, and `lots` (one per input
    /// point, when known) as lot boundaries.
    public init(
        analysis: ChartAnalysis, title: String, subtitle: String = "", unit: String = "", spec: SpecLimits? = nil,
        rules: RuleSelection, lots: [String?] = [], notes: [Int: String] = [:]
    ) {
        let panels = analysis.charts.map { ChartPanel(chart: $0, spec: spec, notes: notes) }
        let length = (panels.flatMap(\.marks).map(\.index).max() ?? -1) + 1
        self.init(
            title: title, subtitle: subtitle, unit: unit, panels: panels, lotBoundaries: LotBoundary.changes(in: lots),
            phaseTwoStart: analysis.phase1Count < length ? analysis.phase1Count : nil, ruleSet: rules.ruleSet.displayName)
    }
}
