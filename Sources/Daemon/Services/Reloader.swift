import Logging
import Store

/// Applies a new configuration to a running daemon, one reload at a time. An invalid file is
/// rejected whole and the running configuration stays. Settings that need a restart (database,
/// control socket, metrics listener) are reported and left as they are; everything else is
/// applied: the store's line description, and only the pollers whose plan changed.
actor Reloader {
    private let path: String?
    private let holder: ConfigurationHolder
    private let store: StoreWriter
    private let polling: PollingService
    private let logger: Logger

    init(path: String?, holder: ConfigurationHolder, store: StoreWriter, polling: PollingService, logger: Logger) {
        self.path = path
        self.holder = holder
        self.store = store
        self.polling = polling
        self.logger = logger
    }

    func reload() async -> ReloadOutcome {
        guard let path else {
            return ReloadOutcome(applied: false, message: "no configuration file to reload (started without --config)")
        }
        let next: DaemonConfiguration
        do {
            next = try ConfigurationLoader.load(path: path)
        } catch {
            logger.error("reload rejected: the running configuration stays", metadata: ["error": "\(error)"])
            return ReloadOutcome(applied: false, message: error.description)
        }
        let current = holder.current
        var kept = next
        var notes: [String] = []
        if next.daemon != current.daemon {
            kept.daemon = current.daemon
            notes.append("[daemon] settings need a restart and were not applied")
        }
        guard kept != current else {
            return ReloadOutcome(applied: true, message: (["configuration unchanged"] + notes).joined(separator: "; "))
        }
        do {
            try await store.sync(line: kept.lineDescription, at: Clocks.wallNow())
        } catch {
            logger.error("reload failed to record the new line description", metadata: ["error": "\(error)"])
            return ReloadOutcome(applied: false, message: "store: \(error)")
        }
        holder.replace(with: kept)
        await polling.apply(plans: AcquisitionPlan.plans(for: kept))
        let message = (["configuration reloaded"] + notes).joined(separator: "; ")
        logger.notice("\(message)", metadata: ["config.path": "\(path)"])
        return ReloadOutcome(applied: true, message: message)
    }
}
