import LineModel
import SPC

/// The individuals and moving-range chart of one characteristic on live data.
///
/// Phase I collects the first `phase1` good values; their mean and mean moving range / d2(2)
/// (qcc's convention, d2 = 1.128) set the X limits at center +- 3 sigma and the MR limit at
/// MR-bar + 3 d3(2) sigma. The limits are then frozen (Phase II): each new value costs O(1) work
/// and memory. The X chart applies the configured run rules to z = (x - center) / sigma; the MR
/// chart applies rule 1 only (when it is selected).
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

    private struct Frozen: Sendable {
        var center: Double
        var sigma: Double
        var lcl: Double
        var ucl: Double
        var mrUCL: Double
    }

    let characteristic: CharacteristicID
    let phase1: Int
    private let checkRule1: Bool
    private var window: [Double] = []
    private var frozen: Frozen?
    private var rules: RunRuleEvaluator
    private var previous: Double?
    private let driftKind: DriftChart.Kind
    private var drift: DriftChart?

    init(
        characteristic: CharacteristicID, phase1: Int, ruleSet: RuleSetName, rules: [Int],
        drift driftKind: DriftChart.Kind = .none, restoredLimits: ControlLimits?
    ) {
        self.driftKind = driftKind
        self.characteristic = characteristic
        self.phase1 = phase1
        let selection =
            (try? RuleSelection(ruleSet: ruleSet == .we ? .westernElectric : .nelson, rules: rules)) ?? .limitsOnly
        self.rules = RunRuleEvaluator(selection: selection)
        self.checkRule1 = rules.contains(1)
        if let restoredLimits, restoredLimits.sigma > 0 {
            frozen = Self.frozen(center: restoredLimits.center, sigma: restoredLimits.sigma)
            drift = DriftChart(driftKind, center: restoredLimits.center, sigma: restoredLimits.sigma)
        }
        window.reserveCapacity(frozen == nil ? phase1 : 0)
    }

    /// True once the limits are frozen.
    var isPhaseII: Bool { frozen != nil }

    /// Adopts approved limits (an engineer's recompute): Phase II from now on with a fresh
    /// run-rule history, since the old history was judged against other limits.
    mutating func adopt(center: Double, sigma: Double) {
        guard sigma > 0, sigma.isFinite, center.isFinite else { return }
        frozen = Self.frozen(center: center, sigma: sigma)
        drift = DriftChart(driftKind, center: center, sigma: sigma)
        window.removeAll(keepingCapacity: false)
        rules.reset()
    }

    /// The Phase I estimate of a window of good values (mean; mean moving range / d2(2)), or
    /// nil when the window cannot be charted (fewer than 2 values, or no spread).
    static func estimate(_ values: [Double]) -> (center: Double, sigma: Double)? {
        guard values.count >= 2, let sigma = try? SigmaEstimation.individuals(values, estimator: .movingRange),
            sigma > 0, sigma.isFinite
        else { return nil }
        return (values.reduce(0, +) / Double(values.count), sigma)
    }

    /// The X and MR limits that `estimate` implies, as records.
    static func limits(
        characteristic: CharacteristicID, center: Double, sigma: Double, count: Int, at time: Double, approvedBy: String?
    ) -> [ControlLimits] {
        let limits = frozen(center: center, sigma: sigma)
        return [
            ControlLimits(
                characteristic: characteristic, statistic: "x", center: center, sigma: sigma, lcl: limits.lcl,
                ucl: limits.ucl, estimator: "mr", phase1Count: count, computedAt: time, approvedBy: approvedBy,
                approvedAt: approvedBy == nil ? nil : time),
            ControlLimits(
                characteristic: characteristic, statistic: "mr", center: sigma * d2, sigma: sigma, lcl: 0,
                ucl: limits.mrUCL, estimator: "mr", phase1Count: count, computedAt: time, approvedBy: approvedBy,
                approvedAt: approvedBy == nil ? nil : time),
        ]
    }

    mutating func add(_ x: Double, at time: Double) -> Step {
        defer { previous = x }
        var step = Step()
        guard let limits = frozen else {
            window.append(x)
            if window.count >= phase1 { step.frozen = freeze(at: time) }
            return step
        }
        if let rule = rules.next(z: (x - limits.center) / limits.sigma) {
            step.violations.append(Violation(statistic: "x", rule: rule, value: x, lcl: limits.lcl, ucl: limits.ucl))
        }
        if checkRule1, let previous {
            let movingRange = abs(x - previous)
            if movingRange > limits.mrUCL {
                step.violations.append(Violation(statistic: "mr", rule: 1, value: movingRange, lcl: 0, ucl: limits.mrUCL))
            }
        }
        if let violation = drift?.next(x) { step.violations.append(violation) }
        return step
    }

    /// Ends Phase I: computes and freezes the limits, or starts Phase I again when the window
    /// has no spread (a constant signal cannot be charted).
    private mutating func freeze(at time: Double) -> [ControlLimits] {
        defer { window.removeAll(keepingCapacity: false) }
        guard let (center, sigma) = Self.estimate(window) else { return [] }
        frozen = Self.frozen(center: center, sigma: sigma)
        drift = DriftChart(driftKind, center: center, sigma: sigma)
        return Self.limits(
            characteristic: characteristic, center: center, sigma: sigma, count: window.count, at: time,
            approvedBy: "system:phase1")
    }

    /// d2(2) of qcc's 3-decimal table and the exact d3(2).
    private static let d2 = ChartConstants.d2(2) ?? 1.128
    private static let d3 = ChartConstants.d3(2) ?? 0.8525

    private static func frozen(center: Double, sigma: Double) -> Frozen {
        Frozen(
            center: center, sigma: sigma, lcl: center - 3 * sigma, ucl: center + 3 * sigma,
            mrUCL: sigma * d2 + 3 * d3 * sigma)
    }
}
