import Logging
import ServiceLifecycle
import UnixSignals

/// The result of a configuration reload.
public struct ReloadOutcome: Sendable {
    public var applied: Bool
    public var message: String
}

/// Reloads the configuration on SIGHUP (the control API's `/v1/reload` does the same).
struct ReloadService: Service {
    let reload: @Sendable () async -> ReloadOutcome

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            _ = await reload()
        }
    }
}
