import LineModel
import SPC

/// The Hotelling T2 chart of one `[[multivariate]]` table, fed with good samples in order.
///
/// A good sample of the trigger variable forms an observation from its value and the latest good
/// value of each other variable whose time lies within `maxAgeSeconds` before it (a value newer
/// than the trigger sample is not used: an observation only combines what existed when the
/// trigger was measured, which keeps a rebuild from stored samples equal to the live run). The
/// first `phase1` observations are collected and estimated as individual observations with
/// `HotellingT2.estimate`; the model is then frozen and each observation's T2 is judged against
/// the Phase II limit (rule 1: one point beyond the limit).
///
/// A value type owned by `MultivariateHub`, which serialises access to it.
struct T2Monitor: Sendable {
    let settings: MultivariateSettings
    /// Phase I observations collected so far (emptied when the model is frozen).
    private(set) var phase1: [[Double]] = []
    /// The frozen Phase I model (nil while collecting).
    private(set) var model: HotellingT2.Model?
    /// Trigger samples that formed no observation because another variable had no recent value.
    private(set) var skipped = 0
    /// The latest good values of each variable (a few, in time order), for the observations.
    private var recent: [CharacteristicID: [(time: Double, value: Double)]] = [:]
    private static let kept = 8
    private var lastFailure: String?

    init(settings: MultivariateSettings) { self.settings = settings }

    /// What one good sample caused.
    struct Outcome: Sendable {
        /// The observation formed (nil: the sample was not the trigger, or a value was missing).
        var observation: [Double]?
        /// A trigger sample formed no observation (counted in `skipped`).
        var skipped = false
        /// The T2 statistic of a Phase II observation.
        var statistic: Double?
        var signal: RuleSignal?
        /// The limits frozen by this observation (the end of Phase I).
        var limits: ControlLimits?
        /// Why the Phase I estimate failed (the window then slides by one observation).
        var estimateFailure: String?
    }

    /// Feeds a good sample of any characteristic; samples of other characteristics are ignored.
    mutating func add(_ sample: Sample) -> Outcome {
        var outcome = Outcome()
        guard let formed = form(sample) else { return outcome }
        guard let observation = formed else {
            skipped += 1
            outcome.skipped = true
            return outcome
        }
        outcome.observation = observation
        if let model {
            let statistic = model.statistic(mean: observation, size: 1)
            outcome.statistic = statistic
            if statistic > model.phase2Limit {
                outcome.signal = RuleSignal(
                    characteristic: settings.id, statistic: "t2", ruleSet: RuleSetName.we.rawValue, rule: 1, value: statistic,
                    lcl: 0, ucl: model.phase2Limit, time: sample.time, lot: sample.lot, sequence: sample.sequence)
            }
            return outcome
        }
        phase1.append(observation)
        guard phase1.count >= settings.phase1 else { return outcome }
        do {
            let estimate = try Self.estimate(phase1, settings: settings)
            model = estimate
            phase1.removeAll()
            outcome.limits = Self.limits(of: estimate, settings: settings, at: sample.time.wall)
        } catch {
            phase1.removeFirst()
            // Reported once per distinct reason, not on every observation.
            if error.message != lastFailure { outcome.estimateFailure = error.message }
            lastFailure = error.message
        }
        return outcome
    }

    /// Takes a model rebuilt from the stored Phase I window (after a restart).
    mutating func freeze(_ model: HotellingT2.Model) {
        self.model = model
        phase1.removeAll()
    }

    /// Remembers a good value without judging it (to resume after a restart).
    mutating func prime(_ sample: Sample) { _ = form(sample) }

    /// The Phase I estimate of individual observations, as the monitor freezes it.
    static func estimate(_ observations: [[Double]], settings: MultivariateSettings) throws(SPCError) -> HotellingT2.Model {
        try HotellingT2.estimate(observations.map { [$0] }, phase1Count: observations.count, confidence: settings.confidence)
    }

    /// The record of a frozen model: statistic `t2`, LCL 0, UCL the Phase II limit judged
    /// against; center 0 and sigma 1 (the chart is of a distance, not of a value).
    static func limits(of model: HotellingT2.Model, settings: MultivariateSettings, at time: Double) -> ControlLimits {
        ControlLimits(
            characteristic: settings.id, statistic: "t2", center: 0, sigma: 1, lcl: 0, ucl: model.phase2Limit,
            estimator: "covariance", phase1Count: model.phase1Count, computedAt: time, approvedBy: "system",
            approvedAt: time)
    }

    /// Remembers a good sample of a variable; for a trigger sample returns the observation it
    /// forms (`.some(nil)` when a variable had no recent value), nil for other samples.
    mutating func form(_ sample: Sample) -> [Double]?? {
        guard sample.quality.isGood, sample.value.isFinite, settings.variables.contains(sample.characteristic) else {
            return nil
        }
        remember(sample)
        guard sample.characteristic == settings.trigger else { return nil }
        return .some(observation(at: sample.time.wall))
    }

    private mutating func remember(_ sample: Sample) {
        var values = recent[sample.characteristic] ?? []
        let time = sample.time.wall
        let index = values.lastIndex { $0.time <= time }.map { $0 + 1 } ?? 0
        values.insert((time, sample.value), at: index)
        if values.count > Self.kept { values.removeFirst(values.count - Self.kept) }
        recent[sample.characteristic] = values
    }

    /// The observation at the trigger time `time`, or nil when a variable has no value within
    /// `maxAgeSeconds` before it.
    private func observation(at time: Double) -> [Double]? {
        var vector: [Double] = []
        vector.reserveCapacity(settings.variables.count)
        for variable in settings.variables {
            guard let latest = recent[variable]?.last(where: { $0.time <= time }), time - latest.time <= settings.maxAgeSeconds
            else { return nil }
            vector.append(latest.value)
        }
        return vector
    }
}
