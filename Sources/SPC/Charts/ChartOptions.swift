/// Options common to every chart analysis. Defaults follow qcc: 3-sigma limits, Western
/// Electric rules 1 and 4, estimator chosen per chart, no exclusion of signalling points.
public struct ChartOptions: Sendable, Hashable, Codable {
    /// Limit width in sigmas of the charted statistic.
    public var nsigmas: Double
    public var rules: RuleSelection
    /// nil: the chart's default estimator (see `SigmaEstimator`).
    public var estimator: SigmaEstimator?
    /// Known parameters replace the Phase I estimates.
    public var knownCenter: Double?
    public var knownSigma: Double?
    /// Phase I: drop the most extreme subgroup beyond the limits on any chart and re-estimate,
    /// one per pass, until none is beyond (run-rule signals are reported but not dropped).
    public var excludeSignals: Bool
    public var maximumIterations: Int

    public init(
        nsigmas: Double = 3, rules: RuleSelection = .qccDefault, estimator: SigmaEstimator? = nil,
        knownCenter: Double? = nil, knownSigma: Double? = nil, excludeSignals: Bool = false,
        maximumIterations: Int = 100
    ) {
        self.nsigmas = nsigmas
        self.rules = rules
        self.estimator = estimator
        self.knownCenter = knownCenter
        self.knownSigma = knownSigma
        self.excludeSignals = excludeSignals
        self.maximumIterations = maximumIterations
    }
}
