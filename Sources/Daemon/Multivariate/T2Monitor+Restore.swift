import LineModel
import SPC

extension T2Monitor {
    /// A monitor rebuilt after a restart, the limits its replay froze, and what happened (for the log).
    struct Restoration: Sendable {
        var monitor: T2Monitor
        var limits: [ControlLimits] = []
        var note: String
    }

    /// Rebuilds a monitor from the store after a restart.
    ///
    /// With stored `t2` limits the frozen model is rebuilt from the very samples that formed it:
    /// the Phase I window ends at the limits' `computedAt`, and the last `phase1Count`
    /// observations formed up to then (by the same rule as live) are estimated again. The frozen
    /// model is not re-estimated from the latest samples, because after a restart in the middle
    /// of a drift those would make the drift the new baseline and the chart would never signal.
    /// When that window is no longer stored (retention, or samples dropped under back-pressure),
    /// Phase I starts afresh. Without stored limits the latest samples are replayed, so a Phase I
    /// in progress goes on. Signals are never raised again by a rebuild.
    ///
    /// - Parameters:
    ///   - stored: the current `t2` limits of the chart, if any.
    ///   - samples: a variable's stored samples with times in the range, in time order.
    ///   - latest: the latest stored samples of each variable, in time order.
    static func restored(
        _ settings: MultivariateSettings, stored: ControlLimits?, samples: (CharacteristicID, ClosedRange<Double>) -> [Sample],
        latest: [CharacteristicID: [Sample]]
    ) -> Restoration {
        var monitor = T2Monitor(settings: settings)
        let recent = merged(latest, trigger: settings.trigger)
        guard let stored else {
            var limits: [ControlLimits] = []
            for sample in recent { if let frozen = monitor.add(sample).limits { limits.append(frozen) } }
            let note = monitor.model == nil
                ? "Phase I resumed with \(monitor.phase1.count) of \(settings.phase1) observations from stored samples"
                : "Phase I completed from stored samples"
            return Restoration(monitor: monitor, limits: limits, note: note)
        }
        let end = stored.computedAt
        switch rebuild(settings, count: stored.phase1Count, endingAt: end, samples: samples) {
        case .success(let model):
            monitor.freeze(model)
            for sample in recent { monitor.prime(sample) }
            var limits: [ControlLimits] = []
            if stored.ucl.map({ abs($0 - model.phase2Limit) > 1e-9 * max(1, abs($0)) }) ?? true {
                // The settings changed (confidence): the same window (computed_at stays the
                // window's end, which the next restart rebuilds from), new limits approved now.
                var changed = Self.limits(of: model, settings: settings, at: end)
                changed.approvedAt = max(Clocks.wallNow(), (stored.approvedAt ?? end) + 1e-6)
                limits.append(changed)
            }
            return Restoration(
                monitor: monitor, limits: limits,
                note: "frozen model rebuilt from the \(model.phase1Count) stored Phase I observations up to \(end)")
        case .failure(let reason):
            var limits: [ControlLimits] = []
            for sample in recent where sample.time.wall > end {
                if let frozen = monitor.add(sample).limits { limits.append(frozen) }
            }
            return Restoration(monitor: monitor, limits: limits, note: "Phase I restarted: \(reason)")
        }
    }

    /// Why a Phase I window could not be rebuilt.
    struct RebuildFailure: Error, Sendable {
        var reason: String
    }

    /// The model of the last `count` observations formed up to `end`. The span read before `end`
    /// doubles until it holds them (giving up when three doublings in a row find no more trigger
    /// samples, e.g. after retention pruned them); only observations at least `maxAgeSeconds`
    /// after the span's start are used (earlier ones could lack a value from before the span).
    static func rebuild(
        _ settings: MultivariateSettings, count: Int, endingAt end: Double,
        samples: (CharacteristicID, ClosedRange<Double>) -> [Sample]
    ) -> Result<HotellingT2.Model, RebuildFailure> {
        guard count >= settings.variables.count + 2 else {
            return .failure(RebuildFailure(reason: "stored Phase I count \(count) is too small for \(settings.variables.count) variables"))
        }
        var span = max(settings.maxAgeSeconds * Double(count) * 4, 60)
        var previousTriggers = -1
        var stalls = 0
        for _ in 0..<20 {
            let from = end - span
            var byVariable: [CharacteristicID: [Sample]] = [:]
            for variable in settings.variables { byVariable[variable] = samples(variable, from...end) }
            let triggers = byVariable[settings.trigger]?.count ?? 0
            var monitor = T2Monitor(settings: settings)
            var observations: [[Double]] = []
            for sample in merged(byVariable, trigger: settings.trigger) {
                guard case .some(.some(let observation)) = monitor.form(sample),
                    sample.time.wall >= from + settings.maxAgeSeconds
                else { continue }
                observations.append(observation)
            }
            if observations.count >= count {
                do {
                    return .success(try estimate(Array(observations.suffix(count)), settings: settings))
                } catch {
                    return .failure(RebuildFailure(reason: "the stored Phase I window cannot be estimated: \(error.message)"))
                }
            }
            stalls = triggers == previousTriggers ? stalls + 1 : 0
            if stalls >= 3 {
                return .failure(
                    RebuildFailure(reason: "only \(observations.count) of \(count) Phase I observations are still stored"))
            }
            previousTriggers = triggers
            span *= 2
        }
        return .failure(RebuildFailure(reason: "the Phase I window was not found in the stored samples"))
    }

    /// Samples of several characteristics in time order. At equal times the trigger comes last,
    /// as it does live when it is the last variable read in a poll (values of one poll share
    /// their time): the default trigger is the last variable, and a station's values are read in
    /// configuration order.
    static func merged(_ samples: [CharacteristicID: [Sample]], trigger: CharacteristicID) -> [Sample] {
        let keyed = samples.keys.sorted().flatMap { samples[$0] ?? [] }.enumerated().map { offset, sample in
            (time: sample.time.wall, last: sample.characteristic == trigger ? 1 : 0, offset: offset, sample: sample)
        }
        return keyed.sorted { ($0.time, $0.last, $0.offset) < ($1.time, $1.last, $1.offset) }.map(\.sample)
    }
}
