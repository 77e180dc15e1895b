import Foundation
public import Logging
import ModbusKit
import Simulator

/// `lineguard simulate`: a simulated station served over real Modbus TCP.
public enum SimulatorHost {
    /// A checked simulator run request.
    public struct Request: Sendable {
        let listen: ModbusEndpoint
        let scenario: FillingScenario
        let speed: Double
        let maxCycles: Int?
        let portFile: String?
        let waitForClient: Bool

        /// Checks the listen address and loads the scenario (built-in name or file).
        public init(
            listen: String, scenario: String, seed: UInt64?, speed: Double, maxCycles: Int?, portFile: String?,
            waitForClient: Bool = false
        ) throws(ConfigurationError) {
            guard let endpoint = ListenAddress.parse(listen) else {
                throw ConfigurationError(
                    source: "--listen",
                    issues: [.init(keyPath: "listen", value: listen, expected: "host:port (port 0 for any free port)")])
            }
            var loaded = try ScenarioLoader.load(nameOrPath: scenario)
            if let seed { loaded.seed = seed }
            self.listen = endpoint
            self.scenario = loaded
            self.speed = speed
            self.maxCycles = maxCycles
            self.portFile = portFile
            self.waitForClient = waitForClient
        }
    }

    /// Serves a whole line (seeds/lines/*.toml) with a scenario (seeds/scenarios/*.toml), one
    /// Modbus server per station, until cancelled or the scenario's line time is over. The
    /// port file gets one `station port` line per station.
    public static func runLine(
        line linePath: String, scenario scenarioPath: String, seed: UInt64?, speed: Double?, basePort: Int,
        host: String, portFile: String?, truthPath: String?, logger: Logger
    ) async throws {
        let line = try LineDefinition.load(path: linePath)
        let scenario = try ScenarioDefinition.load(path: scenarioPath)
        let simulator = try LineSimulator(
            line: line, scenario: scenario, speed: speed ?? scenario.suggestedSpeed, seed: seed, host: host,
            basePort: basePort, truthPath: truthPath, logger: logger)
        let ports = try simulator.start()
        defer { simulator.stop() }
        let listing = ports.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "\n")
        logger.info(
            "simulated line listening",
            metadata: ["line.stations": "\(ports.count)", "scenario.name": "\(scenario.name)", "ports": "\(listing)"])
        if let portFile {
            let temporary = portFile + ".tmp"
            try (listing + "\n").write(toFile: temporary, atomically: false, encoding: .utf8)
            _ = rename(temporary, portFile)
        }
        do {
            try await simulator.run()
        } catch is CancellationError {
            // A normal stop.
        }
        logger.info("simulator stopped")
    }

    /// Serves the scenario until cancelled (or its cycle count). The bound port (useful with
    /// port 0) is logged and, when asked, written to the port file once the server accepts
    /// connections.
    public static func run(_ request: Request, logger: Logger) async throws {
        let server = try ModbusServer(
            host: request.listen.host, port: request.listen.port, holdingRegisters: FillingRegisterMap.size, logger: logger)
        let port = try server.start()
        defer { server.stop() }
        logger.info(
            "simulated filling station listening",
            metadata: [
                "listen.host": "\(request.listen.host)", "listen.port": "\(port)",
                "scenario.name": "\(request.scenario.name)", "scenario.seed": "\(request.scenario.seed)",
                "speed": "\(request.speed)",
            ])
        if let portFile = request.portFile {
            // Write then rename, so that a reader never sees a half-written number.
            let temporary = portFile + ".tmp"
            try "\(port)\n".write(toFile: temporary, atomically: false, encoding: .utf8)
            _ = rename(temporary, portFile)
        }
        let simulator = FillingSimulator(
            scenario: request.scenario, speed: request.speed, maxCycles: request.maxCycles,
            waitForClient: request.waitForClient, server: server, logger: logger)
        do {
            _ = try await simulator.run()
        } catch is CancellationError {
            // A normal stop.
        }
        logger.info("simulator stopped")
    }
}
