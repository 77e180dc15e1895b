import Logging
import LineModel
import ModbusKit
import ServiceLifecycle
import Synchronization

/// Runs one poller per endpoint and applies configuration changes: on reload only endpoints
/// whose plan changed are restarted, and every characteristic whose settings are unchanged
/// keeps its SPC state (Phase I window or frozen limits and run-rule history).
final class PollingService: Service, Sendable {
    private struct Running: Sendable {
        var plan: AcquisitionPlan
        var task: Task<[CharacteristicID: CharacteristicJudge], Never>
    }

    private let registry: DeviceRegistry
    private let queue: RecordQueue
    private let progress: PipelineProgress
    private let lotBoard: LotBoard
    private let limitUpdates: LimitUpdates
    /// The store's current frozen limits of a characteristic (for charts that start afresh).
    private let storedLimits: @Sendable (CharacteristicID) -> ControlLimits?
    /// The latest stored samples of a characteristic, to replay into a chart that starts afresh.
    private let storedHistory: @Sendable (CharacteristicID) -> [Sample]
    /// The multivariate charts every poller feeds (nil: none configured).
    private let multivariate: MultivariateHub?
    private let logger: Logger
    private let running = Mutex<[ModbusEndpoint: Running]>([:])
    private let initial: [AcquisitionPlan]
    /// Called once the first pollers are scheduled (systemd's READY=1).
    private let onStarted: @Sendable () -> Void

    init(
        plans: [AcquisitionPlan], registry: DeviceRegistry, queue: RecordQueue, progress: PipelineProgress,
        lotBoard: LotBoard, limitUpdates: LimitUpdates, storedLimits: @escaping @Sendable (CharacteristicID) -> ControlLimits?,
        storedHistory: @escaping @Sendable (CharacteristicID) -> [Sample] = { _ in [] }, multivariate: MultivariateHub? = nil,
        logger: Logger, onStarted: @escaping @Sendable () -> Void = {}
    ) {
        self.multivariate = multivariate
        self.onStarted = onStarted
        self.initial = plans
        self.registry = registry
        self.queue = queue
        self.progress = progress
        self.lotBoard = lotBoard
        self.limitUpdates = limitUpdates
        self.storedLimits = storedLimits
        self.storedHistory = storedHistory
        self.logger = logger
    }

    func run() async throws {
        await apply(plans: initial)
        onStarted()
        try? await gracefulShutdown()
        // Stop every poller and wait for it, so that nothing is queued after this returns.
        let tasks = running.withLock { running in
            defer { running.removeAll() }
            return running.values.map(\.task)
        }
        for task in tasks { task.cancel() }
        for task in tasks { _ = await task.value }
        logger.info("pollers stopped")
    }

    /// Brings the running pollers in line with `plans`.
    func apply(plans: [AcquisitionPlan]) async {
        let wanted = Dictionary(plans.map { ($0.endpoint, $0) }, uniquingKeysWith: { first, _ in first })
        // Stop pollers whose endpoint is gone or whose plan changed; keep their SPC state.
        let stopping = running.withLock { running -> [ModbusEndpoint: Running] in
            var stopping: [ModbusEndpoint: Running] = [:]
            for (endpoint, current) in running where wanted[endpoint] != current.plan {
                stopping[endpoint] = current
                running.removeValue(forKey: endpoint)
            }
            return stopping
        }
        var carried: [CharacteristicID: CharacteristicJudge] = [:]
        for (endpoint, old) in stopping {
            old.task.cancel()
            carried.merge(await old.task.value) { _, new in new }
            logger.notice("poller stopped for reconfiguration", metadata: ["device.endpoint": "\(endpoint)"])
            if wanted[endpoint] == nil, let device = registry.remove(endpoint) { await device.close() }
        }
        for plan in plans where running.withLock({ $0[plan.endpoint] == nil }) {
            var restoredLimits: [CharacteristicID: ControlLimits] = [:]
            var history: [CharacteristicID: [Sample]] = [:]
            for characteristic in plan.characteristics where carried[characteristic.id]?.settings != characteristic {
                let limits = storedLimits(characteristic.id)
                restoredLimits[characteristic.id] = limits
                // Only samples judged against these limits (or, in Phase I, any) are replayed.
                let since = limits.map { $0.approvedAt ?? $0.computedAt } ?? 0
                history[characteristic.id] = storedHistory(characteristic.id).filter { $0.time.wall > since }
            }
            let (device, replaced) = registry.device(for: plan.endpoint, options: plan.options, logger: logger)
            if let replaced { await replaced.close() }
            let poller = EndpointPoller(
                plan: plan, device: device, queue: queue, progress: progress, lotBoard: lotBoard,
                limitUpdates: limitUpdates, carried: carried,
                restoredLimits: restoredLimits, history: history, multivariate: multivariate,
                logger: logger.with("device.endpoint", "\(plan.endpoint)"))
            let task = Task {
                var poller = poller
                return await poller.run()
            }
            running.withLock { $0[plan.endpoint] = Running(plan: plan, task: task) }
            logger.info(
                "polling endpoint",
                metadata: [
                    "device.endpoint": "\(plan.endpoint)", "poll.requests": "\(plan.requests.count)",
                    "poll.points": "\(plan.points.count)", "poll.interval": "\(plan.interval)",
                ])
        }
    }
}

extension Logger {
    /// A copy with one more metadata value.
    func with(_ key: String, _ value: String) -> Logger {
        var copy = self
        copy[metadataKey: key] = "\(value)"
        return copy
    }
}
