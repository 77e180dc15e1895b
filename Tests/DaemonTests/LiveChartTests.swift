import Foundation
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

@Suite struct DriftChartTests {
    /// A 1-sigma shift is invisible to rule 1 at first, but CUSUM (k 0.5, h 4) catches it in a
    /// few points: with C+ growing by 0.5 per point it passes 4 at the ninth point.
    @Test func cusumCatchesASmallSustainedShift() throws {
        var chart = LiveChart(
            characteristic: CharacteristicID("c"), phase1: 25, ruleSet: .we, rules: [1], drift: .cusum(k: 0.5, h: 4),
            restoredLimits: ControlLimits(
                characteristic: CharacteristicID("c"), statistic: "x", center: 0, sigma: 1, lcl: -3, ucl: 3,
                estimator: "mr", phase1Count: 25, computedAt: 0))
        var first: Int?
        for index in 1...20 {
            let violations = chart.add(1.0, at: Double(index)).violations
            #expect(!violations.contains { $0.statistic == "x" })
            if first == nil, violations.contains(where: { $0.statistic == "cusum" }) { first = index }
        }
        #expect(first == 9)
    }

    @Test func ewmaUsesExactLimitsAndSignalsOnASustainedShift() {
        var chart = LiveChart(
            characteristic: CharacteristicID("c"), phase1: 25, ruleSet: .we, rules: [1], drift: .ewma(lambda: 0.2, width: 3),
            restoredLimits: ControlLimits(
                characteristic: CharacteristicID("c"), statistic: "x", center: 0, sigma: 1, lcl: -3, ucl: 3,
                estimator: "mr", phase1Count: 25, computedAt: 0))
        var signalled: Int?
        for index in 1...30 where signalled == nil {
            if chart.add(1.5, at: Double(index)).violations.contains(where: { $0.statistic == "ewma" }) { signalled = index }
        }
        // z_t = 1.5 (1 - 0.8^t) > 3 sqrt(0.2/1.8 (1 - 0.64^t)) first at t = 5 (1.0085 > 0.9448).
        #expect(signalled == 5)
    }
}

@Suite struct RestartReplayTests {
    static func settings() throws -> CharacteristicSettings {
        let configuration = try ConfigurationLoader.load(
            text: EmbeddedConfiguration.demo.replacingOccurrences(of: "rules = [1]", with: "rules = [1, 4]"), source: "t")
        return configuration.characteristics[0]
    }

    static let limits = ControlLimits(
        characteristic: CharacteristicID("filling.fill_weight.n1"), statistic: "x", center: 78, sigma: 0.24, lcl: 77.28,
        ucl: 78.72, estimator: "mr", phase1Count: 25, computedAt: 0)

    static func sample(_ value: Double, _ index: Int) -> Sample {
        Sample(
            characteristic: CharacteristicID("filling.fill_weight.n1"), value: value, quality: .good,
            time: SampleTime(wall: Double(index), monotonicNanos: UInt64(index)), lot: nil, sequence: UInt64(index))
    }

    /// Seven points above the center before a restart and one after: WE rule 4 (eight in a
    /// row on one side) must still fire on the eighth, which only a replay makes possible.
    @Test func aRunThatBeganBeforeTheRestartIsSeenAfterIt() throws {
        let settings = try Self.settings()
        let before = (1...7).map { Self.sample(78.1, $0) }
        var restarted = CharacteristicJudge(settings: settings, restoredLimits: Self.limits)
        #expect(restarted.replay(before).isEmpty, "replay freezes nothing when limits exist")
        let outcome = restarted.judge(Self.sample(78.1, 8), station: "filling")
        #expect(outcome.signals.map(\.rule) == [4])
        var fresh = CharacteristicJudge(settings: settings, restoredLimits: Self.limits)
        #expect(fresh.judge(Self.sample(78.1, 8), station: "filling").signals.isEmpty)
    }

    @Test func replayIgnoresSamplesThatAreNotGood() throws {
        let settings = try Self.settings()
        var judge = CharacteristicJudge(settings: settings, restoredLimits: Self.limits)
        var samples = (1...7).map { Self.sample(78.1, $0) }
        samples[3].quality = .commError
        samples[3].value = 0
        _ = judge.replay(samples)
        #expect(judge.judge(Self.sample(78.1, 8), station: "filling").signals.isEmpty, "only 6 good points before")
        #expect(judge.judge(Self.sample(78.1, 9), station: "filling").signals.map(\.rule) == [4])
    }
}
