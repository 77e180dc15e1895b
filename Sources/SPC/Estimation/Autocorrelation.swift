/// Autocorrelation of a series of individual values (the usual estimator of time-series
/// analysis, as R's `acf`: lag-k autocovariance with divisor n over the variance with divisor n).
public enum Autocorrelation {
    /// The lag-`k` autocorrelation r(k) of `values`.
    public static func lag(_ k: Int, of values: [Double]) throws(SPCError) -> Double {
        guard k >= 1 else { throw SPCError("the lag must be 1 or more, got \(k)") }
        guard values.count > k + 1 else {
            throw SPCError("a lag-\(k) autocorrelation needs more than \(k + 1) values, got \(values.count)")
        }
        var sum = 0.0
        for v in values { sum += v }
        let mean = sum / Double(values.count)
        var denominator = 0.0
        for v in values { denominator += (v - mean) * (v - mean) }
        guard denominator > 0 else { throw SPCError("the values have no spread: no autocorrelation") }
        var numerator = 0.0
        for i in k..<values.count { numerator += (values[i] - mean) * (values[i - k] - mean) }
        return numerator / denominator
    }
}
