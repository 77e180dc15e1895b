/// Streaming Phase II individuals / moving-range monitor with frozen limits. O(1) work and
/// memory per point; `Codable` so it can be saved and restored mid-stream. Run rules apply to
/// X (qcc parity); the moving range flags limit crossings only.
public struct IndividualsMonitor: Sendable, Hashable, Codable {
    /// What one new value produced.
    public struct Point: Sendable, Hashable, Codable {
        public var x: Double
        /// nil for the first value after start or `restart()`.
        public var movingRange: Double?
        /// Rule violated by X (lowest number), or nil.
        public var violation: Int?
        /// True when the moving range is beyond its limits.
        public var movingRangeSignal: Bool

        @inlinable
        public init(x: Double, movingRange: Double?, violation: Int?, movingRangeSignal: Bool) {
            self.x = x
            self.movingRange = movingRange
            self.violation = violation
            self.movingRangeSignal = movingRangeSignal
        }
    }

    public let xLimits: ChartLimits
    public let movingRangeLimits: ChartLimits
    @usableFromInline var rules: RunRuleEvaluator
    @usableFromInline let inverseSigma: Double
    @usableFromInline var previous: Double = 0
    @usableFromInline var hasPrevious = false

    public init(xLimits: ChartLimits, movingRangeLimits: ChartLimits, rules: RuleSelection) {
        self.xLimits = xLimits
        self.movingRangeLimits = movingRangeLimits
        self.rules = RunRuleEvaluator(selection: rules)
        self.inverseSigma = 1 / xLimits.sigma
    }

    public init(model: IndividualsChartModel, rules: RuleSelection) {
        self.init(xLimits: model.xLimits, movingRangeLimits: model.movingRangeLimits, rules: rules)
    }

    /// The rule selection in force.
    public var selection: RuleSelection { rules.selection }

    /// Judges the next value.
    @inlinable @inline(__always)
    public mutating func next(_ value: Double) -> Point {
        let violation = rules.next(z: (value - xLimits.center) * inverseSigma)
        var point = Point(x: value, movingRange: nil, violation: violation, movingRangeSignal: false)
        if hasPrevious {
            let mr = value > previous ? value - previous : previous - value
            point.movingRange = mr
            point.movingRangeSignal = mr > movingRangeLimits.ucl || mr < movingRangeLimits.lcl
        }
        previous = value
        hasPrevious = true
        return point
    }

    /// Forgets the history (after a gap or a process change); the limits stay.
    public mutating func restart() {
        rules.reset()
        hasPrevious = false
    }
}
