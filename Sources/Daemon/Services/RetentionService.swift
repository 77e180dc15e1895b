import Logging
import ServiceLifecycle
import Store

/// Prunes raw samples past the configured retention, once at start and then hourly, in the
/// store's small transactions (signals, defects, lots, holds and statistics are kept).
struct RetentionService: Service {
    let store: StoreWriter
    let every: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            do {
                if let report = try await store.pruneExpired(now: Clocks.wallNow()), report.samplesDeleted > 0 {
                    logger.info("retention applied", metadata: ["samples.deleted": "\(report.samplesDeleted)"])
                }
            } catch {
                logger.error("retention failed; will try again", metadata: ["error": "\(error)"])
            }
            do {
                try await cancelWhenGracefulShutdown { [every] in try await Task.sleep(for: every) }
            } catch {
                return
            }
        }
    }
}
