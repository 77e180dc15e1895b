import Dispatch
import Synchronization
import Foundation
import Logging

/// Runs `body` and cancels it on SIGTERM or SIGINT, so that the daemon can drain and commit
/// before exiting. A second signal while draining exits at once with status 1.
func withShutdownSignals(logger: Logger, _ body: @escaping @Sendable () async throws -> Void) async throws {
    let task = Task { try await body() }
    let seen = SignalCounter()
    let sources = [SIGTERM, SIGINT].map { signalNumber -> any DispatchSourceSignal in
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
        source.setEventHandler {
            if seen.increment() > 1 {
                logger.critical("second signal while stopping: exiting now")
                exit(1)
            }
            logger.notice("signal received: stopping", metadata: ["signal": "\(signalNumber)"])
            task.cancel()
        }
        source.resume()
        return source
    }
    defer { sources.forEach { $0.cancel() } }
    try await task.value
}

/// Counts shutdown signals across both signal sources.
private final class SignalCounter: Sendable {
    private let count = Mutex(0)

    func increment() -> Int {
        count.withLock { value in
            value += 1
            return value
        }
    }
}

/// Prints to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
