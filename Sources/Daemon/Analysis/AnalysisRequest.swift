public import SPC

/// Everything `lineguard analyze` was asked, already validated. Defaults follow qcc: 3-sigma
/// limits, Western Electric rules 1 and 4, lambda 0.2 and L 3 for EWMA, k 0.5 and h 5 for CUSUM.
public struct AnalysisRequest: Sendable, Hashable {
    public var chart: AnalysisChartKind
    /// First N subgroups set the limits; nil: all (or the rows marked by a `trial` column).
    public var phase1: Int?
    public var rules: RuleSelection
    public var lsl: Double?
    public var usl: Double?
    public var target: Double?
    public var lambda: Double
    public var width: Double
    public var k: Double
    public var h: Double
    public var headStart: Double
    public var center: Double?
    public var sigma: Double?
    public var nsigmas: Double
    public var estimator: SigmaEstimator?
    public var confidence: Double?
    public var excludeSignals: Bool
    public var capabilityConvention: CapabilityConvention

    public init(
        chart: AnalysisChartKind, phase1: Int? = nil, rules: RuleSelection = .qccDefault, lsl: Double? = nil,
        usl: Double? = nil, target: Double? = nil, lambda: Double = 0.2, width: Double = 3, k: Double = 0.5,
        h: Double = 5, headStart: Double = 0, center: Double? = nil, sigma: Double? = nil, nsigmas: Double = 3,
        estimator: SigmaEstimator? = nil, confidence: Double? = nil, excludeSignals: Bool = false,
        capabilityConvention: CapabilityConvention = .qcc
    ) {
        self.chart = chart
        self.phase1 = phase1
        self.rules = rules
        self.lsl = lsl
        self.usl = usl
        self.target = target
        self.lambda = lambda
        self.width = width
        self.k = k
        self.h = h
        self.headStart = headStart
        self.center = center
        self.sigma = sigma
        self.nsigmas = nsigmas
        self.estimator = estimator
        self.confidence = confidence
        self.excludeSignals = excludeSignals
        self.capabilityConvention = capabilityConvention
    }

    /// Parses `--rules we|nelson|none|LIST` with `--rule-set we|nelson` (for LIST). nil: qcc's
    /// default, Western Electric rules 1 and 4.
    public static func rules(_ text: String?, ruleSet: String?) throws(AnalysisError) -> RuleSelection {
        var set = RuleSet.westernElectric
        if let ruleSet {
            guard let parsed = RuleSet(rawValue: ruleSet.lowercased()) else {
                throw AnalysisError("--rule-set must be we or nelson, got '\(ruleSet)'")
            }
            set = parsed
        }
        guard let text else { return set == .nelson ? .nelson : .qccDefault }
        switch text.lowercased() {
        case "we": return .westernElectric
        case "nelson": return .nelson
        case "none": return .none
        default:
            var numbers: [Int] = []
            for part in text.split(separator: ",") {
                guard let n = Int(String(part).trimmedOfSpaces) else {
                    throw AnalysisError("--rules must be we, nelson, none or a list like 1,2,5; got '\(text)'")
                }
                numbers.append(n)
            }
            do {
                return try RuleSelection(ruleSet: set, rules: numbers)
            } catch {
                throw AnalysisError("--rules: \(error.message)")
            }
        }
    }

    /// Parses `--estimator r|s|pooled|mr|sd`.
    public static func estimator(_ text: String?) throws(AnalysisError) -> SigmaEstimator? {
        guard let text else { return nil }
        guard let e = SigmaEstimator(rawValue: text.lowercased()) else {
            throw AnalysisError("--estimator must be r, s, pooled, mr or sd; got '\(text)'")
        }
        return e
    }

    /// Checks the numeric options that have a valid range.
    public func validate() throws(AnalysisError) {
        if let phase1, phase1 < 1 { throw AnalysisError("--phase1 must be at least 1, got \(phase1)") }
        guard nsigmas > 0 else { throw AnalysisError("--nsigmas must be positive, got \(nsigmas)") }
        if let sigma, !(sigma > 0) { throw AnalysisError("--sigma must be positive, got \(sigma)") }
        guard lambda > 0, lambda <= 1 else { throw AnalysisError("--lambda must be in (0, 1], got \(lambda)") }
        guard width > 0 else { throw AnalysisError("--L must be positive, got \(width)") }
        guard h > 0 else { throw AnalysisError("--h must be positive, got \(h)") }
        guard k >= 0 else { throw AnalysisError("--k must not be negative, got \(k)") }
        guard headStart >= 0, headStart <= h else { throw AnalysisError("--head-start must be in [0, h], got \(headStart)") }
        if let confidence, !(confidence > 0 && confidence < 1) {
            throw AnalysisError("--confidence must be in (0, 1), got \(confidence)")
        }
        if let lsl, let usl, lsl >= usl { throw AnalysisError("--lsl \(lsl) must be below --usl \(usl)") }
        if target != nil, lsl == nil, usl == nil { throw AnalysisError("--target needs --lsl and/or --usl") }
    }

    var chartOptions: ChartOptions {
        ChartOptions(nsigmas: nsigmas, rules: rules, estimator: estimator, knownCenter: center, knownSigma: sigma,
                     excludeSignals: excludeSignals)
    }
}
