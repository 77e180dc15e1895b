import Foundation
import Logging
import ModbusKit
import Simulator
import Store

/// One scored run: the simulated line with a scenario and seed, and the full daemon pipeline
/// on it (real Modbus TCP on loopback, a real SQLite file), for the scenario's line time.
struct ScenarioRun: Sendable {
    let line: LineDefinition
    let scenario: ScenarioDefinition
    let seed: UInt64
    let speed: Double
    /// Limits from the line study for the generated configuration.
    let study: LineStudy?
    let directory: String
    /// A configuration for the line to use instead of generating one (its devices'
    /// endpoints are pointed at the simulator's ports, its database at the run's).
    var template: DaemonConfiguration? = nil
    /// The database file's name in `directory`.
    var databaseName = "run.sqlite"

    /// What the run left behind for scoring.
    struct Result: Sendable {
        var truth: [TruthEvent]
        var database: String
        var speed: Double
        /// The daemon configuration the run was judged with (for the design false-signal rate).
        var configuration: DaemonConfiguration
        /// The scenario's faults (for what each affects downstream).
        var faults: [FaultDefinition]
        /// What was played, for replaying the line's true values.
        var line: LineDefinition
        var scenario: ScenarioDefinition
        var seed: UInt64
    }

    func run(logger: Logger) async throws -> Result {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let database = directory + "/" + databaseName
        let truthPath = directory + "/truth.jsonl"
        for path in [database, database + "-wal", database + "-shm", truthPath] { try? FileManager.default.removeItem(atPath: path) }
        var quiet = logger
        quiet.logLevel = .critical
        let simulator = try LineSimulator(
            line: line, scenario: scenario, speed: speed, seed: seed, basePort: 0, truthPath: truthPath, logger: quiet)
        let ports = try simulator.start()
        var configuration: DaemonConfiguration
        if var template {
            template.daemon.database = database
            for station in line.stations {
                guard let port = ports[station.name],
                    let index = template.devices.firstIndex(where: { $0.name == DaemonConfigurationWriter.device(station) })
                else { continue }
                template.devices[index].endpoint = ModbusEndpoint(host: "127.0.0.1", port: port)
            }
            configuration = template
        } else {
            let text = DaemonConfigurationWriter.toml(line: line, ports: ports, database: database, speed: speed, study: study)
            configuration = try ConfigurationLoader.load(text: text, source: "scorecard \(scenario.name)")
        }
        let daemon = try await LineGuardDaemon(configuration: configuration, options: .init(handleSignals: false), logger: quiet)
        let daemonTask = Task { try await daemon.run() }
        try await simulator.run(lineSeconds: scenario.duration)
        await daemon.shutdown()
        try await daemonTask.value
        let lines = try String(contentsOfFile: truthPath, encoding: .utf8).split(separator: "\n")
        let decoder = JSONDecoder()
        let truth = try lines.map { try decoder.decode(TruthEvent.self, from: Data($0.utf8)) }
        return Result(truth: truth, database: database, speed: speed, configuration: configuration, faults: scenario.faults, line: line,
            scenario: scenario, seed: seed)
    }
}
