public import Logging
import LineModel
import ModbusKit
import Store

/// The composition root of `lineguard run`: opens the store, brings it in line with the
/// configuration, polls every endpoint, judges and records until cancelled, then stops the
/// pollers, writes everything still queued, and closes devices and store.
public enum LineGuardDaemon {
    /// Runs until the calling task is cancelled (SIGTERM/SIGINT in the executable).
    public static func run(configuration: DaemonConfiguration, logger: Logger) async throws {
        let store = try StoreWriter(path: configuration.daemon.database, logger: logger)
        try await store.sync(line: configuration.lineDescription, at: Clocks.wallNow())
        let reader = try StoreReader(path: configuration.daemon.database)
        var restored: [CharacteristicID: ControlLimits] = [:]
        for characteristic in configuration.characteristics {
            if let limits = try reader.currentLimits(characteristic.id, statistic: "x") {
                restored[characteristic.id] = limits
            }
        }
        let queue = RecordQueue(
            sampleCapacity: configuration.daemon.queueCapacity, batchRows: configuration.daemon.commitMaxRows)
        let plans = AcquisitionPlan.plans(for: configuration)
        var pollers: [EndpointPoller] = []
        var devices: [ModbusDevice] = []
        for plan in plans {
            var deviceLogger = logger
            deviceLogger[metadataKey: "device.endpoint"] = "\(plan.endpoint)"
            let device = ModbusDevice(endpoint: plan.endpoint, options: plan.options, logger: deviceLogger)
            devices.append(device)
            pollers.append(
                EndpointPoller(plan: plan, device: device, queue: queue, restoredLimits: restored, logger: deviceLogger))
            logger.info(
                "polling endpoint",
                metadata: [
                    "device.endpoint": "\(plan.endpoint)", "poll.requests": "\(plan.requests.count)",
                    "poll.points": "\(plan.points.count)", "poll.interval": "\(plan.interval)",
                ])
        }
        let writer = RecordWriter(
            queue: queue, store: store, interval: .milliseconds(configuration.daemon.commitIntervalMilliseconds),
            logger: logger)
        logger.info(
            "lineguard running",
            metadata: [
                "line.name": "\(configuration.line.name)", "database": "\(configuration.daemon.database)",
                "characteristics": "\(configuration.characteristics.count)", "endpoints": "\(plans.count)",
            ])

        let writing = Task { await writer.run() }
        await withTaskGroup(of: Void.self) { group in
            for poller in pollers {
                group.addTask {
                    var poller = poller
                    await poller.run()
                }
            }
            await group.waitForAll()
        }
        // Cancelled: the pollers have stopped; drain and commit what they produced.
        logger.info("stopping: writing queued records")
        queue.finish()
        await writing.value
        for device in devices { await device.close() }
        await store.close()
        if queue.droppedSamples > 0 {
            logger.warning("samples were dropped under back-pressure", metadata: ["samples.dropped": "\(queue.droppedSamples)"])
        }
        logger.info("lineguard stopped")
    }
}
