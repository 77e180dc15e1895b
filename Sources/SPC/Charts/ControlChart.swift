/// One chart of an analysis: its statistic, its nominal limits and its points.
///
/// `processSigma` is qcc's `std.dev`: the within-process sigma of individual values for the
/// variables charts (X-bar, R, S, I, MR, EWMA, CUSUM), the sigma of the statistic for attribute
/// charts (per point when sizes vary, then nil here), 1 for Z and T2.
public struct ControlChart: Sendable, Hashable, Codable {
    public var statistic: ChartStatistic
    public var center: Double
    public var processSigma: Double?
    /// Nominal limits; nil when they vary from point to point (sizes differ, EWMA exact limits).
    public var lcl: Double?
    public var ucl: Double?
    /// CUSUM: the decision interval h (in standard errors).
    public var decisionInterval: Double?
    public var points: [ChartPoint]

    public init(
        statistic: ChartStatistic, center: Double, processSigma: Double?, lcl: Double?, ucl: Double?,
        decisionInterval: Double? = nil, points: [ChartPoint]
    ) {
        self.statistic = statistic
        self.center = center
        self.processSigma = processSigma
        self.lcl = lcl
        self.ucl = ucl
        self.decisionInterval = decisionInterval
        self.points = points
    }

    /// Builds a chart, filling the nominal limits when every point shares them.
    static func make(
        _ statistic: ChartStatistic, center: Double, processSigma: Double?, points: [ChartPoint],
        decisionInterval: Double? = nil
    ) -> ControlChart {
        let first = points.first?.limits
        let constant = points.allSatisfy { $0.limits.lcl == first?.lcl && $0.limits.ucl == first?.ucl }
        return ControlChart(
            statistic: statistic, center: center, processSigma: processSigma,
            lcl: constant ? first?.lcl : nil, ucl: constant ? first?.ucl : nil,
            decisionInterval: decisionInterval, points: points)
    }
}
