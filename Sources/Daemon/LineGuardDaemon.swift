import Foundation
import Hummingbird
import LineModel
public import Logging
import ModbusKit
import ServiceLifecycle
import Store
import UnixSignals

/// The composition root of `lineguard run`: the store, the services and their order.
///
/// Services start in this order and stop in reverse on SIGTERM/SIGINT (or `shutdown()`):
/// interlocks, writer, pollers, control API, metrics, watchdog, reload. So at shutdown the
/// pollers stop first, the writer then drains and commits everything they produced, and the
/// interlocks last act on what the writer committed; devices and the store close at the end.
public final class LineGuardDaemon: Sendable {
    /// How the daemon is embedded in its process.
    public struct Options: Sendable {
        /// The configuration file, re-read on SIGHUP and `/v1/reload` (nil: no reload source).
        public var configurationPath: String?
        /// Renders the metrics backend's text exposition (the executable owns the backend).
        public var metricsText: (@Sendable () -> String)?
        /// Whether the service group handles SIGTERM/SIGINT (the executable) or not (in-process
        /// embedding, which calls `shutdown()`).
        public var handleSignals: Bool
        public var notifier: SystemdNotifier

        public init(
            configurationPath: String? = nil, metricsText: (@Sendable () -> String)? = nil, handleSignals: Bool = true,
            notifier: SystemdNotifier = SystemdNotifier()
        ) {
            self.configurationPath = configurationPath
            self.metricsText = metricsText
            self.handleSignals = handleSignals
            self.notifier = notifier
        }
    }

    private let group: ServiceGroup
    private let store: StoreWriter
    private let registry: DeviceRegistry
    private let queue: RecordQueue
    private let progress: PipelineProgress
    private let notifier: SystemdNotifier
    private let controlSocket: String?
    private let logger: Logger

    /// Opens the store (creating or migrating it) and builds the services.
    public init(configuration: DaemonConfiguration, options: Options = Options(), logger: Logger) async throws {
        let settings = configuration.daemon
        let store = try StoreWriter(
            path: settings.database, logger: logger,
            configuration: StoreConfiguration(sampleRetentionSeconds: settings.retentionDays.map { $0 * 86_400 }))
        try await store.sync(line: configuration.lineDescription, at: Clocks.wallNow())
        let databasePath = settings.database
        let holder = ConfigurationHolder(configuration)
        let storedLimits: @Sendable (CharacteristicID) -> ControlLimits? = { id in
            // The individuals chart's limits on the scale the chart is configured with (`x`, or
            // `ln_x` with transform = "log").
            let model = holder.current.characteristics.first { $0.id == id }?.model ?? ChartModelSettings()
            return (try? StoreReader(path: databasePath).currentLimits(id, statistic: LiveChart.statistic(model))) ?? nil
        }
        // Enough for the longest run rule (Nelson 7: 15 points) and for EWMA/CUSUM to settle.
        let storedHistory: @Sendable (CharacteristicID) -> [Sample] = { id in
            (try? StoreReader(path: databasePath).latestSamples(characteristic: id, count: 200)) ?? []
        }
        let queue = RecordQueue(sampleCapacity: settings.queueCapacity, batchRows: settings.commitMaxRows)
        let progress = PipelineProgress()
        let registry = DeviceRegistry()
        let lotBoard = LotBoard()
        let limitUpdates = LimitUpdates()
        let notifier = options.notifier
        let interlocks = InterlockService(
            configuration: holder, registry: registry, databasePath: settings.database, logger: logger)
        let writer = RecordWriter(
            queue: queue, store: store, interval: .milliseconds(settings.commitIntervalMilliseconds), progress: progress,
            onHold: { lot, station in interlocks.lotHeld(lot, station: station) },
            stationOf: { id in holder.station(of: id) ?? holder.current.multivariate.first { $0.id == id }?.station },
            logger: logger, spillBytes: settings.spillBytes)
        // Records a full disk left in the spill go into the database before anything polls
        // (frozen limits and lot starts among them).
        await writer.replaySpill()
        // After the replay: T2 limits that waited in the spill are part of what is restored.
        let multivariate = try MultivariateHub.restored(
            configuration.multivariate, databasePath: databasePath, latest: storedHistory, logger: logger)
        let plans = AcquisitionPlan.plans(for: configuration)
        let characteristicCount = configuration.characteristics.count
        let polling = PollingService(
            plans: plans, registry: registry, queue: queue, progress: progress, lotBoard: lotBoard,
            limitUpdates: limitUpdates, storedLimits: storedLimits, storedHistory: storedHistory, multivariate: multivariate,
            logger: logger,
            onStarted: {
                notifier.notify("READY=1\nSTATUS=polling \(plans.count) endpoint(s), \(characteristicCount) characteristic(s)")
            })
        let reload = Reloader(
            path: options.configurationPath, holder: holder, store: store, polling: polling, logger: logger)

        var services: [any Service] = [interlocks, WriterService(writer: writer), polling]
        if let path = settings.controlSocket {
            let api = ControlAPI(
                store: store, databasePath: settings.database, configuration: holder, lotBoard: lotBoard,
                interlocks: interlocks, limitUpdates: limitUpdates, proposals: LimitProposals(), reload: { await reload.reload() }, logger: logger)
            try? FileManager.default.removeItem(atPath: path)
            let group = settings.controlSocketGroup
            services.append(
                Application(
                    router: api.router(),
                    configuration: .init(address: .unixDomainSocket(path: path), serverName: "lineguard"),
                    onServerRunning: { _ in ControlSocketPermissions.restrict(path, group: group, logger: logger) },
                    logger: logger.with("listener", "control")))
        }
        if let listen = settings.metricsListen, let text = options.metricsText,
            let address = ListenAddress.parse(listen)
        {
            DaemonMetrics.buildInfo(version: LineGuardBuild.version)
            services.append(
                Application(
                    router: MetricsEndpoint.router(render: text),
                    configuration: .init(address: .hostname(address.host, port: address.port), serverName: "lineguard"),
                    logger: logger.with("listener", "metrics")))
        }
        if let listen = settings.dashboardListen, let address = ListenAddress.parse(listen) {
            services.append(
                Application(
                    router: DashboardRoutes.router(databasePath: settings.database, configuration: { holder.current }),
                    configuration: .init(address: .hostname(address.host, port: address.port), serverName: "lineguard"),
                    logger: logger.with("listener", "dashboard")))
        }
        services.append(
            WatchdogService(
                notifier: notifier, progress: progress,
                status: {
                    let snapshot = progress.snapshot
                    let store = progress.storeHealth
                    if let since = store.failingSince {
                        return "DEGRADED: store cannot write since \(TimeText.iso(since)) (\(store.lastError ?? "?")); "
                            + "\(store.pendingRecords) records waiting in memory, \(store.lostSamples) samples lost; polling goes on"
                    }
                    return "polling; \(snapshot.pollCycles) cycles, \(snapshot.committedSamples) samples committed, "
                        + "\(queue.droppedSamples + store.lostSamples) dropped"
                }, logger: logger))
        if options.configurationPath != nil { services.append(ReloadService(reload: { await reload.reload() })) }
        if settings.retentionDays != nil { services.append(RetentionService(store: store, every: .seconds(3600), logger: logger)) }

        self.group = ServiceGroup(
            configuration: .init(
                services: services.map { .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup) },
                gracefulShutdownSignals: options.handleSignals ? [.sigterm, .sigint] : [],
                logger: logger))
        self.store = store
        self.registry = registry
        self.queue = queue
        self.progress = progress
        self.notifier = notifier
        self.controlSocket = settings.controlSocket
        self.logger = logger
        logger.info(
            "lineguard starting",
            metadata: [
                "line.name": "\(configuration.line.name)", "database": "\(settings.database)",
                "characteristics": "\(configuration.characteristics.count)", "endpoints": "\(plans.count)",
                "control.socket": "\(settings.controlSocket ?? "off")", "metrics.listen": "\(settings.metricsListen ?? "off")",
                "dashboard.listen": "\(settings.dashboardListen ?? "off")",
            ])
    }

    /// Runs until SIGTERM/SIGINT (when handled) or `shutdown()`, then stops in order and closes
    /// devices and store.
    public func run() async throws {
        defer { if let controlSocket { try? FileManager.default.removeItem(atPath: controlSocket) } }
        do {
            try await group.run()
        } catch {
            logger.error("service failed", metadata: ["error": "\(error)"])
            await close()
            throw error
        }
        await close()
    }

    /// Starts a graceful shutdown (what SIGTERM does).
    public func shutdown() async {
        notifier.notify("STOPPING=1")
        await group.triggerGracefulShutdown()
    }

    private func close() async {
        await registry.closeAll()
        await store.close()
        if queue.droppedSamples > 0 {
            logger.warning("samples were dropped under back-pressure", metadata: ["samples.dropped": "\(queue.droppedSamples)"])
        }
        logger.notice(
            "lineguard stopped",
            metadata: [
                "samples.accepted": "\(queue.acceptedSamples)", "samples.committed": "\(progress.snapshot.committedSamples)",
                "samples.dropped": "\(queue.droppedSamples)",
            ])
    }

    /// Runs a daemon until the calling task is cancelled, then shuts it down gracefully.
    public static func run(configuration: DaemonConfiguration, options: Options, logger: Logger) async throws {
        let daemon = try await LineGuardDaemon(configuration: configuration, options: options, logger: logger)
        try await withTaskCancellationHandler {
            try await daemon.run()
        } onCancel: {
            Task { await daemon.shutdown() }
        }
    }
}

/// Build facts for logs and metrics.
public enum LineGuardBuild {
    public static let version = "0.1.0"
}
