import Foundation
import LineModel
import SPC

/// The individuals and moving-range chart of one characteristic on live data.
///
/// Phase I collects the first `phase1` good values; their mean and sigma set the X limits at
/// center +- 3 sigma and the MR limit at MR-bar + 3 d3(2) sigma (qcc's conventions: sigma =
/// mean moving range / d2(2) with d2 = 1.128, or the overall standard deviation with
/// `sigma_estimator = "sd"`; with `autocorrelation = "ar1"` also the lag-1 autocorrelation).
/// The limits are then frozen (Phase II): each new value costs O(1) work and memory. The X chart
/// applies the configured run rules to z = (x - center) / sigma; the MR chart applies rule 1
/// only (when it is selected and `moving_range_chart` is on). With `transform = "log"` the
/// charts see ln(x) (statistics `ln_x`, `ln_mr`) and values <= 0 are not charted.
struct LiveChart: Sendable {
    struct Violation: Sendable {
        var statistic: String
        var rule: Int
        var value: Double
        var lcl: Double?
        var ucl: Double?
    }

    struct Step: Sendable {
        /// Limits frozen by this value (the end of Phase I).
        var frozen: [ControlLimits] = []
        var violations: [Violation] = []
    }

    /// What Phase I estimates from a window (in the charted scale).
    struct Estimate: Sendable, Hashable {
        var center: Double
        var sigma: Double
        /// The lag-1 autocorrelation, when the model is AR(1).
        var phi: Double?
    }

    private struct Frozen: Sendable {
        var estimate: Estimate
        var lcl: Double
        var ucl: Double
        var mrUCL: Double
    }

    let characteristic: CharacteristicID
    let phase1: Int
    let model: ChartModelSettings
    private let checkMovingRange: Bool
    private var window: [Double] = []
    private var frozen: Frozen?
    private var rules: RunRuleEvaluator
    private var previous: Double?
    private let driftKind: DriftChart.Kind
    private var drift: DriftChart?
    /// Known limits not yet recorded: returned (stamped) with the next value.
    private var pendingLimits: [ControlLimits] = []

    init(
        characteristic: CharacteristicID, phase1: Int, ruleSet: RuleSetName, rules: [Int],
        drift driftKind: DriftChart.Kind = .none, model: ChartModelSettings = ChartModelSettings(), restoredLimits: ControlLimits?
    ) {
        self.driftKind = driftKind
        self.characteristic = characteristic
        self.phase1 = phase1
        self.model = model
        let selection =
            (try? RuleSelection(ruleSet: ruleSet == .we ? .westernElectric : .nelson, rules: rules)) ?? .limitsOnly
        self.rules = RunRuleEvaluator(selection: selection)
        self.checkMovingRange = rules.contains(1) && model.movingRangeSignals
        if let known = model.known {
            // Limits from a study: in force at once; recorded (with the first value) unless the
            // store already holds exactly these.
            let estimate = Estimate(center: known.center, sigma: known.sigma, phi: known.phi)
            freeze(estimate)
            let stored = restoredLimits.map {
                $0.statistic == Self.statistic(model) && $0.center == known.center && $0.sigma == known.sigma
                    && $0.autocorrelation == known.phi
            }
            if stored != true {
                pendingLimits = Self.limits(
                    characteristic: characteristic, estimate: estimate, model: model, count: 0, at: 0,
                    approvedBy: "configuration")
            }
        } else if let restoredLimits, restoredLimits.sigma > 0, restoredLimits.statistic == Self.statistic(model) {
            freeze(Estimate(center: restoredLimits.center, sigma: restoredLimits.sigma, phi: restoredLimits.autocorrelation))
        }
        window.reserveCapacity(frozen == nil ? phase1 : 0)
    }

    /// True once the limits are frozen.
    var isPhaseII: Bool { frozen != nil }

    /// The statistic name of the individuals chart under `model` (`x`, or `ln_x` on the log scale).
    static func statistic(_ model: ChartModelSettings) -> String { prefix(model) + "x" }

    /// True for the individuals chart's statistic on either scale (`x`, `ln_x`): the limits a
    /// live chart adopts.
    static func isIndividuals(_ statistic: String) -> Bool { statistic == "x" || statistic == "ln_x" }

    /// `ln_` before the statistics of a chart on the log scale, else nothing.
    static func prefix(_ model: ChartModelSettings) -> String { model.transform == .log ? "ln_" : "" }

    /// Adopts approved limits (an engineer's recompute): Phase II from now on with a fresh
    /// run-rule history, since the old history was judged against other limits.
    mutating func adopt(_ limits: ControlLimits) {
        guard limits.sigma > 0, limits.sigma.isFinite, limits.center.isFinite else { return }
        freeze(Estimate(center: limits.center, sigma: limits.sigma, phi: limits.autocorrelation))
        window.removeAll(keepingCapacity: false)
        rules.reset()
    }

    /// The value in the charted scale, or nil when it cannot be charted (ln of a value <= 0).
    static func charted(_ value: Double, _ model: ChartModelSettings) -> Double? {
        switch model.transform {
        case .none: return value
        case .log: return value > 0 ? log(value) : nil
        }
    }

    /// The Phase I estimate of a window of good values (as read; transformed here), or nil when
    /// the window cannot be charted (fewer than 2 chartable values, or no spread). The AR(1)
    /// lag-1 autocorrelation is clamped to [0, 0.95]: a negative estimate from a short window of
    /// a positively correlated process would narrow the EWMA's limits.
    static func estimate(_ values: [Double], model: ChartModelSettings) -> Estimate? {
        let scaled = values.compactMap { charted($0, model) }
        let estimator: SigmaEstimator = model.sigma == .sd ? .overall : .movingRange
        guard scaled.count >= 2, let sigma = try? SigmaEstimation.individuals(scaled, estimator: estimator),
            sigma > 0, sigma.isFinite
        else { return nil }
        var phi: Double?
        if model.autocorrelation == .ar1 {
            guard let r = try? Autocorrelation.lag(1, of: scaled) else { return nil }
            phi = min(0.95, max(0, r))
        }
        return Estimate(center: scaled.reduce(0, +) / Double(scaled.count), sigma: sigma, phi: phi)
    }

    /// The X (and, when it signals, MR) limits of an estimate, as records.
    static func limits(
        characteristic: CharacteristicID, estimate: Estimate, model: ChartModelSettings, count: Int, at time: Double,
        approvedBy: String?
    ) -> [ControlLimits] {
        let limits = frozen(estimate)
        let prefix = Self.prefix(model)
        var records = [
            ControlLimits(
                characteristic: characteristic, statistic: prefix + "x", center: estimate.center, sigma: estimate.sigma,
                lcl: limits.lcl, ucl: limits.ucl, estimator: model.sigma.rawValue, phase1Count: count, computedAt: time,
                approvedBy: approvedBy, approvedAt: approvedBy == nil ? nil : time, autocorrelation: estimate.phi)
        ]
        if model.movingRangeSignals {
            records.append(
                ControlLimits(
                    characteristic: characteristic, statistic: prefix + "mr", center: estimate.sigma * d2, sigma: estimate.sigma,
                    lcl: 0, ucl: limits.mrUCL, estimator: model.sigma.rawValue, phase1Count: count, computedAt: time,
                    approvedBy: approvedBy, approvedAt: approvedBy == nil ? nil : time, autocorrelation: estimate.phi))
        }
        return records
    }

    mutating func add(_ value: Double, at time: Double) -> Step {
        var step = Step()
        if !pendingLimits.isEmpty {
            step.frozen = pendingLimits.map { limits in
                var limits = limits
                limits.computedAt = time
                limits.approvedAt = time
                return limits
            }
            pendingLimits = []
        }
        guard let x = Self.charted(value, model) else { return step }
        defer { previous = x }
        guard let limits = frozen else {
            window.append(value)
            if window.count >= phase1 { step.frozen = freezeWindow(at: time) }
            return step
        }
        let center = limits.estimate.center
        let sigma = limits.estimate.sigma
        let prefix = Self.prefix(model)
        if let rule = rules.next(z: (x - center) / sigma) {
            step.violations.append(Violation(statistic: prefix + "x", rule: rule, value: x, lcl: limits.lcl, ucl: limits.ucl))
        }
        if checkMovingRange, let previous {
            let movingRange = abs(x - previous)
            if movingRange > limits.mrUCL {
                step.violations.append(Violation(statistic: prefix + "mr", rule: 1, value: movingRange, lcl: 0, ucl: limits.mrUCL))
            }
        }
        if let violation = drift?.next(x) { step.violations.append(violation) }
        return step
    }

    /// Ends Phase I: computes and freezes the limits, or starts Phase I again when the window
    /// has no spread (a constant signal cannot be charted).
    private mutating func freezeWindow(at time: Double) -> [ControlLimits] {
        defer { window.removeAll(keepingCapacity: false) }
        guard let estimate = Self.estimate(window, model: model) else { return [] }
        freeze(estimate)
        return Self.limits(
            characteristic: characteristic, estimate: estimate, model: model, count: window.count, at: time,
            approvedBy: "system:phase1")
    }

    private mutating func freeze(_ estimate: Estimate) {
        frozen = Self.frozen(estimate)
        drift = DriftChart(driftKind, center: estimate.center, sigma: estimate.sigma, phi: estimate.phi)
    }

    /// d2(2) of qcc's 3-decimal table and the exact d3(2).
    private static let d2 = ChartConstants.d2(2) ?? 1.128
    private static let d3 = ChartConstants.d3(2) ?? 0.8525

    private static func frozen(_ estimate: Estimate) -> Frozen {
        let center = estimate.center
        let sigma = estimate.sigma
        return Frozen(
            estimate: estimate, lcl: center - 3 * sigma, ucl: center + 3 * sigma, mrUCL: sigma * d2 + 3 * d3 * sigma)
    }
}
