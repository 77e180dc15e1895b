/// Two-sided tabular CUSUM with qcc parity: z_t = (x_t - center) / (sigma / sqrt(n_t)),
/// C+ = max(0, C+ + z - k), C- = max(0, C- - z - k), starting at the head start; a point
/// signals (rule 1) when either sum exceeds h. The sums are not reset after a signal.
public enum CUSUMChart {
    public static func chart(
        means: [Double], sizes: [Int], center: Double, sigma: Double, k: Double, h: Double, headStart: Double,
        phase1Count: Int
    ) throws(SPCError) -> ControlChart {
        guard h > 0 else { throw SPCError("the decision interval h must be positive, got \(h)") }
        guard k >= 0 else { throw SPCError("the reference value k must not be negative, got \(k)") }
        guard headStart >= 0, headStart <= h else { throw SPCError("the head start must be in [0, h], got \(headStart)") }
        var upper = headStart
        var lower = headStart
        var points: [ChartPoint] = []
        points.reserveCapacity(means.count)
        let limits = ChartLimits(center: 0, sigma: 1, lcl: -h, ucl: h)
        for (i, x) in means.enumerated() {
            let z = (x - center) / (sigma / Double(sizes[i]).squareRoot())
            upper = Swift.max(0, upper + z - k)
            lower = Swift.max(0, lower - z - k)
            points.append(ChartPoint(
                value: x, limits: limits, phase: i < phase1Count ? 1 : 2, violation: (upper > h || lower > h) ? 1 : nil,
                upper: upper, lower: lower, source: i))
        }
        return ControlChart(statistic: .cusum, center: center, processSigma: sigma, lcl: -h, ucl: h, decisionInterval: h, points: points)
    }
}
