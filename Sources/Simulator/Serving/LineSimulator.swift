import Foundation
public import Logging
import ModbusKit

/// A simulated battery line served over Modbus TCP: one `ModbusServer` per station (its own
/// port; the station's unit id), the `LineEngine` advanced by the wall clock times `speed`,
/// results latched through each station's `StationPublisher` under the server's lock, data
/// faults applied (register-level ones by the publisher, link-level ones as the server's
/// `FaultPlan`), and the ground truth written as JSON lines.
///
/// Usage: `let ports = try simulator.start()` (station name -> bound port), then
/// `try await simulator.run()` until cancelled (or `run(lineSeconds:)`), and the servers stop
/// when `run` returns.
public final class LineSimulator: Sendable {
    public let line: LineDefinition
    public let scenario: ScenarioDefinition
    public let speed: Double
    public let seed: UInt64
    public let host: String
    public let basePort: Int
    public let truthPath: String?
    private let servers: [ModbusServer]
    private let logger: Logger

    /// Checks the scenario against the line and prepares one server per station.
    /// - Parameters:
    ///   - speed: line seconds per wall second (1 = real time; 180 plays three hours in a minute).
    ///   - seed: overrides the scenario's seed.
    ///   - basePort: station ports are `basePort + port_offset`; 0 gives every station an
    ///     ephemeral port.
    ///   - truthPath: where the ground truth goes (JSON lines); nil: not written.
    /// - Throws: `DefinitionError` (the scenario does not fit the line), `SimulatorError`.
    public init(
        line: LineDefinition, scenario: ScenarioDefinition, speed: Double, seed: UInt64? = nil, host: String = "127.0.0.1",
        basePort: Int = 0, truthPath: String? = nil, logger: Logger
    ) throws {
        guard speed.isFinite, speed > 0 else {
            throw SimulatorError(operation: "configure", subject: "speed", message: "\(speed) is not a positive factor")
        }
        try scenario.validate(against: line)
        self.line = line
        self.scenario = scenario
        self.speed = speed
        self.seed = seed ?? scenario.seed
        self.host = host
        self.basePort = basePort
        self.truthPath = truthPath
        self.logger = logger
        var servers: [ModbusServer] = []
        for station in line.stations {
            let port = basePort == 0 ? 0 : basePort + station.portOffset
            guard (0...65535).contains(port) else {
                throw SimulatorError(operation: "configure", subject: station.name, message: "port \(port) is outside 0...65535")
            }
            do {
                servers.append(
                    try ModbusServer(
                        host: host, port: port, unit: station.unit, coils: 0, discreteInputs: 0,
                        holdingRegisters: station.registerCount, inputRegisters: 0, logger: logger))
            } catch {
                throw SimulatorError(operation: "create server", subject: station.name, message: error.description)
            }
        }
        self.servers = servers
    }

    /// Starts every station's server; returns station name -> bound port.
    public func start() throws(SimulatorError) -> [String: Int] {
        var ports: [String: Int] = [:]
        for (station, server) in zip(line.stations, servers) {
            do {
                ports[station.name] = try server.start()
            } catch {
                servers.forEach { $0.stop() }
                throw SimulatorError(operation: "listen", subject: "\(station.name) on \(host)", message: error.description)
            }
        }
        logger.info(
            "simulated line listening",
            metadata: [
                "line.name": "\(line.name)", "scenario.name": "\(scenario.name)", "scenario.seed": "\(seed)", "speed": "\(speed)",
                "ports": "\(ports.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))",
            ])
        return ports
    }

    /// Stops every server (also done when `run` returns).
    public func stop() { servers.forEach { $0.stop() } }

    /// A copy of `count` holding registers of station `name` from `address` (for checks and tests).
    public func registers(station name: String, address: UInt16 = 0, count: Int) -> [UInt16]? {
        guard let index = line.stations.firstIndex(where: { $0.name == name }) else { return nil }
        return servers[index].withRegisters { bank in bank.values(.holdingRegister, at: address, count: count) }
    }

    /// Runs until cancelled. Returns normally on cancellation, after writing the closing truth.
    public func run() async throws { try await run(lineSeconds: nil) }

    /// Runs until `lineSeconds` of line time have passed (nil: until cancelled), then stops the
    /// servers. Call `start()` first.
    public func run(lineSeconds: Double?) async throws {
        defer { stop() }
        var engine = try LineEngine(line: line, scenario: scenario, seed: seed)
        var publishers = line.stations.map(StationPublisher.init)
        var applied: [Set<String>] = Array(repeating: [], count: servers.count)
        let clock = ContinuousClock()
        let start = clock.now
        let truth = try TruthWriter(path: truthPath, wallStart: Date(), speed: speed)
        var started = engine.drainTruth()
        if let index = started.indices.first {
            started[index].detail = (started[index].detail ?? "") + ", speed \(speed)"
        }
        try truth.write(started)
        // Wake at least every 100 ms (heartbeat) and once per fastest result period; every
        // millisecond while a station that holds results until acknowledged has results
        // waiting, so that it shows the next one soon after the acknowledge.
        let fastest = line.stations.map(\.periodSeconds).min() ?? 1
        let regularTick = max(0.001, min(0.1, fastest / speed / 2))
        var wake = 0.0
        while !Task.isCancelled {
            let elapsed = Self.seconds(clock.now - start)
            var now = elapsed * speed
            if let lineSeconds { now = min(now, lineSeconds) }
            let records = engine.advance(to: now)
            try truth.write(Self.unshown(records, line: line))
            for record in records {
                let lost = publishers[record.stationIndex].offer(record)
                if lost > 0 {
                    var event = TruthEvent(event: "results_lost", lineTime: record.lineTime)
                    event.station = record.station
                    event.units = lost
                    try truth.write([event])
                }
            }
            try truth.write(engine.drainTruth())
            publish(&publishers, engine: engine, at: now, ticks: Int(elapsed * 10), applied: &applied)
            if let lineSeconds, now >= lineSeconds { break }
            let tick = publishers.contains { $0.latch.waiting > 0 } ? 0.001 : regularTick
            wake += tick
            if wake < elapsed { wake = elapsed + tick }
            do {
                try await Task.sleep(until: start + .nanoseconds(Int64(wake * 1e9)), clock: clock)
            } catch {
                break
            }
        }
        try truth.write(engine.finish())
        logger.info("simulated line stopped", metadata: ["line.time_s": "\(Int(engine.lineTime))"])
    }

    /// Writes every station's image and applies link-level faults.
    private func publish(
        _ publishers: inout [StationPublisher], engine: LineEngine, at now: Double, ticks: Int, applied: inout [Set<String>]
    ) {
        for (index, station) in line.stations.enumerated() {
            let faults = engine.dataFaults(station: station.name, at: now)
            let linkFaults = faults.filter(\.kind.isLinkLevel)
            let ids = Set(linkFaults.map(\.id))
            if ids != applied[index] {
                applied[index] = ids
                servers[index].faults = FaultPlan(rules: linkFaults.map { LinkFaultRule.rule($0, now: now, speed: speed) })
                logger.info(
                    "station link faults changed",
                    metadata: ["station.name": "\(station.name)", "faults": "\(ids.sorted().joined(separator: ","))"])
            }
            let running = engine.isRunning(station: index, at: now)
            let stopped = engine.isStopped(station: index, at: now)
            servers[index].withRegisters { bank in
                let acknowledge = station.map.acknowledge.map { bank.holdingRegisters[$0] }
                let writes = publishers[index].image(
                    heartbeatTicks: ticks, running: running, stopped: stopped, dataFaults: faults, acknowledge: acknowledge)
                for write in writes { bank.set(write.words, .holdingRegister, at: write.address) }
            }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
