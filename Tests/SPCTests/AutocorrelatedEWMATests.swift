import Foundation
import SPC
import Testing

/// The EWMA of AR(1) values: its limits use the exact variance of z_t, checked against the
/// double sum Var(z_t) = lambda^2 sigma^2 sum_i sum_j w^i w^j phi^|i-j| (i, j < t), and the
/// ordinary EWMA when phi = 0; and the lag-1 autocorrelation as R's acf computes it.
struct AutocorrelatedEWMATests {
    static func bruteForceSigma(t: Int, sigma: Double, phi: Double, lambda: Double) -> Double {
        let w = 1 - lambda
        var sum = 0.0
        for i in 0..<t {
            for j in 0..<t { sum += pow(w, Double(i)) * pow(w, Double(j)) * pow(phi, Double(abs(i - j))) }
        }
        return sigma * lambda * sum.squareRoot()
    }

    @Test(arguments: [0.0, 0.3, 0.6, 0.9])
    func limitsFollowTheExactVarianceOfTheStatistic(phi: Double) throws {
        var monitor = try AR1EWMAMonitor(center: 5, sigma: 2, phi: phi, lambda: 0.2, width: 3)
        for t in 1...60 {
            let point = monitor.next(5)
            let expected = Self.bruteForceSigma(t: t, sigma: 2, phi: phi, lambda: 0.2)
            #expect(abs(point.limits.sigma - expected) <= 1e-12 * expected, "t = \(t)")
            #expect(abs(point.limits.ucl - (5 + 3 * expected)) <= 1e-12 * 5)
        }
        let w = 0.8
        let closedForm = 2 * 0.2 * ((1 + 2 * w * phi / (1 - w * phi)) / (1 - w * w)).squareRoot()
        #expect(abs(monitor.asymptoticSigma - closedForm) <= 1e-12 * closedForm)
        #expect(abs(Self.bruteForceSigma(t: 400, sigma: 2, phi: phi, lambda: 0.2) - closedForm) <= 1e-9)
    }

    @Test func independentValuesGiveTheOrdinaryEWMA() throws {
        var ar1 = try AR1EWMAMonitor(center: 0, sigma: 1, phi: 0, lambda: 0.2, width: 3)
        var plain = try EWMAMonitor(center: 0, sigma: 1, lambda: 0.2, width: 3)
        var rng = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let x = rng.nextGaussian() + 0.4
            let a = ar1.next(x)
            let b = plain.next(x)
            #expect(abs(a.ewma - b.ewma) <= 1e-12)
            #expect(abs(a.limits.ucl - b.limits.ucl) <= 1e-12)
            #expect(a.violation == b.violation)
        }
    }

    @Test func restartReturnsToTheStartUpLimits() throws {
        var monitor = try AR1EWMAMonitor(center: 0, sigma: 1, phi: 0.6, lambda: 0.2, width: 3)
        let first = monitor.next(10)
        #expect(first.violation == 1)
        for _ in 0..<20 { _ = monitor.next(0) }
        monitor.restart()
        #expect(monitor.next(0).limits == first.limits)
    }

    @Test func rejectsParametersOutsideTheModel() {
        #expect(throws: SPCError.self) { try AR1EWMAMonitor(center: 0, sigma: 1, phi: 1, lambda: 0.2, width: 3) }
        #expect(throws: SPCError.self) { try AR1EWMAMonitor(center: 0, sigma: 0, phi: 0.5, lambda: 0.2, width: 3) }
        #expect(throws: SPCError.self) { try AR1EWMAMonitor(center: 0, sigma: 1, phi: 0.5, lambda: 1.5, width: 3) }
    }

    /// R: acf(1:5, plot = FALSE)$acf[2] = 0.4; acf(c(2, 4, 3, 5, 1, 6), plot = FALSE)$acf[2] = -0.6714286.
    @Test func lagOneAutocorrelationAsR() throws {
        #expect(abs(try Autocorrelation.lag(1, of: [1, 2, 3, 4, 5]) - 0.4) <= 1e-15)
        #expect(abs(try Autocorrelation.lag(1, of: [2, 4, 3, 5, 1, 6]) - (-0.6714285714285714)) <= 1e-12)
        #expect(throws: SPCError.self) { try Autocorrelation.lag(1, of: [1, 1, 1, 1]) }
        #expect(throws: SPCError.self) { try Autocorrelation.lag(1, of: [1, 2]) }
    }

    /// On a long simulated AR(1) series the estimate is close to the true phi.
    @Test func estimatesPhiOfASimulatedSeries() throws {
        var rng = SplitMix64(seed: 42)
        var x = 0.0
        var values: [Double] = []
        for _ in 0..<20_000 {
            x = 0.6 * x + 0.8 * rng.nextGaussian()
            values.append(x)
        }
        #expect(abs(try Autocorrelation.lag(1, of: values) - 0.6) < 0.02)
    }
}
