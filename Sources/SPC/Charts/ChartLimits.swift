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

    /// The standardized value (value - center) / sigma used by the run rules, computed as
    /// (value - center) * (1 / sigma) so that streaming monitors, which keep 1 / sigma, give
    /// bit-identical results.
    @inlinable
    public func standardized(_ value: Double) -> Double { (value - center) * (1 / sigma) }

    /// True if the value lies strictly outside the limits.
    @inlinable
    public func isOutside(_ value: Double) -> Bool { value > ucl || value < lcl }
}
