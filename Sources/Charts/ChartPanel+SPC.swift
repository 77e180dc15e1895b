public import LineModel
public import SPC

extension ChartPanel {
    /// A panel of an SPC chart: its points (a signalled point keeps its rule number), nominal
    /// center and limits, and the sigma of the statistic for the zones when the limits are
    /// constant. Individual-value charts (`x`) take the spec limits; range charts do not.
    public init(chart: ControlChart, title: String? = nil, spec: SpecLimits? = nil, notes: [Int: String] = [:], weight: Double? = nil) {
        let marks = chart.points.map { point in
            ChartMark(index: point.source, value: point.smoothed ?? point.value, rule: point.violation, note: notes[point.source])
        }
        let sigma = chart.points.first?.limits.sigma
        let constant = chart.lcl != nil && chart.ucl != nil
        let isIndividuals = chart.statistic == .x || chart.statistic == .xbar
        self.init(
            title: title ?? Self.title(of: chart.statistic), marks: marks, center: chart.center, lcl: chart.lcl,
            ucl: chart.ucl, sigma: constant ? sigma : nil, spec: chart.statistic == .x ? spec : nil,
            weight: weight ?? (isIndividuals ? 2 : 1))
    }

    /// A person's name for a chart statistic.
    public static func title(of statistic: ChartStatistic) -> String {
        switch statistic {
        case .x: "Individuals (X)"
        case .mr: "Moving range (MR)"
        case .xbar: "Subgroup means (X-bar)"
        case .r: "Subgroup ranges (R)"
        case .s: "Subgroup standard deviations (S)"
        case .p: "Proportion defective (p)"
        case .np: "Number defective (np)"
        case .c: "Defects per unit (c)"
        case .u: "Defects per unit (u)"
        case .ewma: "EWMA"
        case .cusum: "CUSUM"
        case .t2: "Hotelling T\u{00B2}"
        case .z: "Standardized (Z)"
        }
    }
}

extension RuleSet {
    /// The rule set's name for a legend.
    public var displayName: String { self == .westernElectric ? "Western Electric" : "Nelson" }
}
