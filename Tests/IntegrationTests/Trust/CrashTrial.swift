import Foundation
import LineModel
import Store

/// The daemon of the crash trials: launched again after every SIGKILL on the same
/// configuration and database, each start with its own log.
struct CrashTrial {
    let line: LineFixture
    private(set) var daemon: LineGuardProcess?
    private(set) var socketReady = false
    private(set) var logPaths: [String] = []

    init(line: LineFixture) { self.line = line }

    /// Starts the daemon; optionally waits until its control socket is there.
    mutating func launch(waitForSocket: Bool, environment: [String: String] = [:]) async throws {
        // A killed daemon leaves its socket file behind: remove it so that readiness is seen.
        try? FileManager.default.removeItem(atPath: line.socket)
        let path = line.directory + "/daemon-\(logPaths.count).log"
        daemon = try LineGuardProcess.start(["run", "--config", line.configPath], stderrPath: path, environment: environment)
        logPaths.append(path)
        socketReady = false
        if waitForSocket { try await self.waitForSocket() }
    }

    mutating func waitForSocket() async throws {
        for _ in 0..<600 {
            if FileManager.default.fileExists(atPath: line.socket) {
                socketReady = true
                return
            }
            guard daemon?.process.isRunning == true else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw FixtureError(message: "the restarted daemon did not open its control socket: \(log.suffix(3000))")
    }

    /// SIGKILL, and waits until the process is gone.
    mutating func kill() {
        guard let daemon else { return }
        _ = Foundation.kill(daemon.process.processIdentifier, SIGKILL)
        daemon.process.waitUntilExit()
        self.daemon = nil
    }

    /// SIGTERM; the exit status (nil: it hung).
    mutating func stop() -> Int32? {
        defer { daemon = nil }
        return daemon?.stop(timeout: 20)
    }

    /// The log of the latest start.
    var log: String { logs.last ?? "" }

    var logs: [String] { logPaths.map { (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "" } }

    /// Puts a held lot that has ended on hold once more and scraps it, through the CLI, as a
    /// review board would. Returns false when no such lot exists yet; appends what went wrong.
    func holdAndScrapAFinishedLot(note: String, failures: inout [String]) throws -> Bool {
        let reader = try StoreReader(path: line.database)
        defer { reader.close() }
        guard let lot = try reader.lots(status: .onHold).first(where: { $0.endedAt != nil }) else { return false }
        let hold = try line.cli(["hold", lot.id, "--reason", note])
        if hold.status != 0 { failures.append("\(note): hold \(lot.id) exited \(hold.status): \(hold.stderr)") }
        let scrap = try line.cli(["disposition", lot.id, "--as", "scrap", "--note", note])
        if scrap.status != 0 { failures.append("\(note): scrap \(lot.id) exited \(scrap.status): \(scrap.stderr)") }
        // Acknowledged means committed: the record shows it before anything else happens.
        let dispositions = try reader.dispositions(lot: LotID(lot.id))
        if !dispositions.contains(where: { $0.decision == "scrap" && $0.decidedBy.hasPrefix("it-test (uid ") }) {
            failures.append("\(note): the acknowledged scrap of \(lot.id) is not in the record")
        }
        return true
    }
}
