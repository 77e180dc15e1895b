/// Short-run Z-MR chart: each value is standardised against its part's target and sigma,
/// z = (x - T_part) / sigma_part, then charted as individuals with center 0 and limits +-k,
/// and the moving range of consecutive z values (MR-bar +- k MR-bar d3(2)/d2(2), LCL >= 0).
/// Per part, from Phase I: the target is the part's mean unless given, sigma the mean moving
/// range between that part's consecutive values / d2(2) (Minitab's "by part" convention).
public enum ShortRunZMR {
    public struct PartParameters: Sendable, Hashable, Codable {
        public var target: Double
        public var sigma: Double
    }

    /// Per-part parameters from the first `phase1Count` values.
    public static func estimate(
        parts: [String], values: [Double], phase1Count: Int, targets: [String: Double] = [:]
    ) throws(SPCError) -> [String: PartParameters] {
        var byPart: [String: [Double]] = [:]
        for i in 0..<phase1Count { byPart[parts[i], default: []].append(values[i]) }
        var result: [String: PartParameters] = [:]
        for (part, xs) in byPart {
            guard xs.count >= 2 else { throw SPCError("part '\(part)' has \(xs.count) Phase I value; Z-MR needs 2 or more per part") }
            var mr = 0.0
            for i in 1..<xs.count { mr += Swift.abs(xs[i] - xs[i - 1]) }
            let sigma = mr / Double(xs.count - 1) / ChartConstants.d2Table[0]
            guard sigma > 0 else { throw SPCError("part '\(part)' shows no variation in Phase I") }
            let mean = xs.reduce(0, +) / Double(xs.count)
            result[part] = PartParameters(target: targets[part] ?? mean, sigma: sigma)
        }
        return result
    }

    public static func analyze(
        parts: [String], values: [Double], phase1Count: Int? = nil, options: ChartOptions = ChartOptions(),
        targets: [String: Double] = [:]
    ) throws(SPCError) -> (parameters: [String: PartParameters], analysis: ChartAnalysis) {
        let m = phase1Count ?? values.count
        guard m >= 2, m <= values.count, parts.count == values.count else {
            throw SPCError("Phase I window \(m) is outside 2...\(values.count)")
        }
        let parameters = try estimate(parts: parts, values: values, phase1Count: m, targets: targets)
        var zs: [Double] = []
        for (i, x) in values.enumerated() {
            guard let par = parameters[parts[i]] else {
                throw SPCError("value \(i + 1) belongs to part '\(parts[i])', which has no Phase I values")
            }
            zs.append((x - par.target) / par.sigma)
        }
        var zOptions = options
        zOptions.knownCenter = 0
        zOptions.knownSigma = 1
        zOptions.estimator = .movingRange
        // Z is standardised: center 0, sigma 1; the MR chart of z uses the Phase I MR-bar of z.
        var model = try IndividualsChartModel.estimate(Array(zs[0..<m]), included: [Bool](repeating: true, count: m), options: zOptions)
        var mrSum = 0.0
        for i in 1..<m { mrSum += Swift.abs(zs[i] - zs[i - 1]) }
        model.movingRangeCenter = mrSum / Double(m - 1)
        var charts = IndividualsCharts.charts(zs, model: model, phase1Count: m, rules: options.rules)
        charts[0].statistic = .z
        return (parameters, ChartAnalysis(phase1Count: m, excluded: [], charts: charts))
    }
}
