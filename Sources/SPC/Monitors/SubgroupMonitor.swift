/// Streaming Phase II X-bar/R or X-bar/S monitor with a frozen `SubgroupChartModel`. Each call
/// takes one subgroup (O(n) to summarise it, O(1) state). Run rules apply to both charts, as in
/// `SubgroupCharts`. `Codable` for persistence.
public struct SubgroupMonitor: Sendable, Hashable, Codable {
    public struct Point: Sendable, Hashable, Codable {
        public var mean: Double
        /// The range (X-bar/R) or standard deviation (X-bar/S).
        public var dispersion: Double
        public var meanLimits: ChartLimits
        /// nil when the size has no constants (R beyond 25, S of one value).
        public var dispersionLimits: ChartLimits?
        public var violation: Int?
        public var dispersionViolation: Int?
    }

    public let model: SubgroupChartModel
    var meanRules: RunRuleEvaluator
    var dispersionRules: RunRuleEvaluator

    public init(model: SubgroupChartModel, rules: RuleSelection) {
        self.model = model
        self.meanRules = RunRuleEvaluator(selection: rules)
        self.dispersionRules = RunRuleEvaluator(selection: rules)
    }

    /// Judges the next subgroup of raw values.
    public mutating func next<C: Collection>(subgroup values: C) -> Point where C.Element == Double {
        next(summary: Subgroup(values: values))
    }

    /// Judges the next subgroup from its summary.
    public mutating func next(summary g: Subgroup) -> Point {
        let ml = model.xbarLimits(size: g.size)
        let v = meanRules.next(z: ml.standardized(g.mean))
        let d = model.dispersionValue(g)
        let dl = model.dispersionLimits(size: g.size)
        let dv = dl.flatMap { dispersionRules.next(z: $0.standardized(d)) }
        return Point(mean: g.mean, dispersion: d, meanLimits: ml, dispersionLimits: dl, violation: v, dispersionViolation: dv)
    }

    public mutating func restart() {
        meanRules.reset()
        dispersionRules.reset()
    }
}
