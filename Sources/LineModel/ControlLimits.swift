/// One version of a characteristic's control limits, computed from a Phase I window and then
/// frozen for Phase II. New versions are made only when an engineer recomputes and approves.
public struct ControlLimits: Sendable, Hashable {
    public var characteristic: CharacteristicID
    /// The charted statistic these limits are for (`x`, `mr`, `xbar`, `r`, ...).
    public var statistic: String
    public var center: Double
    /// The process sigma estimate (of individual values) the limits were built from.
    public var sigma: Double
    public var lcl: Double?
    public var ucl: Double?
    /// The sigma estimator used (`mr`, `r`, `s`, `pooled`, `sd`).
    public var estimator: String
    /// How many points (or subgroups) formed the Phase I window.
    public var phase1Count: Int
    /// 1-based indices within the Phase I window that were excluded as out of control.
    public var excluded: [Int]
    /// Seconds since the epoch when computed.
    public var computedAt: Double
    /// Who approved them (`system` for the automatic first Phase I), and when.
    public var approvedBy: String?
    public var approvedAt: Double?
    /// The lag-1 autocorrelation estimated in Phase I, for charts of autocorrelated values
    /// (`autocorrelation = "ar1"`; nil when values are charted as independent).
    public var autocorrelation: Double?

    public init(
        characteristic: CharacteristicID, statistic: String, center: Double, sigma: Double,
        lcl: Double?, ucl: Double?, estimator: String, phase1Count: Int, excluded: [Int] = [],
        computedAt: Double, approvedBy: String? = nil, approvedAt: Double? = nil, autocorrelation: Double? = nil
    ) {
        self.characteristic = characteristic
        self.statistic = statistic
        self.center = center
        self.sigma = sigma
        self.lcl = lcl
        self.ucl = ucl
        self.estimator = estimator
        self.phase1Count = phase1Count
        self.excluded = excluded
        self.computedAt = computedAt
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.autocorrelation = autocorrelation
    }
}
