import Foundation
import Store

/// A simulated filling station and a daemon on it, both the real binary on loopback, with the
/// demo configuration adapted: its own database, control socket and optional extra keys.
final class LineFixture {
    let directory: String
    let simulator: LineGuardProcess
    let port: Int
    let configPath: String
    let database: String
    let socket: String
    private(set) var daemon: LineGuardProcess?

    /// - Parameters:
    ///   - daemonKeys: extra lines for the `[daemon]` table.
    ///   - appendix: extra tables at the end (interlocks).
    init(
        scenario: String = "filling-nozzle-step", speed: Double = 20, daemonKeys: String = "", appendix: String = ""
    ) async throws {
        directory = NSTemporaryDirectory() + "lineguard-it-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let portFile = directory + "/port"
        simulator = try LineGuardProcess.start(
            ["simulate", "--listen", "127.0.0.1:0", "--port-file", portFile, "--wait-for-client", "--scenario", scenario, "--speed", "\(speed)"],
            stderrPath: directory + "/simulator.log")
        var found: Int?
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8),
                let value = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                found = value
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        guard let found else {
            _ = simulator.stop()
            throw FixtureError(message: "simulator did not start: \(simulator.log)")
        }
        port = found
        database = directory + "/line.sqlite"
        socket = directory + "/control.sock"
        configPath = directory + "/line.toml"
        try writeConfiguration(daemonKeys: daemonKeys, appendix: appendix)
    }

    /// Writes the configuration file (again), e.g. before a reload.
    func writeConfiguration(daemonKeys: String = "", appendix: String = "", transform: (String) -> String = { $0 }) throws {
        let demo = try String(contentsOfFile: SkeletonEndToEndTests.repoFile("config/demo.toml"), encoding: .utf8)
        let text = demo
            .replacingOccurrences(of: "127.0.0.1:15020", with: "127.0.0.1:\(port)")
            .replacingOccurrences(
                of: "database = \"lineguard-demo.sqlite\"",
                with: "database = \"\(database)\"\ncontrol_socket = \"\(socket)\"\n\(daemonKeys)")
        try (transform(text) + "\n" + appendix).write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Starts the daemon and waits until its control socket answers.
    func startDaemon(environment: [String: String] = [:]) async throws {
        daemon = try LineGuardProcess.start(
            ["run", "--config", configPath], stderrPath: directory + "/daemon.log", environment: environment)
        for _ in 0..<200 {
            if FileManager.default.fileExists(atPath: socket) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw FixtureError(message: "daemon did not open its control socket: \(daemon?.log ?? "")")
    }

    /// Waits until `condition` holds on the store's status (or the time runs out).
    func waitFor(seconds: Double = 40, _ condition: (StatusReport) -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let status = try? StoreReader(path: database).status(), condition(status) { return true }
            try await Task.sleep(for: .milliseconds(250))
        }
        return false
    }

    /// Runs the CLI against this daemon's control socket.
    func cli(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try LineGuardProcess.run(arguments + ["--socket", socket, "--actor", "it-test"])
    }

    func stop() -> (daemon: Int32?, simulator: Int32?) {
        let daemonStatus = daemon?.stop()
        let simulatorStatus = simulator.stop()
        return (daemonStatus, simulatorStatus)
    }

    deinit {
        _ = stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
