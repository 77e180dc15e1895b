import Foundation
@testable import Daemon
import LineModel
import SPC
import Simulator
import Testing

/// The chart models of a characteristic: overall-SD sigma and AR(1) EWMA for autocorrelated
/// values, the MR chart switched off, the log scale, and limits from a study.
@Suite struct ChartModelTests {
    static let id = CharacteristicID("coating.loading.lane1")

    static func model(
        sigma: ChartModelSettings.SigmaChoice = .mr, movingRange: Bool = true, ar1: Bool = false,
        log: Bool = false, known: ChartModelSettings.KnownLimits? = nil
    ) -> ChartModelSettings {
        var model = ChartModelSettings()
        model.sigma = sigma
        model.movingRangeSignals = movingRange
        model.autocorrelation = ar1 ? .ar1 : .none
        model.transform = log ? .log : .none
        model.known = known
        return model
    }

    static func ar1Series(count: Int, phi: Double, sigma: Double, seed: UInt64) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        var x = 0.0
        return (0..<count).map { _ in
            x = phi * x + (1 - phi * phi).squareRoot() * sigma * rng.nextGaussian()
            return 30 + x
        }
    }

    /// Phase I with the overall SD and AR(1): the recorded limits carry sigma = sd(window),
    /// phi = r(1) of the window, estimator "sd", and no MR row when the MR chart is off.
    @Test func phaseOneRecordsSigmaAndAutocorrelation() throws {
        let model = Self.model(sigma: .sd, movingRange: false, ar1: true)
        var chart = LiveChart(
            characteristic: Self.id, phase1: 80, ruleSet: .we, rules: [1], drift: .ewma(lambda: 0.2, width: 3), model: model,
            restoredLimits: nil)
        let values = Self.ar1Series(count: 80, phi: 0.6, sigma: 0.08, seed: 3)
        var frozen: [ControlLimits] = []
        for (index, value) in values.enumerated() { frozen += chart.add(value, at: Double(index)).frozen }
        #expect(frozen.map(\.statistic) == ["x"])
        let limits = try #require(frozen.first)
        let sd = try SigmaEstimation.overallStandardDeviation(values)
        #expect(abs(limits.sigma - sd) <= 1e-12 * sd)
        #expect(limits.estimator == "sd")
        #expect(abs(limits.autocorrelation! - max(0, try Autocorrelation.lag(1, of: values))) <= 1e-12)
        #expect(abs(limits.ucl! - (limits.center + 3 * sd)) <= 1e-9)
    }

    /// On an in-control AR(1) series (phi 0.6) the MR-based individuals chart with WE rules and a
    /// Phase I raises many false signals; the AR(1) model (rule 1 and the AR(1) EWMA, with the
    /// process's limits) no more than the design's 1/370 + 1/ARL(EWMA) per point of
    /// independent values.
    @Test func autocorrelatedValuesKeepTheDesignedFalseSignalRate() throws {
        let values = Self.ar1Series(count: 40_200, phi: 0.6, sigma: 0.08, seed: 11)
        func signals(_ model: ChartModelSettings, drift: DriftChart.Kind, rules: [Int]) -> Int {
            var chart = LiveChart(
                characteristic: Self.id, phase1: 200, ruleSet: .we, rules: rules, drift: drift, model: model,
                restoredLimits: nil)
            return values.enumerated().reduce(0) { $0 + chart.add($1.element, at: Double($1.offset)).violations.count }
        }
        let naive = signals(Self.model(), drift: .none, rules: [1, 2, 3, 4])
        let known = ChartModelSettings.KnownLimits(center: 30, sigma: 0.08, phi: 0.6)
        let ar1 = signals(
            Self.model(sigma: .sd, movingRange: false, ar1: true, known: known), drift: .ewma(lambda: 0.2, width: 3), rules: [1])
        let perThousand = Double(ar1) * 1000 / 40_000
        let design = 1000 * (1 / 370.398 + 1 / (try EWMAARL.arl(lambda: 0.2, width: 3, shift: 0, limits: .exact)))
        #expect(Double(naive) * 1000 / 40_000 > 40)
        // Measured here: 4.4 per 1000 (114 x, 63 ewma) against a design of 4.5.
        #expect(perThousand < 1.2 * design, "AR(1) model: \(perThousand) per 1000, design \(design)")
    }

    /// A sustained shift: the EWMA restarts after each signal, so it signals again after a
    /// fresh run, not at every point.
    @Test func ewmaSignalsOncePerEpisode() throws {
        let limits = ControlLimits(
            characteristic: Self.id, statistic: "x", center: 0, sigma: 1, lcl: -3, ucl: 3, estimator: "mr", phase1Count: 25,
            computedAt: 0)
        var chart = LiveChart(
            characteristic: Self.id, phase1: 25, ruleSet: .we, rules: [1], drift: .ewma(lambda: 0.2, width: 3),
            restoredLimits: limits)
        var at: [Int] = []
        for index in 1...20 where chart.add(1.5, at: Double(index)).violations.contains(where: { $0.statistic == "ewma" }) {
            at.append(index)
        }
        // From z = 0 the shift of 1.5 sigma crosses first at t = 5 (see DriftChartTests), and
        // after each restart again 5 points later.
        #expect(at == [5, 10, 15, 20])
    }

    /// The log scale: limits and signals in ln units (statistic ln_x), values <= 0 not charted.
    @Test func logScaleChartsTheLogarithm() throws {
        var chart = LiveChart(
            characteristic: Self.id, phase1: 4, ruleSet: .we, rules: [1], model: Self.model(movingRange: false, log: true),
            restoredLimits: nil)
        var frozen: [ControlLimits] = []
        for value in [0.1, 0.2, 0.0, 0.1, 0.2] { frozen += chart.add(value, at: 0).frozen }
        let limits = try #require(frozen.first)
        #expect(limits.statistic == "ln_x")
        #expect(abs(limits.center - (2 * log(0.1) + 2 * log(0.2)) / 4) <= 1e-12)
        let signal = chart.add(5.0, at: 1).violations
        #expect(signal.map(\.statistic) == ["ln_x"])
        #expect(abs(signal[0].value - log(5.0)) <= 1e-12)
        #expect(chart.add(-1, at: 2).violations.isEmpty)
    }

    /// Limits from a study are in force from the first value and recorded once, approved by
    /// "configuration"; not again when the store holds them already.
    @Test func knownLimitsNeedNoPhaseOne() throws {
        let model = Self.model(known: ChartModelSettings.KnownLimits(center: 3.5, sigma: 0.6, phi: nil))
        var chart = LiveChart(characteristic: Self.id, phase1: 25, ruleSet: .we, rules: [1], model: model, restoredLimits: nil)
        #expect(chart.isPhaseII)
        let first = chart.add(3.4, at: 100)
        #expect(first.frozen.map(\.statistic) == ["x", "mr"])
        #expect(first.frozen[0].approvedBy == "configuration" && first.frozen[0].approvedAt == 100)
        #expect(first.frozen[0].ucl == 3.5 + 3 * 0.6)
        #expect(chart.add(3.5 + 3 * 0.6 + 0.01, at: 101).violations.map(\.statistic) == ["x"])
        var restarted = LiveChart(
            characteristic: Self.id, phase1: 25, ruleSet: .we, rules: [1], model: model, restoredLimits: first.frozen[0])
        #expect(restarted.add(3.4, at: 200).frozen.isEmpty)
    }

    /// Restored limits of another scale (ln_x for a chart on x) are not used.
    @Test func limitsOfAnotherScaleAreIgnored() {
        let stored = ControlLimits(
            characteristic: Self.id, statistic: "ln_x", center: -2.3, sigma: 0.35, lcl: nil, ucl: nil, estimator: "mr",
            phase1Count: 200, computedAt: 0)
        let chart = LiveChart(characteristic: Self.id, phase1: 25, ruleSet: .we, rules: [1], restoredLimits: stored)
        #expect(!chart.isPhaseII)
    }
}

/// The configuration keys of the chart model: checked with key path, value and expectation.
@Suite struct ChartModelConfigurationTests {
    static func load(_ replacement: String) throws -> DaemonConfiguration {
        try ConfigurationLoader.load(
            text: EmbeddedConfiguration.demo.replacingOccurrences(of: "rules = [1]", with: replacement), source: "t")
    }

    @Test func readsEveryKey() throws {
        let text = EmbeddedConfiguration.demo.replacingOccurrences(of: "chart = \"imr\"", with: "chart = \"ewma\"")
            .replacingOccurrences(of: "rules = [1]", with: """
                rules = [1]
                sigma_estimator = "sd"
                moving_range_chart = false
                autocorrelation = "ar1"
                transform = "log"
                known_limits = { center = -2.3, sigma = 0.35, phi = 0.5 }
                """)
        let model = try ConfigurationLoader.load(text: text, source: "t").characteristics[0].model
        #expect(model.sigma == .sd && !model.movingRangeSignals && model.autocorrelation == .ar1 && model.transform == .log)
        #expect(model.known == ChartModelSettings.KnownLimits(center: -2.3, sigma: 0.35, phi: 0.5))
        let plain = try ConfigurationLoader.load(text: EmbeddedConfiguration.demo, source: "t").characteristics[0].model
        #expect(plain == ChartModelSettings())
    }

    @Test func anAR1ModelNeedsTheEWMAChartTheSDSigmaAndRuleOne() {
        #expect(throws: ConfigurationError.self) { try Self.load("rules = [1]\nautocorrelation = \"ar1\"\nsigma_estimator = \"sd\"") }
        do {
            _ = try Self.load("rules = [1, 2]\nautocorrelation = \"ar1\"")
            Issue.record("accepted")
        } catch {
            let text = "\(error)"
            #expect(text.contains("sigma_estimator"))
            #expect(text.contains("rules"))
            #expect(text.contains("expected [1] with autocorrelation = \"ar1\""))
        }
    }
}
