import SPC

/// A 95 % confidence interval for a scenario's false-signal rate over its seeds, per 1000
/// in-control samples: the ratio estimator r (all false signals over all in-control samples)
/// with its standard error from the seed-to-seed spread,
/// `sqrt(sum (s_i - r n_i)^2 / (k (k - 1))) / mean(n)`, and Student's t with k - 1 degrees of
/// freedom. Signals cluster within a run (an episode of
/// an autocorrelated chart), so a Poisson interval on the count would be too narrow; the spread
/// between seeds carries the clustering. The standard error is at least the Poisson one,
/// `sqrt(r / N)` (seeds that happen to agree exactly would otherwise give a zero-width interval),
/// and with no signal at all the upper bound is the rule of three, 3 / N. Seeds without
/// in-control samples do not count. Nil for fewer than two seeds with samples.
enum FalseSignalInterval {
    static func per1000(signals: [Int], samples: [Int]) -> ClosedRange<Double>? {
        let seeds = zip(signals, samples).filter { $0.1 > 0 }
        let k = seeds.count
        let total = seeds.reduce(0) { $0 + $1.1 }
        guard k >= 2 else { return nil }
        let count = seeds.reduce(0) { $0 + $1.0 }
        if count == 0 { return 0...(3000 / Double(total)) }
        let rate = Double(count) / Double(total)
        var squares = 0.0
        for (signals, samples) in seeds {
            let residual = Double(signals) - rate * Double(samples)
            squares += residual * residual
        }
        let meanSamples = Double(total) / Double(k)
        let spread = (squares / Double(k * (k - 1))).squareRoot() / meanSamples
        let standardError = max(spread, (rate / Double(total)).squareRoot())
        let t = BetaFunctions.fQuantile(0.95, d1: 1, d2: Double(k - 1)).squareRoot()
        return max(0, 1000 * (rate - t * standardError))...(1000 * (rate + t * standardError))
    }
}
