@testable import Daemon
import LineModel
import Testing

@Suite struct LiveChartTests {
    /// Phase I of 4 values freezes limits from mean and MR-bar / 1.128; then rule 1 fires above
    /// the UCL on X and on MR, and nothing fires inside the limits.
    @Test func phaseOneThenFrozenLimitsAndRuleOne() throws {
        var chart = LiveChart(characteristic: CharacteristicID("c"), phase1: 4, ruleSet: .we, rules: [1], restoredLimits: nil)
        var frozen: [ControlLimits] = []
        for value in [10.0, 11.0, 10.0, 11.0] { frozen += chart.add(value, at: 0).frozen }
        #expect(chart.isPhaseII)
        let x = try #require(frozen.first { $0.statistic == "x" })
        let sigma = 1.0 / 1.128
        #expect(abs(x.center - 10.5) < 1e-12)
        #expect(abs(x.sigma - sigma) < 1e-12)
        #expect(abs(x.ucl! - (10.5 + 3 * sigma)) < 1e-12)
        let mr = try #require(frozen.first { $0.statistic == "mr" })
        #expect(abs(mr.ucl! - (1.0 + 3 * 0.8525033 * sigma)) < 1e-9)
        #expect(chart.add(11.0, at: 1).violations.isEmpty)
        let high = chart.add(10.5 + 3.2 * sigma, at: 2).violations
        #expect(high.map(\.statistic) == ["x"])
        let drop = chart.add(10.5 - 3.1 * sigma, at: 3).violations
        #expect(Set(drop.map(\.statistic)) == ["x", "mr"])
        #expect(drop.allSatisfy { $0.rule == 1 })
    }

    @Test func constantPhaseOneStartsAgainInsteadOfZeroSigma() {
        var chart = LiveChart(characteristic: CharacteristicID("c"), phase1: 3, ruleSet: .we, rules: [1], restoredLimits: nil)
        for _ in 0..<3 { #expect(chart.add(5, at: 0).frozen.isEmpty) }
        #expect(!chart.isPhaseII)
    }

    @Test func restoredLimitsSkipPhaseOne() {
        let limits = ControlLimits(
            characteristic: CharacteristicID("c"), statistic: "x", center: 78, sigma: 0.24, lcl: 77.28, ucl: 78.72,
            estimator: "mr", phase1Count: 25, computedAt: 0)
        var chart = LiveChart(characteristic: CharacteristicID("c"), phase1: 25, ruleSet: .we, rules: [1], restoredLimits: limits)
        #expect(chart.isPhaseII)
        #expect(chart.add(76.5, at: 0).violations.first?.rule == 1)
    }
}
