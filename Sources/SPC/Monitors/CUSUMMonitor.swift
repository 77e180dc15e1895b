/// Streaming two-sided tabular CUSUM monitor (qcc parity; see `CUSUMChart`). O(1) per point,
/// `Codable`. A point signals (rule 1) when C+ or C- exceeds h; `restart()` returns the sums to
/// the head start (qcc itself never resets).
public struct CUSUMMonitor: Sendable, Hashable, Codable {
    public struct Point: Sendable, Hashable, Codable {
        public var value: Double
        /// C+ and C- (both >= 0), in standard errors.
        public var upper: Double
        public var lower: Double
        public var violation: Int?
    }

    public let center: Double
    public let sigma: Double
    public let k: Double
    public let h: Double
    public let headStart: Double
    public private(set) var upper: Double
    public private(set) var lower: Double

    public init(center: Double, sigma: Double, k: Double = 0.5, h: Double = 5, headStart: Double = 0) throws(SPCError) {
        guard sigma > 0, h > 0, k >= 0, headStart >= 0, headStart <= h else {
            throw SPCError("CUSUM needs sigma > 0, h > 0, k >= 0 and 0 <= head start <= h")
        }
        self.center = center
        self.sigma = sigma
        self.k = k
        self.h = h
        self.headStart = headStart
        self.upper = headStart
        self.lower = headStart
    }

    /// Judges the next value (or mean of `size` values).
    public mutating func next(_ value: Double, size: Int = 1) -> Point {
        let z = (value - center) / (sigma / Double(size).squareRoot())
        upper = Swift.max(0, upper + z - k)
        lower = Swift.max(0, lower - z - k)
        return Point(value: value, upper: upper, lower: lower, violation: (upper > h || lower > h) ? 1 : nil)
    }

    public mutating func restart() {
        upper = headStart
        lower = headStart
    }
}
