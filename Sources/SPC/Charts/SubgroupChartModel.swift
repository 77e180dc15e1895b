/// Phase I model of an X-bar chart with its R or S companion (qcc parity).
///
/// Center: the size-weighted grand mean. Sigma: mean(R_i/d2(n_i)) for X-bar/R (pooled RMSDF
/// when a subgroup exceeds 25), mean(s_i/c4(n_i)) for X-bar/S, or the chosen estimator.
/// Estimator `sd` uses the overall standard deviation of all the values instead.
/// X-bar limits: center +- k sigma / sqrt(n). R: R-bar +- k d3(n) sigma, LCL >= 0.
/// S: S-bar +- k sigma sqrt(1 - c4(n)^2), LCL >= 0. R-bar and S-bar are size-weighted.
/// With a known sigma the R and S centers become d2(n) sigma and c4(n) sigma.
public struct SubgroupChartModel: Sendable, Hashable, Codable {
    /// The companion chart of the X-bar chart.
    public enum Dispersion: String, Sendable, Hashable, Codable {
        case range
        case standardDeviation
    }

    public var dispersion: Dispersion
    public var center: Double
    /// Within-subgroup sigma of individual values (qcc's std.dev).
    public var processSigma: Double
    /// R-bar or S-bar of the Phase I subgroups.
    public var dispersionCenter: Double
    public var estimator: SigmaEstimator
    public var nsigmas: Double
    /// True when sigma was given rather than estimated.
    public var sigmaKnown: Bool

    public init(
        dispersion: Dispersion, center: Double, processSigma: Double, dispersionCenter: Double,
        estimator: SigmaEstimator, nsigmas: Double, sigmaKnown: Bool = false
    ) {
        self.dispersion = dispersion
        self.center = center
        self.processSigma = processSigma
        self.dispersionCenter = dispersionCenter
        self.estimator = estimator
        self.nsigmas = nsigmas
        self.sigmaKnown = sigmaKnown
    }

    /// Limits of the mean of a subgroup of `size`.
    public func xbarLimits(size: Int) -> ChartLimits {
        ChartLimits(center: center, sigma: processSigma / Double(size).squareRoot(), width: nsigmas)
    }

    /// Limits of the range or standard deviation of a subgroup of `size` (nil when the size has
    /// no tabulated constants: R beyond 25, or a subgroup of one).
    public func dispersionLimits(size: Int) -> ChartLimits? {
        switch dispersion {
        case .range:
            guard let d2 = ChartConstants.d2(size), let d3 = ChartConstants.d3(size) else { return nil }
            if sigmaKnown {
                return ChartLimits(center: d2 * processSigma, sigma: d3 * processSigma, width: nsigmas, floor: 0)
            }
            return ChartLimits(center: dispersionCenter, sigma: d3 * processSigma, width: nsigmas, floor: 0)
        case .standardDeviation:
            guard size >= 2 else { return nil }
            let c4 = ChartConstants.c4(size)
            let center = sigmaKnown ? c4 * processSigma : dispersionCenter
            return ChartLimits(center: center, sigma: processSigma * (1 - c4 * c4).squareRoot(), width: nsigmas, floor: 0)
        }
    }

    /// The companion statistic of a subgroup.
    public func dispersionValue(_ g: Subgroup) -> Double {
        dispersion == .range ? g.range : g.standardDeviation
    }

    /// The default estimator: R-bar/d2 (pooled above 25) for X-bar/R, S-bar/c4 for X-bar/S.
    public static func defaultEstimator(_ dispersion: Dispersion, subgroups: [Subgroup]) -> SigmaEstimator {
        if dispersion == .standardDeviation { return .standardDeviation }
        return subgroups.contains { $0.size > ChartConstants.maximumRangeSubgroupSize } ? .pooled : .range
    }

    /// Estimates the model from the subgroups marked `included`.
    public static func estimate(
        _ subgroups: [Subgroup], included: [Bool], dispersion: Dispersion, options: ChartOptions
    ) throws(SPCError) -> SubgroupChartModel {
        let used = zip(subgroups, included).filter { $0.1 }.map(\.0)
        guard !used.isEmpty else { throw SPCError("no Phase I subgroups") }
        let estimator = options.estimator ?? defaultEstimator(dispersion, subgroups: used)
        var weightedMean = 0.0
        var weightedDispersion = 0.0
        var total = 0.0
        for g in used {
            let n = Double(g.size)
            weightedMean += n * g.mean
            weightedDispersion += n * (dispersion == .range ? g.range : g.standardDeviation)
            total += n
        }
        let sigma: Double
        if let known = options.knownSigma {
            sigma = known
        } else if estimator == .overall {
            sigma = try SigmaEstimation.overall(used)
        } else {
            sigma = try SigmaEstimation.within(used, estimator: estimator)
        }
        guard sigma > 0, sigma.isFinite else { throw SPCError("the estimated sigma is \(sigma); the data show no variation") }
        return SubgroupChartModel(
            dispersion: dispersion, center: options.knownCenter ?? weightedMean / total, processSigma: sigma,
            dispersionCenter: weightedDispersion / total, estimator: estimator, nsigmas: options.nsigmas,
            sigmaKnown: options.knownSigma != nil)
    }
}
