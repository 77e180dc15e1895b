/// How the daemon configuration the simulator writes should chart a characteristic: the
/// daemon's own keys (`chart`, `ewma_lambda`, `ewma_width`, `cusum_k`, `cusum_h`,
/// `sigma_estimator`, `moving_range_chart`, `autocorrelation`, `transform`, and `known_limits`), given in the line
/// file beside the characteristic's in-control model, so that the chart fits the data (an EWMA
/// for AR(1) web data, a CUSUM for a nozzle's small steps, the log scale for a log-normal K).
/// Only the given keys are written; the daemon's defaults apply to the rest and the daemon's
/// configuration loader checks the combination.
public struct ChartHints: Sendable, Hashable {
    public var chart = "imr"
    public var ewmaLambda: Double?
    public var ewmaWidth: Double?
    public var cusumK: Double?
    public var cusumH: Double?
    public var sigmaEstimator: String?
    public var movingRangeChart: Bool?
    public var autocorrelation: String?
    public var transform: String?
    /// `known_limits = true`: the daemon gets the in-control model (nominal, sigma, phi) as
    /// limits from a capability study (`known_limits = { ... }`) instead of a Phase I from live
    /// data: for slow stations (a sample every few minutes or hours), where a Phase I long
    /// enough to trust would take a shift or more, as a plant carries limits over from its study.
    public var knownLimits = false

    public init() {}

    /// The daemon configuration lines (`key = value`), in a fixed order.
    public var daemonLines: [String] {
        var lines = ["chart = \"\(chart)\""]
        if let ewmaLambda { lines.append("ewma_lambda = \(Self.number(ewmaLambda))") }
        if let ewmaWidth { lines.append("ewma_width = \(Self.number(ewmaWidth))") }
        if let cusumK { lines.append("cusum_k = \(Self.number(cusumK))") }
        if let cusumH { lines.append("cusum_h = \(Self.number(cusumH))") }
        if let sigmaEstimator { lines.append("sigma_estimator = \"\(sigmaEstimator)\"") }
        if let movingRangeChart { lines.append("moving_range_chart = \(movingRangeChart)") }
        if let autocorrelation { lines.append("autocorrelation = \"\(autocorrelation)\"") }
        if let transform { lines.append("transform = \"\(transform)\"") }
        return lines
    }

    static func number(_ value: Double) -> String {
        let text = "\(value)"
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }

    /// Reads the hint keys of a line-file characteristic table.
    static func parse(_ table: DefinitionReader) -> ChartHints {
        var hints = ChartHints()
        hints.chart = table.choice("chart", required: false, ["imr", "ewma", "cusum"]) { $0 } ?? "imr"
        hints.ewmaLambda = table.double("ewma_lambda", required: false, in: 1e-6...1, expected: "a number in (0, 1]")
        hints.ewmaWidth = table.double("ewma_width", required: false, in: 1e-6...100, expected: "a positive number of sigmas")
        hints.cusumK = table.double("cusum_k", required: false, in: 0...100, expected: "a number of sigmas, 0 or more")
        hints.cusumH = table.double("cusum_h", required: false, in: 1e-6...100, expected: "a positive number of sigmas")
        hints.sigmaEstimator = table.choice("sigma_estimator", required: false, ["mr", "sd"]) { $0 }
        hints.movingRangeChart = table.bool("moving_range_chart", required: false)
        hints.autocorrelation = table.choice("autocorrelation", required: false, ["none", "ar1"]) { $0 }
        hints.transform = table.choice("transform", required: false, ["none", "log"]) { $0 }
        hints.knownLimits = table.bool("known_limits", required: false) ?? false
        return hints
    }
}
