/// Hotelling T2 charts with qcc parity, for subgrouped or individual multivariate data.
///
/// Subgroups of size n >= 2: pooled within-subgroup covariance S = sum (n_i-1) S_i / sum (n_i-1),
/// grand mean of the subgroup means, T2_i = n (xbar_i - xbarbar)' S^-1 (xbar_i - xbarbar);
/// Phase I UCL p(m-1)(n-1)/(mn-m-p+1) F(conf; p, mn-m-p+1), Phase II limit p(m+1)(n-1)/(mn-m-p+1) F.
/// Individuals: sample mean and covariance; Phase I UCL (m-1)^2/m Beta(conf; p/2, (m-p-1)/2),
/// Phase II p(m+1)(m-1)/(m(m-p)) F(conf; p, m-p). Default confidence (1 - 0.0027)^p.
public enum HotellingT2 {
    /// The Phase I estimate and limits.
    public struct Model: Sendable, Hashable, Codable {
        public var center: [Double]
        /// Row-major p x p covariance.
        public var covariance: [Double]
        public var inverseCovariance: [Double]
        public var variables: Int
        public var subgroupSize: Int
        public var phase1Count: Int
        public var confidence: Double
        /// Phase I control limit.
        public var ucl: Double
        /// Limit for new (Phase II) points.
        public var phase2Limit: Double

        /// T2 of a subgroup mean vector of `size` observations.
        public func statistic(mean: [Double], size: Int) -> Double {
            let p = variables
            var total = 0.0
            for i in 0..<p {
                var row = 0.0
                for j in 0..<p { row += inverseCovariance[i * p + j] * (mean[j] - center[j]) }
                total += (mean[i] - center[i]) * row
            }
            return Double(size) * total
        }
    }

    /// qcc's default confidence level for p variables.
    public static func defaultConfidence(variables p: Int) -> Double {
        Elementary.pow(1 - 0.0027, p)
    }

    /// Phase I from the first `phase1Count` subgroups. Each subgroup is a list of observations,
    /// each observation a vector of the p variables.
    public static func estimate(_ subgroups: [[[Double]]], phase1Count: Int, confidence: Double?) throws(SPCError) -> Model {
        guard phase1Count >= 2, phase1Count <= subgroups.count else {
            throw SPCError("Phase I window \(phase1Count) is outside 2...\(subgroups.count)")
        }
        guard let p = subgroups.first?.first?.count, p >= 1 else { throw SPCError("no variables") }
        let window = subgroups[0..<phase1Count]
        let n = window.first!.count
        for (i, g) in subgroups.enumerated() {
            guard !g.isEmpty else { throw SPCError("subgroup \(i + 1) is empty") }
            for obs in g where obs.count != p {
                throw SPCError("subgroup \(i + 1) has an observation with \(obs.count) variables, expected \(p)")
            }
            if i < phase1Count, g.count != n {
                throw SPCError("subgroup \(i + 1) has \(g.count) observations; Phase I subgroups must all have \(n)")
            }
        }
        let m = Double(phase1Count)
        let conf = confidence ?? defaultConfidence(variables: p)
        guard conf > 0, conf < 1 else { throw SPCError("confidence must be in (0, 1), got \(conf)") }
        var center = [Double](repeating: 0, count: p)
        var cov = [Double](repeating: 0, count: p * p)
        if n == 1 {
            let rows = window.map { $0[0] }
            for r in rows { for j in 0..<p { center[j] += r[j] / m } }
            for r in rows {
                for i in 0..<p { for j in 0..<p { cov[i * p + j] += (r[i] - center[i]) * (r[j] - center[j]) / (m - 1) } }
            }
        } else {
            var df = 0.0
            for g in window {
                let mean = columnMeans(g, p: p)
                for j in 0..<p { center[j] += mean[j] / m }
                for obs in g {
                    for i in 0..<p { for j in 0..<p { cov[i * p + j] += (obs[i] - mean[i]) * (obs[j] - mean[j]) } }
                }
                df += Double(g.count - 1)
            }
            for i in 0..<(p * p) { cov[i] /= df }
        }
        guard let inverse = LinearSystem.inverse(cov, n: p) else {
            throw SPCError("the covariance matrix is singular; a variable is constant or collinear")
        }
        let pp = Double(p)
        let nn = Double(n)
        let ucl: Double
        let phase2: Double
        if n == 1 {
            guard m - pp - 1 > 0 else { throw SPCError("individual T2 needs more than \(p + 1) Phase I observations") }
            ucl = (m - 1) * (m - 1) / m * BetaFunctions.quantile(conf, pp / 2, (m - pp - 1) / 2)
            phase2 = pp * (m + 1) * (m - 1) / (m * (m - pp)) * BetaFunctions.fQuantile(conf, d1: pp, d2: m - pp)
        } else {
            let d2 = m * nn - m - pp + 1
            guard d2 > 0 else { throw SPCError("too few Phase I observations for \(p) variables") }
            let f = BetaFunctions.fQuantile(conf, d1: pp, d2: d2)
            ucl = pp * (m - 1) * (nn - 1) / d2 * f
            phase2 = pp * (m + 1) * (nn - 1) / d2 * f
        }
        return Model(center: center, covariance: cov, inverseCovariance: inverse, variables: p, subgroupSize: n,
                     phase1Count: phase1Count, confidence: conf, ucl: ucl, phase2Limit: phase2)
    }

    /// The T2 chart of every subgroup; points beyond their limit violate rule 1.
    public static func chart(_ subgroups: [[[Double]]], model: Model) -> ControlChart {
        var points: [ChartPoint] = []
        for (i, g) in subgroups.enumerated() {
            let t2 = model.statistic(mean: columnMeans(g, p: model.variables), size: g.count)
            let phase = i < model.phase1Count ? 1 : 2
            let limit = phase == 1 ? model.ucl : model.phase2Limit
            let limits = ChartLimits(center: 0, sigma: 1, lcl: 0, ucl: limit)
            points.append(ChartPoint(value: t2, limits: limits, phase: phase, violation: t2 > limit ? 1 : nil, source: i))
        }
        return ControlChart(statistic: .t2, center: 0, processSigma: nil, lcl: 0, ucl: model.ucl, points: points)
    }

    static func columnMeans(_ rows: [[Double]], p: Int) -> [Double] {
        var mean = [Double](repeating: 0, count: p)
        for r in rows { for j in 0..<p { mean[j] += r[j] } }
        return mean.map { $0 / Double(rows.count) }
    }
}
