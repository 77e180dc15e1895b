import Logging
import ServiceLifecycle

/// Pings systemd's watchdog (`WATCHDOG=1`) at half its interval, but only while the pipeline
/// makes progress: at least one poll cycle and one writer pass since the last ping. A stuck
/// pipeline goes silent and systemd restarts the service. Also refreshes `STATUS=`.
struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let progress: PipelineProgress
    let status: @Sendable () async -> String
    let logger: Logger

    func run() async throws {
        let interval = notifier.watchdogInterval.map { $0 / 2 } ?? .seconds(5)
        var last = progress.snapshot
        var stalled = false
        while !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
            let now = progress.snapshot
            let moving = now.pollCycles > last.pollCycles && now.writerPasses > last.writerPasses
            if moving {
                if notifier.watchdogInterval != nil { notifier.notify("WATCHDOG=1") }
                if stalled { logger.notice("pipeline moving again") }
                stalled = false
                last = now
            } else if !stalled {
                stalled = true
                logger.error(
                    "pipeline stalled: no progress since the last check; watchdog not pinged",
                    metadata: ["poll.cycles": "\(now.pollCycles)", "writer.passes": "\(now.writerPasses)"])
            }
            notifier.notify("STATUS=" + (await status()))
        }
    }
}
