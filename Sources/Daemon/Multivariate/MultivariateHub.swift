import LineModel
import Logging
import SPC
import Synchronization

/// Where the pollers of all endpoints meet for the multivariate charts: each poller hands over
/// every good sample it judged, and gets back the records the charts made of it (signals and
/// frozen limits), to queue with its own records in order.
///
/// The variables of one chart live on different devices (coating and calendering), so no single
/// `EndpointPoller` can own a T2 chart; the hub owns one `T2Monitor` per `[[multivariate]]`
/// table behind a `Mutex` (the work per sample is a few dozen multiplications, never I/O).
final class MultivariateHub: Sendable {
    private struct State {
        var monitors: [T2Monitor]
        /// Limits frozen while rebuilding after a restart, recorded with the first records.
        var pending: [PipelineRecord]
    }

    private let state: Mutex<State>
    /// Every characteristic some chart uses (a quick filter for the rest).
    private let watched: Set<CharacteristicID>
    private let logger: Logger

    init(monitors: [T2Monitor], pending: [ControlLimits] = [], logger: Logger) {
        self.state = Mutex(State(monitors: monitors, pending: pending.map(PipelineRecord.limits)))
        self.watched = Set(monitors.flatMap(\.settings.variables))
        self.logger = logger
    }

    /// Builds the charts of `charts`, each rebuilt from the store (see `T2Monitor.restored`).
    /// - Parameters:
    ///   - storedLimits: a chart's current `t2` limits.
    ///   - samples: a characteristic's stored samples with times in a range, in time order.
    ///   - latest: a characteristic's latest stored samples, in time order.
    static func restored(
        _ charts: [MultivariateSettings], storedLimits: (CharacteristicID) -> ControlLimits?,
        samples: (CharacteristicID, ClosedRange<Double>) -> [Sample], latest: (CharacteristicID) -> [Sample], logger: Logger
    ) -> MultivariateHub {
        var monitors: [T2Monitor] = []
        var limits: [ControlLimits] = []
        for chart in charts {
            var history: [CharacteristicID: [Sample]] = [:]
            for variable in chart.variables { history[variable] = latest(variable) }
            let restoration = T2Monitor.restored(chart, stored: storedLimits(chart.id), samples: samples, latest: history)
            monitors.append(restoration.monitor)
            limits += restoration.limits
            logger.info("multivariate chart ready", metadata: ["characteristic.id": "\(chart.id)", "chart.state": "\(restoration.note)"])
        }
        return MultivariateHub(monitors: monitors, pending: limits, logger: logger)
    }

    /// Judges one good sample in every chart that uses its characteristic; returns the records
    /// to queue (before the sample itself, like the univariate charts' records).
    func observe(_ sample: Sample) -> [PipelineRecord] {
        guard sample.quality.isGood else { return [] }
        let (records, events) = state.withLock { state -> ([PipelineRecord], [(T2Monitor.Outcome, MultivariateSettings)]) in
            var records = state.pending
            state.pending.removeAll()
            var events: [(T2Monitor.Outcome, MultivariateSettings)] = []
            guard watched.contains(sample.characteristic) else { return (records, events) }
            for index in state.monitors.indices where state.monitors[index].settings.variables.contains(sample.characteristic) {
                let outcome = state.monitors[index].add(sample)
                let settings = state.monitors[index].settings
                if let limits = outcome.limits { records.append(.limits(limits)) }
                if let signal = outcome.signal { records.append(.signal(signal, holdLot: settings.holdOnSignal)) }
                if outcome.limits != nil || outcome.signal != nil || outcome.estimateFailure != nil { events.append((outcome, settings)) }
            }
            return (records, events)
        }
        for (outcome, settings) in events { log(outcome, settings) }
        return records
    }

    /// Trigger samples that formed no observation, per chart (a variable had no recent value).
    var skippedObservations: [CharacteristicID: Int] {
        state.withLock { state in Dictionary(state.monitors.map { ($0.settings.id, $0.skipped) }, uniquingKeysWith: +) }
    }

    /// The charts' current state (for tests and reports).
    var monitors: [T2Monitor] { state.withLock { $0.monitors } }

    private func log(_ outcome: T2Monitor.Outcome, _ settings: MultivariateSettings) {
        if let limits = outcome.limits {
            logger.info(
                "multivariate control limits frozen after Phase I",
                metadata: [
                    "characteristic.id": "\(settings.id)", "chart.statistic": "t2", "limits.ucl": "\(limits.ucl.map { "\($0)" } ?? "-")",
                    "limits.phase1": "\(limits.phase1Count)",
                ])
        }
        if let signal = outcome.signal {
            DaemonMetrics.signal()
            logger.notice(
                "multivariate chart signal",
                metadata: [
                    "characteristic.id": "\(settings.id)", "chart.statistic": "t2", "t2.value": "\(signal.value)",
                    "t2.limit": "\(signal.ucl.map { "\($0)" } ?? "-")", "lot.id": "\(signal.lot?.rawValue ?? "-")",
                ])
        }
        if let failure = outcome.estimateFailure {
            logger.warning(
                "multivariate Phase I window cannot be estimated; collecting one more observation",
                metadata: ["characteristic.id": "\(settings.id)", "error": "\(failure)"])
        }
    }
}
