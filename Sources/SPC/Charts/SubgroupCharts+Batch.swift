extension SubgroupCharts {
    /// Phase I of an X-bar/R chart straight from a flat buffer of equal subgroups of `n` values
    /// (2...25), in one pass without allocation: the grand mean and R-bar/d2(n) (qcc's defaults
    /// for equal sizes; the same numbers as `phaseOne` up to summation order).
    public static func batchPhaseOne(
        values: UnsafeBufferPointer<Double>, subgroupSize n: Int, nsigmas: Double = 3
    ) throws(SPCError) -> SubgroupChartModel {
        guard let d2 = ChartConstants.d2(n) else { throw SPCError("subgroup size \(n) is outside 2...25") }
        let m = values.count / n
        guard m >= 1, values.count == m * n else {
            throw SPCError("\(values.count) values do not split into subgroups of \(n)")
        }
        var total = 0.0
        var rangeSum = 0.0
        var base = values.baseAddress!
        for _ in 0..<m {
            var sum = base[0]
            var lo = sum
            var hi = sum
            for j in 1..<n {
                let x = base[j]
                sum += x
                lo = x < lo ? x : lo
                hi = x > hi ? x : hi
            }
            total += sum
            rangeSum += hi - lo
            base += n
        }
        let rBar = rangeSum / Double(m)
        return SubgroupChartModel(
            dispersion: .range, center: total / Double(values.count), processSigma: rBar / d2, dispersionCenter: rBar,
            estimator: .range, nsigmas: nsigmas)
    }

    /// `batchPhaseOne` on an array.
    public static func batchPhaseOne(values: [Double], subgroupSize n: Int, nsigmas: Double = 3) throws(SPCError) -> SubgroupChartModel {
        try values.withUnsafeBufferPointer { (buffer) throws(SPCError) -> SubgroupChartModel in
            try batchPhaseOne(values: buffer, subgroupSize: n, nsigmas: nsigmas)
        }
    }
}
