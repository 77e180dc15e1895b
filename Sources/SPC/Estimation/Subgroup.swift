/// Summary of one rational subgroup: size, mean, range and sample standard deviation
/// (n - 1 divisor, as R's `sd`). Computed in one pass (Welford) from the raw values.
public struct Subgroup: Sendable, Hashable, Codable {
    public var size: Int
    public var mean: Double
    public var range: Double
    /// Sample standard deviation; 0 for a subgroup of one.
    public var standardDeviation: Double

    public init(size: Int, mean: Double, range: Double, standardDeviation: Double) {
        self.size = size
        self.mean = mean
        self.range = range
        self.standardDeviation = standardDeviation
    }

    /// Summarises raw measurements (at least one).
    public init<C: Collection>(values: C) where C.Element == Double {
        precondition(!values.isEmpty, "a subgroup needs at least one value")
        var count = 0.0
        var mean = 0.0
        var m2 = 0.0
        var lo = Double.infinity
        var hi = -Double.infinity
        for v in values {
            count += 1
            let delta = v - mean
            mean += delta / count
            m2 += delta * (v - mean)
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        // Recompute the mean as sum/n so it matches R's mean() to the last bit.
        var sum = 0.0
        for v in values { sum += v }
        self.size = values.count
        self.mean = sum / count
        self.range = hi - lo
        self.standardDeviation = count > 1 ? (m2 / (count - 1)).squareRoot() : 0
    }
}
