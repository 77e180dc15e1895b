public import Logging
public import ModbusKit

/// Serves a `FillingStation` over Modbus TCP: a filling cycle every `cycleSeconds / speed`
/// seconds of wall time, the heartbeat every 100 ms, all written under the server's lock so that
/// a client's read sees one consistent cycle.
public struct FillingSimulator: Sendable {
    public let scenario: FillingScenario
    /// How much faster than real time the line runs (1 = real time).
    public let speed: Double
    /// Stop after this many cycles (nil: run until cancelled).
    public let maxCycles: Int?
    /// Start the line only once a client has sent its first request, so that a poller that
    /// starts late sees the line from its first cell (tests and demos).
    public let waitForClient: Bool
    private let server: ModbusServer
    private let logger: Logger

    public init(
        scenario: FillingScenario, speed: Double, maxCycles: Int? = nil, waitForClient: Bool = false, server: ModbusServer,
        logger: Logger
    ) {
        self.scenario = scenario
        self.speed = speed
        self.maxCycles = maxCycles
        self.waitForClient = waitForClient
        self.server = server
        self.logger = logger
    }

    /// Runs until cancelled (or `maxCycles`); returns the ground truth of the run.
    public func run() async throws -> [FillingTruthEvent] {
        var station = FillingStation(scenario: scenario)
        publish(station: station, heartbeat: 0)
        if waitForClient {
            logger.info("waiting for the first client request before starting the line")
            while server.statistics.requests == 0 { try await Task.sleep(for: .milliseconds(10)) }
        }
        let cycleNanos = UInt64(scenario.cycleSeconds / speed * 1e9)
        let heartbeatNanos: UInt64 = 100_000_000
        let clock = ContinuousClock()
        let start = clock.now
        var nextCycle = UInt64(cycleNanos)
        var heartbeat: UInt16 = 0
        var nextHeartbeat = heartbeatNanos
        var reported = 0
        while !Task.isCancelled {
            if let maxCycles, station.cycle >= maxCycles { break }
            let wake = min(nextCycle, nextHeartbeat)
            try await Task.sleep(until: start + .nanoseconds(Int64(wake)), clock: clock)
            let elapsed = UInt64((clock.now - start).nanoseconds)
            while elapsed >= nextHeartbeat {
                heartbeat &+= 1
                nextHeartbeat += heartbeatNanos
            }
            if elapsed >= nextCycle {
                // One cycle per tick: a late tick does not fill several cells at once.
                _ = station.advance()
                nextCycle += cycleNanos
                if nextCycle <= elapsed { nextCycle = elapsed + cycleNanos }
            }
            publish(station: station, heartbeat: heartbeat)
            for event in station.truth.dropFirst(reported) {
                logger.info(
                    "ground truth",
                    metadata: [
                        "truth.kind": "\(event.kind.rawValue)", "truth.nozzle": "\(event.nozzle + 1)",
                        "truth.cell": "\(event.cell)", "lot.id": "\(event.lot)",
                    ])
            }
            reported = station.truth.count
        }
        return station.truth
    }

    private func publish(station: FillingStation, heartbeat: UInt16) {
        let lot = RegisterCodec.encode(
            string: station.lotID(forCycle: max(1, station.cycle)), registers: FillingRegisterMap.lotIDRegisters)
        let weights = station.lastWeights.map { RegisterCodec.encode($0, as: .float32, order: .abcd) }
        let counter = RegisterCodec.encode(Double(station.cycle), as: .uint32, order: .abcd)
        server.withRegisters { bank in
            bank.holdingRegisters[FillingRegisterMap.heartbeat] = heartbeat
            bank.holdingRegisters[FillingRegisterMap.statusWord] = 1
            bank.holdingRegisters.store(counter, at: FillingRegisterMap.cycleCounter)
            bank.holdingRegisters.store(lot, at: FillingRegisterMap.lotID)
            for (nozzle, words) in weights.enumerated() {
                bank.holdingRegisters.store(words, at: FillingRegisterMap.weight(nozzle: nozzle))
                bank.holdingRegisters.store(counter, at: FillingRegisterMap.counter(nozzle: nozzle))
            }
        }
    }
}

extension RegisterTable {
    /// Stores consecutive registers from `address` on.
    mutating func store(_ words: [UInt16], at address: UInt16) {
        for (offset, word) in words.enumerated() { self[address + UInt16(offset)] = word }
    }
}

extension Duration {
    /// The whole duration in nanoseconds (saturating for durations beyond about 292 years).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
