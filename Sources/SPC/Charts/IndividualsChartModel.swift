/// Phase I model of an individuals / moving-range chart (qcc `xbar.one` parity): center the
/// mean, sigma = mean moving range (span 2) / d2(2) = MR-bar / 1.128 (or the overall standard
/// deviation with estimator `sd`). The MR chart: MR-bar +- k MR-bar d3(2)/d2(2), LCL >= 0.
/// Moving ranges are taken only between consecutive included points.
public struct IndividualsChartModel: Sendable, Hashable, Codable {
    public var center: Double
    /// Sigma of individual values (qcc's std.dev).
    public var processSigma: Double
    /// MR-bar of the Phase I window (d2(2) sigma when sigma is known).
    public var movingRangeCenter: Double
    public var estimator: SigmaEstimator
    public var nsigmas: Double

    public init(center: Double, processSigma: Double, movingRangeCenter: Double, estimator: SigmaEstimator, nsigmas: Double) {
        self.center = center
        self.processSigma = processSigma
        self.movingRangeCenter = movingRangeCenter
        self.estimator = estimator
        self.nsigmas = nsigmas
    }

    /// Limits of an individual value.
    public var xLimits: ChartLimits { ChartLimits(center: center, sigma: processSigma, width: nsigmas) }

    /// Limits of a moving range.
    public var movingRangeLimits: ChartLimits {
        let ratio = ChartConstants.d3Table[0] / ChartConstants.d2Table[0]
        return ChartLimits(center: movingRangeCenter, sigma: movingRangeCenter * ratio, width: nsigmas, floor: 0)
    }

    /// Estimates from the values marked `included`.
    public static func estimate(_ values: [Double], included: [Bool], options: ChartOptions) throws(SPCError) -> IndividualsChartModel {
        var sum = 0.0
        var count = 0
        var mrSum = 0.0
        var mrCount = 0
        var used: [Double] = []
        for i in values.indices where included[i] {
            sum += values[i]
            count += 1
            used.append(values[i])
            if i > 0, included[i - 1] {
                mrSum += Swift.abs(values[i] - values[i - 1])
                mrCount += 1
            }
        }
        guard count >= 1 else { throw SPCError("no Phase I values") }
        let estimator = options.estimator ?? .movingRange
        let mrBar = mrCount > 0 ? mrSum / Double(mrCount) : 0
        let sigma: Double
        if let known = options.knownSigma {
            sigma = known
        } else {
            switch estimator {
            case .movingRange:
                guard mrCount > 0 else { throw SPCError("the moving range needs 2 consecutive values") }
                sigma = mrBar / ChartConstants.d2Table[0]
            case .overall:
                sigma = try SigmaEstimation.overallStandardDeviation(used)
            default:
                throw SPCError("estimator '\(estimator.rawValue)' needs subgroups; individuals use mr or sd")
            }
        }
        guard sigma > 0, sigma.isFinite else { throw SPCError("the estimated sigma is \(sigma); the data show no variation") }
        let mrCenter = options.knownSigma != nil ? ChartConstants.d2Table[0] * sigma : mrBar
        return IndividualsChartModel(
            center: options.knownCenter ?? sum / Double(count), processSigma: sigma, movingRangeCenter: mrCenter,
            estimator: estimator, nsigmas: options.nsigmas)
    }
}
