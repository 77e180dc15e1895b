public import LineModel

/// One chart of a picture: the individuals (or X-bar) chart on top, its moving-range (or range)
/// chart below. Values, center line, control limits; sigma for the 1- and 2-sigma zones; spec
/// limits only where they apply to the plotted statistic (individual values).
public struct ChartPanel: Sendable, Hashable {
    /// Short name of the statistic, e.g. `Individuals (X)` or `Moving range (MR)`.
    public var title: String
    public var marks: [ChartMark]
    public var center: Double?
    public var lcl: Double?
    public var ucl: Double?
    /// Standard deviation of the plotted statistic; zones are drawn at center +- 1 and 2 sigma
    /// (clipped to the limits) when it is given.
    public var sigma: Double?
    public var spec: SpecLimits?
    /// Relative height of the panel in the picture (the main chart 2, the range chart 1).
    public var weight: Double

    public init(
        title: String, marks: [ChartMark], center: Double?, lcl: Double?, ucl: Double?, sigma: Double? = nil,
        spec: SpecLimits? = nil, weight: Double = 1
    ) {
        self.title = title
        self.marks = marks
        self.center = center
        self.lcl = lcl
        self.ucl = ucl
        self.sigma = sigma
        self.spec = spec
        self.weight = weight
    }

    /// The marks that signalled.
    public var signalled: [ChartMark] { marks.filter { $0.rule != nil } }
}
