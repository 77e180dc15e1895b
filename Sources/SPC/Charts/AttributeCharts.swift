/// Attribute charts with qcc parity: p (proportion d/n), np (count d), c (count, sizes
/// ignored), u (count per unit c/n). Centers: p-bar = sum d / sum n, c-bar = mean c,
/// u-bar = sum c / sum n. Sigma of the statistic per point: sqrt(p(1-p)/n), sqrt(n p(1-p)),
/// sqrt(c), sqrt(u/n); limits clamped to the statistic's range. Variable sizes give per-point
/// limits. Run rules use each point's own sigma.
public enum AttributeCharts {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case p, np, c, u

        var statistic: ChartStatistic {
            switch self {
            case .p: .p
            case .np: .np
            case .c: .c
            case .u: .u
            }
        }
    }

    /// One attribute sample: the count of nonconforming units (p, np) or nonconformities (c, u)
    /// and the sample size (units inspected, or inspection units).
    public struct Sample: Sendable, Hashable, Codable {
        public var count: Double
        public var size: Double

        public init(count: Double, size: Double) {
            self.count = count
            self.size = size
        }
    }

    /// The Phase I model: the center rate (p-bar, c-bar or u-bar).
    public struct Model: Sendable, Hashable, Codable {
        public var kind: Kind
        public var rate: Double
        public var nsigmas: Double

        public init(kind: Kind, rate: Double, nsigmas: Double) {
            self.kind = kind
            self.rate = rate
            self.nsigmas = nsigmas
        }

        /// The plotted statistic of a sample.
        public func value(_ s: Sample) -> Double {
            switch kind {
            case .p, .u: s.count / s.size
            case .np, .c: s.count
            }
        }

        /// The limits of a sample of `size`.
        public func limits(size: Double) -> ChartLimits {
            switch kind {
            case .p:
                ChartLimits(center: rate, sigma: (rate * (1 - rate) / size).squareRoot(), width: nsigmas, floor: 0, ceiling: 1)
            case .np:
                ChartLimits(center: size * rate, sigma: (size * rate * (1 - rate)).squareRoot(), width: nsigmas, floor: 0, ceiling: size)
            case .c:
                ChartLimits(center: rate, sigma: rate.squareRoot(), width: nsigmas, floor: 0)
            case .u:
                ChartLimits(center: rate, sigma: (rate / size).squareRoot(), width: nsigmas, floor: 0)
            }
        }

        static func estimate(_ samples: [Sample], included: [Bool], kind: Kind, options: ChartOptions) throws(SPCError) -> Model {
            if let known = options.knownCenter { return Model(kind: kind, rate: known, nsigmas: options.nsigmas) }
            var counts = 0.0
            var sizes = 0.0
            var n = 0.0
            for (s, use) in zip(samples, included) where use {
                counts += s.count
                sizes += s.size
                n += 1
            }
            guard n > 0 else { throw SPCError("no Phase I samples") }
            let rate = kind == .c ? counts / n : counts / sizes
            guard rate > 0 else { throw SPCError("no nonconformities in the Phase I samples; the \(kind.rawValue) chart has no spread") }
            if kind == .p || kind == .np, rate >= 1 { throw SPCError("every Phase I unit is nonconforming; the \(kind.rawValue) chart has no spread") }
            return Model(kind: kind, rate: rate, nsigmas: options.nsigmas)
        }
    }

    public static func phaseOne(
        _ samples: [Sample], kind: Kind, phase1Count: Int? = nil, options: ChartOptions = ChartOptions()
    ) throws(SPCError) -> PhaseOneResult<Model> {
        let m = phase1Count ?? samples.count
        guard m >= 1, m <= samples.count else { throw SPCError("Phase I window \(m) is outside 1...\(samples.count)") }
        for (i, s) in samples.enumerated() {
            guard s.size > 0 || kind == .c else { throw SPCError("sample \(i + 1) has size \(s.size); sizes must be positive") }
            guard s.count >= 0 else { throw SPCError("sample \(i + 1) has a negative count \(s.count)") }
            if kind == .p || kind == .np, s.count > s.size {
                throw SPCError("sample \(i + 1) has \(s.count) nonconforming of \(s.size)")
            }
        }
        let window = Array(samples[0..<m])
        return try PhaseOneIteration.run(
            count: m, options: options,
            estimate: { (included: [Bool]) throws(SPCError) in
                try Model.estimate(window, included: included, kind: kind, options: options)
            },
            signals: { model, included in
                SubgroupCharts.flagged([build(window, model: model, phase1Count: m, rules: options.rules, included: included)], included: included)
            })
    }

    public static func chart(_ samples: [Sample], model: Model, phase1Count: Int, rules: RuleSelection) -> ControlChart {
        build(samples, model: model, phase1Count: phase1Count, rules: rules, included: nil)
    }

    public static func analyze(
        _ samples: [Sample], kind: Kind, phase1Count: Int? = nil, options: ChartOptions = ChartOptions()
    ) throws(SPCError) -> (model: Model, analysis: ChartAnalysis) {
        let m = phase1Count ?? samples.count
        let phase = try phaseOne(samples, kind: kind, phase1Count: m, options: options)
        let chart = chart(samples, model: phase.model, phase1Count: m, rules: options.rules)
        return (phase.model, ChartAnalysis(phase1Count: m, excluded: phase.excluded, charts: [chart]))
    }

    static func build(_ samples: [Sample], model: Model, phase1Count: Int, rules: RuleSelection, included: [Bool]?) -> ControlChart {
        var evaluator = RunRuleEvaluator(selection: rules)
        var points: [ChartPoint] = []
        for (i, s) in samples.enumerated() {
            if let included, !included[i] { continue }
            let l = model.limits(size: s.size)
            let v = model.value(s)
            points.append(ChartPoint(value: v, limits: l, phase: i < phase1Count ? 1 : 2,
                                     violation: evaluator.next(z: l.standardized(v)), source: i))
        }
        let sigmas = Set(points.map(\.limits.sigma))
        let center = model.kind == .np ? (points.first?.limits.center ?? model.rate) : model.rate
        return ControlChart.make(model.kind.statistic, center: center, processSigma: sigmas.count == 1 ? sigmas.first : nil, points: points)
    }
}
