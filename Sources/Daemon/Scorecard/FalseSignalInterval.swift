import SPC

/// A 95 % confidence interval for a scenario's false-signal rate over its seeds, per 1000
/// in-control samples: the ratio estimator r (all false signals over all in-control samples)
/// with its standard error from the seed-to-seed spread,
/// `sqrt(sum (s_i - r n_i)^2 / (k (k - 1))) / mean(n)`, and Student's t with k - 1 degrees of
/// freedom. Signals cluster within a run (an episode of
/// an autocorrelated chart), so a Poisson interval on the count would be too narrow; the spread
/// between seeds carries the clustering. Nil for fewer than two seeds or no samples.
enum FalseSignalInterval {
    static func per1000(signals: [Int], samples: [Int]) -> ClosedRange<Double>? {
        let k = min(signals.count, samples.count)
        let total = samples.prefix(k).reduce(0, +)
        guard k >= 2, total > 0 else { return nil }
        let rate = Double(signals.prefix(k).reduce(0, +)) / Double(total)
        var squares = 0.0
        for index in 0..<k {
            let residual = Double(signals[index]) - rate * Double(samples[index])
            squares += residual * residual
        }
        let meanSamples = Double(total) / Double(k)
        let standardError = (squares / Double(k * (k - 1))).squareRoot() / meanSamples
        let t = BetaFunctions.fQuantile(0.95, d1: 1, d2: Double(k - 1)).squareRoot()
        return max(0, 1000 * (rate - t * standardError))...(1000 * (rate + t * standardError))
    }
}
