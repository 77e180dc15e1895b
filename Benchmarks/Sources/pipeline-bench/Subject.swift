import Foundation

/// What one subject (LineGuard, or the Python peer) reports at the end of a run.
struct SubjectSummary: Sendable {
    /// Samples the subject accepted, committed and dropped over its whole run.
    var accepted: Int
    var committed: Int
    var dropped: Int
    /// Units a counter showed it had not seen (polled too slowly for the station).
    var missedUnits: Int
    /// Failed reads (the peer's count; LineGuard records them as data-quality events).
    var readErrors: Int = 0
}

/// A program under test: started against the device farm with a poll interval and a fresh
/// database, stopped with SIGTERM, then asked what it did.
protocol Subject {
    /// The name in tables and rows.
    var name: String { get }

    /// Starts the program polling every `pollInterval` seconds into the database at `database`;
    /// returns its process id.
    func start(pollInterval: Double, database: String, farm: DeviceFarm, directory: URL) throws -> Process

    /// After the process has exited: the totals it reported and the units it missed.
    func summary(of process: Process, database: String, directory: URL) throws -> SubjectSummary
}

/// Something a subject did not do as expected (did not start, did not report).
struct SubjectError: Error, CustomStringConvertible {
    var subject: String
    var message: String
    var description: String { "\(subject): \(message)" }
}

extension Process {
    /// Sends SIGTERM and waits up to `timeout` seconds; SIGKILL after that.
    func terminateGracefully(timeout: Double = 30) {
        guard isRunning else { return }
        kill(processIdentifier, SIGTERM)
        let deadline = Monotonic.now() + timeout
        while isRunning && Monotonic.now() < deadline { Monotonic.sleep(until: Monotonic.now() + 0.02) }
        if isRunning {
            kill(processIdentifier, SIGKILL)
            waitUntilExit()
        }
    }
}
