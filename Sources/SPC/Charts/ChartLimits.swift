/// The limits of one charted statistic: center line, the standard deviation of the charted
/// statistic itself (so z = (value - center) / sigma feeds the run rules), and the control
/// limits as qcc draws them (truncated at the statistic's natural range: R, S, p, c >= 0, p <= 1).
public struct ChartLimits: Sendable, Hashable, Codable {
    public var center: Double
    /// Standard deviation of the charted statistic (not of individual values).
    public var sigma: Double
    public var lcl: Double
    public var ucl: Double

    public init(center: Double, sigma: Double, lcl: Double, ucl: Double) {
        self.center = center
        self.sigma = sigma
        self.lcl = lcl
        self.ucl = ucl
    }

    /// Symmetric limits center +- width * sigma, optionally clamped to [floor, ceiling].
    public init(center: Double, sigma: Double, width: Double, floor: Double? = nil, ceiling: Double? = nil) {
        var lcl = center - width * sigma
        var ucl = center + width * sigma
        if let floor { lcl = Swift.max(lcl, floor) }
        if let ceiling { ucl = Swift.min(ucl, ceiling) }
        self.init(center: center, sigma: sigma, lcl: lcl, ucl: ucl)
    }

    /// The standardized value (value - center) / sigma used by the run rules.
    @inlinable
    public func standardized(_ value: Double) -> Double { (value - center) / sigma }

    /// True if the value lies strictly outside the limits.
    @inlinable
    public func isOutside(_ value: Double) -> Bool { value > ucl || value < lcl }
}

/// The statistic a chart plots (the names of the `analyze` JSON).
public enum ChartStatistic: String, Sendable, Hashable, Codable, CaseIterable {
    case xbar, r, s, x, mr, p, np, c, u, ewma, cusum, t2, z
}

/// One plotted point of a chart, with the limits it was judged against.
public struct ChartPoint: Sendable, Hashable, Codable {
    /// The charted statistic (for EWMA the raw statistic; see `smoothed`).
    public var value: Double
    public var limits: ChartLimits
    /// 1 for the Phase I window that set the limits, 2 for later points.
    public var phase: Int
    /// The violated rule (lowest number in the selection's numbering), or nil.
    public var violation: Int?
    /// EWMA only: the smoothed statistic z_t compared with the limits.
    public var smoothed: Double?
    /// CUSUM only: the upper sum C+ and the lower sum C- (C- >= 0, qcc plots it as -C-).
    public var upper: Double?
    public var lower: Double?
    /// Index into the input subgroups (0-based) this point belongs to.
    public var source: Int

    public init(
        value: Double, limits: ChartLimits, phase: Int, violation: Int? = nil, smoothed: Double? = nil,
        upper: Double? = nil, lower: Double? = nil, source: Int
    ) {
        self.value = value
        self.limits = limits
        self.phase = phase
        self.violation = violation
        self.smoothed = smoothed
        self.upper = upper
        self.lower = lower
        self.source = source
    }
}

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
