import Foundation
public import Logging
import Simulator
import Synchronization

/// `lineguard faults run`: the daemon against the simulated line while the simulator injects
/// the link faults of a scenario (offline, slow replies, exception bursts, garbage, truncated
/// frames, late replies, half-open connections, PLC restarts) on a schedule. Both run in this
/// process on loopback (real Modbus TCP, a real SQLite file), like the scorecard; the record
/// is then read back and every fault judged (`FaultCheck`): the daemon stayed up, the other
/// stations lost no unit, the faulted station was back within 2 s of the fault's end, no bad
/// value entered SPC or became a defect, and the fault left a data-quality event.
public enum FaultCampaign {
    /// Runs `scenarioPath` on `linePath` at the scenario's speed; files go to `workDirectory`.
    public static func run(
        line linePath: String, scenario scenarioPath: String, workDirectory: String, logger: Logger
    ) async throws -> FaultCampaignReport {
        let line = try LineDefinition.load(path: linePath)
        let scenario = try ScenarioDefinition.load(path: scenarioPath)
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        let database = workDirectory + "/faults.sqlite"
        let truthPath = workDirectory + "/truth.jsonl"
        for path in [database, database + "-wal", database + "-shm", truthPath] { try? FileManager.default.removeItem(atPath: path) }
        var quiet = logger
        quiet.logLevel = .critical
        let speed = scenario.suggestedSpeed
        let simulator = try LineSimulator(
            line: line, scenario: scenario, speed: speed, basePort: 0, truthPath: truthPath, logger: quiet)
        let ports = try simulator.start()
        let text = DaemonConfigurationWriter.toml(line: line, ports: ports, database: database, speed: speed)
        let configuration = try ConfigurationLoader.load(text: text, source: "fault campaign \(scenario.name)")
        let daemon = try await LineGuardDaemon(configuration: configuration, options: .init(handleSignals: false), logger: quiet)
        let ended = EndMark()
        let daemonTask = Task {
            defer { ended.mark() }
            try await daemon.run()
        }
        let started = Date().timeIntervalSince1970
        logger.notice("fault campaign started", metadata: ["scenario.name": "\(scenario.name)", "faults": "\(scenario.faults.count)"])
        try await simulator.run(lineSeconds: scenario.duration)
        let daemonEnded = ended.time
        await daemon.shutdown()
        try await daemonTask.value
        let truth = try String(contentsOfFile: truthPath, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(TruthEvent.self, from: Data($0.utf8))
        }
        let runStart = truth.first { $0.event == "run_started" }?.wallEpoch ?? started
        let runEnd = truth.last { $0.event == "run_stopped" }?.wallEpoch ?? Date().timeIntervalSince1970
        let evaluator = try FaultCampaignEvaluator(truth: truth, database: database, stations: line.stations.map(\.name))
        let began = truth.filter { $0.event == "fault_began" }
        let windows = began.map { evaluator.window($0, runStart: runStart, runEnd: runEnd) }
        let checks = began.map {
            evaluator.check($0, runStart: runStart, runEnd: runEnd, daemonEnded: daemonEnded, windows: windows)
        }
        return FaultCampaignReport(
            scenario: scenario.name, speed: speed, wallSeconds: Date().timeIntervalSince1970 - started,
            daemonSurvived: daemonEnded == nil, badPointsCharted: evaluator.badPointsCharted(), faults: checks)
    }
}

/// When the daemon's run ended (nil: still running), set from its task.
private final class EndMark: Sendable {
    private let ended = Mutex<Double?>(nil)
    func mark() { ended.withLock { $0 = Date().timeIntervalSince1970 } }
    var time: Double? { ended.withLock { $0 } }
}
