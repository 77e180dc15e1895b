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

/// The outcome of a Phase I estimation: the frozen limits (or model), and which Phase I
/// points (1-based) were excluded as signalling, over how many passes.
public struct PhaseOneResult<Model: Sendable>: Sendable {
    public var model: Model
    public var excluded: [Int]
    public var iterations: Int
}

extension PhaseOneResult: Equatable where Model: Equatable {}
extension PhaseOneResult: Hashable where Model: Hashable {}
extension PhaseOneResult: Encodable where Model: Encodable {}
extension PhaseOneResult: Decodable where Model: Decodable {}

/// A chart analysis: Phase I window, excluded points and the charts (primary first).
public struct ChartAnalysis: Sendable, Hashable, Codable {
    public var phase1Count: Int
    public var excluded: [Int]
    public var charts: [ControlChart]

    public init(phase1Count: Int, excluded: [Int], charts: [ControlChart]) {
        self.phase1Count = phase1Count
        self.excluded = excluded
        self.charts = charts
    }
}

enum PhaseOneIteration {
    /// Estimates on the included Phase I points; optionally drops the points `signals` flags
    /// (1-based indices returned) and re-estimates until nothing new signals.
    static func run<Model: Sendable>(
        count: Int, options: ChartOptions,
        estimate: ([Bool]) throws(SPCError) -> Model,
        signals: (Model, [Bool]) -> [Int]
    ) throws(SPCError) -> PhaseOneResult<Model> {
        var included = [Bool](repeating: true, count: count)
        var model = try estimate(included)
        var iterations = 1
        guard options.excludeSignals else { return PhaseOneResult(model: model, excluded: [], iterations: 1) }
        while iterations < options.maximumIterations {
            let flagged = signals(model, included).filter { included[$0 - 1] }
            if flagged.isEmpty { break }
            for i in flagged { included[i - 1] = false }
            guard included.contains(true) else { throw SPCError("every Phase I point signals; no limits left to estimate") }
            model = try estimate(included)
            iterations += 1
        }
        let excluded = included.indices.filter { !included[$0] }.map { $0 + 1 }
        return PhaseOneResult(model: model, excluded: excluded, iterations: iterations)
    }
}
