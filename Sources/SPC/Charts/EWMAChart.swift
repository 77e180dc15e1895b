/// EWMA chart with qcc parity: z_t = lambda x_t + (1 - lambda) z_{t-1}, z_0 = center, and the
/// exact time-varying limits center +- L sigma/sqrt(n_t) sqrt(lambda/(2-lambda) (1-(1-lambda)^(2t))).
/// Only limit crossings are flagged (rule 1).
public enum EWMAChart {
    /// The sigma of z_t for a statistic with standard error `standardError`, at step t >= 1.
    public static func smoothedSigma(standardError: Double, lambda: Double, step t: Int) -> Double {
        let decay = Elementary.pow(1 - lambda, 2 * t)
        return standardError * (lambda / (2 - lambda) * (1 - decay)).squareRoot()
    }

    /// The chart of a sequence of subgroup means (sizes n_t; 1 for individuals).
    public static func chart(
        means: [Double], sizes: [Int], center: Double, sigma: Double, lambda: Double, width: Double, phase1Count: Int
    ) throws(SPCError) -> ControlChart {
        guard lambda > 0, lambda <= 1 else { throw SPCError("lambda must be in (0, 1], got \(lambda)") }
        guard width > 0 else { throw SPCError("the EWMA limit width L must be positive, got \(width)") }
        var z = center
        var decay = 1.0
        var points: [ChartPoint] = []
        points.reserveCapacity(means.count)
        for (i, x) in means.enumerated() {
            z = lambda * x + (1 - lambda) * z
            decay *= (1 - lambda) * (1 - lambda)
            let se = sigma / Double(sizes[i]).squareRoot()
            let s = se * (lambda / (2 - lambda) * (1 - decay)).squareRoot()
            let limits = ChartLimits(center: center, sigma: s, width: width)
            points.append(ChartPoint(
                value: x, limits: limits, phase: i < phase1Count ? 1 : 2, violation: limits.isOutside(z) ? 1 : nil,
                smoothed: z, source: i))
        }
        return ControlChart(statistic: .ewma, center: center, processSigma: sigma, lcl: nil, ucl: nil, points: points)
    }
}
