import Foundation
import Logging
import Simulator
import Store

/// One scored run: the simulated line with a scenario and seed, and the full daemon pipeline
/// on it (real Modbus TCP on loopback, a real SQLite file), for the scenario's line time.
struct ScenarioRun: Sendable {
    let line: LineDefinition
    let scenario: ScenarioDefinition
    let seed: UInt64
    let speed: Double
    let directory: String

    /// What the run left behind for scoring.
    struct Result: Sendable {
        var truth: [TruthEvent]
        var database: String
        var speed: Double
    }

    func run(logger: Logger) async throws -> Result {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = directory + "/run.sqlite"
        let truthPath = directory + "/truth.jsonl"
        for path in [database, database + "-wal", database + "-shm", truthPath] { try? FileManager.default.removeItem(atPath: path) }
        var quiet = logger
        quiet.logLevel = .critical
        let simulator = try LineSimulator(
            line: line, scenario: scenario, speed: speed, seed: seed, basePort: 0, truthPath: truthPath, logger: quiet)
        let ports = try simulator.start()
        let text = DaemonConfigurationWriter.toml(line: line, ports: ports, database: database, speed: speed)
        let configuration = try ConfigurationLoader.load(text: text, source: "scorecard \(scenario.name)")
        let daemon = try await LineGuardDaemon(configuration: configuration, options: .init(handleSignals: false), logger: quiet)
        let daemonTask = Task { try await daemon.run() }
        try await simulator.run(lineSeconds: scenario.duration)
        await daemon.shutdown()
        try await daemonTask.value
        let lines = try String(contentsOfFile: truthPath, encoding: .utf8).split(separator: "\n")
        let decoder = JSONDecoder()
        let truth = try lines.map { try decoder.decode(TruthEvent.self, from: Data($0.utf8)) }
        return Result(truth: truth, database: database, speed: speed)
    }
}
