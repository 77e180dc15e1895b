import Foundation

/// A capability study of the simulated line: the line played in control (no faults) for a long
/// stretch of line time with its own seed, and each characteristic's stream summarised as a
/// plant's engineers would before approving control limits: center (mean), sigma (overall
/// sample standard deviation, n - 1 divisor) and lag-1 autocorrelation (R's `acf` convention),
/// on the scale the daemon charts it (ln of the value with `transform = "log"`, values <= 0
/// left out).
///
/// The daemon configuration the simulator writes carries these as `known_limits` for the
/// characteristics whose line-file hints ask for it: the scorecard then judges monitoring with
/// limits from history, as on a running line, instead of a fresh Phase I of a few dozen points
/// at the start of every run (whose estimation error would dominate the false-signal rate).
/// Deterministic for a line, seed and duration.
public struct LineStudy: Sendable, Hashable {
    public struct Estimate: Sendable, Hashable {
        public var center: Double
        public var sigma: Double
        public var phi: Double
        public var count: Int
    }

    /// Keyed by the daemon characteristic id (`DaemonConfigurationWriter.characteristicID`).
    public var estimates: [String: Estimate]
    public var seed: UInt64
    public var lineSeconds: Double

    /// The seed and line time of the study the scorecard and the demo use (twenty days of line).
    public static let defaultSeed: UInt64 = 20_261_129
    public static let defaultLineSeconds: Double = 1_728_000

    public init(line: LineDefinition, seed: UInt64 = defaultSeed, lineSeconds: Double = defaultLineSeconds) throws(DefinitionError) {
        var engine = try LineEngine(line: line, scenario: ScenarioDefinition(name: "study", seed: seed), seed: seed)
        var series: [String: [Double]] = [:]
        for record in engine.advance(to: lineSeconds) {
            let station = line.stations[record.stationIndex]
            for (index, characteristic) in station.characteristics.enumerated() {
                for (stream, value) in record.values[index].enumerated() {
                    let scaled = characteristic.chart.transform == "log" ? (value > 0 ? log(value) : nil) : value
                    guard let scaled, scaled.isFinite else { continue }
                    let id = DaemonConfigurationWriter.characteristicID(station, characteristic, stream: stream)
                    series[id, default: []].append(scaled)
                }
            }
        }
        var estimates: [String: Estimate] = [:]
        for (id, values) in series where values.count >= 3 {
            let mean = values.reduce(0, +) / Double(values.count)
            var squares = 0.0
            var lagged = 0.0
            for (index, value) in values.enumerated() {
                squares += (value - mean) * (value - mean)
                if index > 0 { lagged += (value - mean) * (values[index - 1] - mean) }
            }
            guard squares > 0 else { continue }
            estimates[id] = Estimate(
                center: mean, sigma: (squares / Double(values.count - 1)).squareRoot(), phi: lagged / squares,
                count: values.count)
        }
        self.estimates = estimates
        self.seed = seed
        self.lineSeconds = lineSeconds
    }
}
