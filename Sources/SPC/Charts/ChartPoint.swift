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
