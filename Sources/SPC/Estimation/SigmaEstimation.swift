/// Sigma estimation from subgroups or individual values.
public enum SigmaEstimation {
    /// Within-subgroup sigma from subgroup summaries.
    public static func within(_ subgroups: [Subgroup], estimator: SigmaEstimator) throws(SPCError) -> Double {
        guard !subgroups.isEmpty else { throw SPCError("no subgroups to estimate sigma from") }
        switch estimator {
        case .range:
            var sum = 0.0
            for (i, g) in subgroups.enumerated() {
                guard let d2 = ChartConstants.d2(g.size) else {
                    throw SPCError("subgroup \(i + 1) has \(g.size) values; R-bar/d2 needs 2...25 (use --estimator pooled or s)")
                }
                sum += g.range / d2
            }
            return sum / Double(subgroups.count)
        case .standardDeviation:
            var sum = 0.0
            for (i, g) in subgroups.enumerated() {
                guard g.size >= 2 else { throw SPCError("subgroup \(i + 1) has a single value; S-bar/c4 needs 2 or more") }
                sum += g.standardDeviation / ChartConstants.c4(g.size)
            }
            return sum / Double(subgroups.count)
        case .pooled:
            var numerator = 0.0
            var df = 0
            for g in subgroups where g.size >= 2 {
                numerator += Double(g.size - 1) * g.standardDeviation * g.standardDeviation
                df += g.size - 1
            }
            guard df > 0 else { throw SPCError("pooled sigma needs a subgroup with 2 or more values") }
            return (numerator / Double(df)).squareRoot() / ChartConstants.c4(df + 1)
        case .movingRange:
            return try individuals(subgroups.map(\.mean), estimator: .movingRange)
        case .overall:
            return try overall(subgroups)
        }
    }

    /// Sigma from individual values (moving range of span 2, or the overall standard deviation).
    public static func individuals(_ values: [Double], estimator: SigmaEstimator) throws(SPCError) -> Double {
        switch estimator {
        case .movingRange:
            guard values.count >= 2 else { throw SPCError("the moving range needs at least 2 values") }
            var sum = 0.0
            for i in 1..<values.count { sum += Swift.abs(values[i] - values[i - 1]) }
            return sum / Double(values.count - 1) / ChartConstants.d2Table[0]
        case .overall:
            return try overallStandardDeviation(values)
        default:
            throw SPCError("estimator '\(estimator.rawValue)' needs subgroups; individuals use mr or sd")
        }
    }

    /// The sample standard deviation (n - 1 divisor) of all values, two-pass.
    public static func overallStandardDeviation(_ values: [Double]) throws(SPCError) -> Double {
        guard values.count >= 2 else { throw SPCError("a standard deviation needs at least 2 values") }
        var sum = 0.0
        for v in values { sum += v }
        let mean = sum / Double(values.count)
        var ss = 0.0
        for v in values { ss += (v - mean) * (v - mean) }
        return (ss / Double(values.count - 1)).squareRoot()
    }

    /// The sample standard deviation of all the values behind the subgroups, from their
    /// summaries: sum (n_i - 1) s_i^2 + sum n_i (mean_i - grand mean)^2 over N - 1.
    public static func overall(_ subgroups: [Subgroup]) throws(SPCError) -> Double {
        var n = 0.0
        var sum = 0.0
        for g in subgroups {
            n += Double(g.size)
            sum += Double(g.size) * g.mean
        }
        guard n >= 2 else { throw SPCError("a standard deviation needs at least 2 values") }
        let grand = sum / n
        var squares = 0.0
        for g in subgroups {
            let d = g.mean - grand
            squares += Double(g.size - 1) * g.standardDeviation * g.standardDeviation + Double(g.size) * d * d
        }
        return (squares / (n - 1)).squareRoot()
    }
}
