import LineModel
import SPC
import Store

/// Cpk of each characteristic over its recent good samples, for `lineguard status`: within
/// sigma from the mean moving range (as the individuals chart estimates it), qcc conventions.
enum RecentCapability {
    /// How many of the latest samples form the recent window.
    static let window = 125

    /// Cpk by characteristic id; absent where fewer than 10 good values or no spec limit.
    static func cpk(reader: StoreReader, characteristics: [CharacteristicStatus]) -> [String: Double] {
        var result: [String: Double] = [:]
        for characteristic in characteristics where characteristic.lsl != nil || characteristic.usl != nil {
            guard
                let samples = try? reader.latestSamples(characteristic: CharacteristicID(characteristic.id), count: window)
            else { continue }
            let values = samples.filter(\.quality.isGood).map(\.value)
            guard values.count >= 10, let sigma = try? SigmaEstimation.individuals(values, estimator: .movingRange),
                sigma > 0
            else { continue }
            let mean = values.reduce(0, +) / Double(values.count)
            if let report = try? CapabilityReport(
                values: values, center: mean, withinSigma: sigma, lsl: characteristic.lsl, usl: characteristic.usl,
                target: nil, confidence: 0.95), let cpk = report.cpk?.value
            {
                result[characteristic.id] = cpk
            }
        }
        return result
    }
}
