/// Streaming EWMA monitor (qcc parity: z_0 = center, exact time-varying limits by default).
/// O(1) per point, `Codable`. A point signals (rule 1) when z_t is beyond its limits.
public struct EWMAMonitor: Sendable, Hashable, Codable {
    public struct Point: Sendable, Hashable, Codable {
        public var value: Double
        public var ewma: Double
        public var limits: ChartLimits
        public var violation: Int?
    }

    public let center: Double
    /// Sigma of individual values; the statistic of size n has sigma / sqrt(n).
    public let sigma: Double
    public let lambda: Double
    public let width: Double
    /// false: asymptotic limits from the first point on.
    public let exactLimits: Bool
    var z: Double
    var decay: Double = 1

    public init(center: Double, sigma: Double, lambda: Double, width: Double, exactLimits: Bool = true) throws(SPCError) {
        guard lambda > 0, lambda <= 1 else { throw SPCError("lambda must be in (0, 1], got \(lambda)") }
        guard width > 0, sigma > 0 else { throw SPCError("L and sigma must be positive") }
        self.center = center
        self.sigma = sigma
        self.lambda = lambda
        self.width = width
        self.exactLimits = exactLimits
        self.z = center
    }

    /// Judges the next statistic (a value, or a subgroup mean of `size` values).
    public mutating func next(_ value: Double, size: Int = 1) -> Point {
        z = lambda * value + (1 - lambda) * z
        decay *= (1 - lambda) * (1 - lambda)
        let factor = exactLimits ? 1 - decay : 1
        let s = sigma / Double(size).squareRoot() * (lambda / (2 - lambda) * factor).squareRoot()
        let limits = ChartLimits(center: center, sigma: s, width: width)
        return Point(value: value, ewma: z, limits: limits, violation: limits.isOutside(z) ? 1 : nil)
    }

    /// Restarts from z = center (with the start-up limits again).
    public mutating func restart() {
        z = center
        decay = 1
    }
}
