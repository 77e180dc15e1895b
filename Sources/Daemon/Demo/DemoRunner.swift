import Foundation
public import Logging
import ModbusKit
public import Store

/// `lineguard demo`: the simulator as a child process on a free loopback port, the daemon in
/// this process on the embedded demo configuration, until the stepped nozzle has been caught
/// (a defect and its lot on hold) or the time limit passes; then both stop cleanly and the
/// status is printed.
public enum DemoRunner {
    public struct Outcome: Sendable {
        public var database: String
        public var detected: Bool
        public var seconds: Double
        public var report: StatusReport
    }

    /// - Parameters:
    ///   - executable: this program, started again as `simulate`.
    ///   - directory: where the database and the simulator's log go (created if needed).
    public static func run(
        executable: String, directory: String, speed: Double, timeout: Duration, logger: Logger
    ) async throws -> Outcome {
        let files = FileManager.default
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = directory + "/lineguard-demo.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? files.removeItem(atPath: database + suffix) }
        let portFile = directory + "/simulator.port"
        try? files.removeItem(atPath: portFile)
        let simulatorLog = directory + "/simulator.log"

        let simulator = Process()
        simulator.executableURL = URL(fileURLWithPath: executable)
        simulator.arguments = [
            "simulate", "--listen", "127.0.0.1:0", "--port-file", portFile, "--wait-for-client", "--scenario", "filling-nozzle-step",
            "--speed", "\(speed)",
        ]
        _ = files.createFile(atPath: simulatorLog, contents: nil)
        simulator.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: simulatorLog))
        simulator.standardOutput = FileHandle.nullDevice
        try simulator.run()
        defer {
            if simulator.isRunning {
                simulator.terminate()
                simulator.waitUntilExit()
            }
        }
        let port = try await waitForPort(portFile, simulator: simulator, log: simulatorLog)
        logger.notice("simulator started", metadata: ["listen.port": "\(port)", "simulator.log": "\(simulatorLog)"])

        var configuration = try ConfigurationLoader.load(text: EmbeddedConfiguration.demo, source: "embedded config/demo.toml")
        configuration.daemon.database = database
        for index in configuration.devices.indices {
            configuration.devices[index].endpoint = ModbusEndpoint(host: "127.0.0.1", port: port)
        }
        let daemon = try await LineGuardDaemon(
            configuration: configuration, options: .init(handleSignals: false), logger: logger)
        let running = Task { try await daemon.run() }

        let clock = ContinuousClock()
        let start = clock.now
        var detected = false
        while clock.now - start < timeout {
            try await Task.sleep(for: .milliseconds(500))
            if let report = try? StoreReader(path: database).status(),
                !report.defects.isEmpty, !report.heldLots.isEmpty
            {
                detected = true
                break
            }
            if !simulator.isRunning { break }
        }
        let seconds = Double((clock.now - start).components.seconds)
        // A little longer, so that the status shows the step's effect beyond the first cell.
        if detected { try await Task.sleep(for: .seconds(1)) }
        await daemon.shutdown()
        try await running.value
        simulator.terminate()
        simulator.waitUntilExit()
        let report = try StoreReader(path: database).status()
        return Outcome(database: database, detected: detected, seconds: seconds, report: report)
    }

    private static func waitForPort(_ path: String, simulator: Process, log: String) async throws -> Int {
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
                let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return port
            }
            if !simulator.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        let tail = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        throw DemoError(message: "the simulator did not start listening:\n" + tail.suffix(2000))
    }
}

/// The demo could not run.
public struct DemoError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
