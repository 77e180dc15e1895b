import Foundation
import LineModel
import Logging
import ModbusKit
import Simulator
import Testing

@Suite struct LineSimulatorTests {
    static let logger = Logger(label: "test.simulator")
    static let options = DeviceOptions(
        responseTimeout: .milliseconds(200), connectTimeout: .milliseconds(300), busyRetries: 0, backoffInitial: .milliseconds(10),
        backoffMax: .milliseconds(50), backoffJitter: 0)

    static func point(_ name: String, _ address: UInt16, _ type: ValueType, _ order: ByteOrder = .abcd) -> PointDefinition {
        PointDefinition(name: name, unit: 1, kind: .holdingRegister, address: address, type: type, order: order)
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("lineguard-sim-\(UUID().uuidString)-\(name)").path
    }

    @Test func sameSeedSameRegistersOverTheServers() async throws {
        let scenario = try Fixtures.scenario("coating-drift")
        var images: [[String: [UInt16]]] = []
        for _ in 0..<2 {
            let simulator = try LineSimulator(line: Fixtures.line, scenario: scenario, speed: 20_000, logger: Self.logger)
            _ = try simulator.start()
            try await simulator.run(lineSeconds: 2400)
            var image: [String: [UInt16]] = [:]
            for station in Fixtures.line.stations {
                var registers = simulator.registers(station: station.name, count: station.registerCount) ?? []
                registers[Int(station.map.heartbeat)] = 0
                image[station.name] = registers
            }
            images.append(image)
        }
        #expect(images[0] == images[1])
        #expect(images[0]["coating"]?[3] != 0 || images[0]["coating"]?[2] != 0, "the sequence counter moved")
    }

    @Test func aPollerReadsConsistentBlocksAndTheTruthIsWritten() async throws {
        let truthPath = Self.temporaryPath("truth.jsonl")
        defer { try? FileManager.default.removeItem(atPath: truthPath) }
        let simulator = try LineSimulator(
            line: Fixtures.line, scenario: try Fixtures.scenario("baseline"), speed: 60, truthPath: truthPath, logger: Self.logger)
        let ports = try simulator.start()
        #expect(Set(ports.keys) == Set(Fixtures.line.stations.map(\.name)))
        // Runs until the checks are done (a fixed line time would end early on a loaded machine).
        let run = Task { try await simulator.run() }
        var options = DeviceOptions(
            responseTimeout: .milliseconds(200), connectTimeout: .milliseconds(300), maxGap: 100, busyRetries: 0,
            backoffInitial: .milliseconds(10), backoffMax: .milliseconds(50), backoffJitter: 0)
        // Filling and grading hold each result until the poller echoes its counter to register 6.
        options.writeTargets = [WriteTarget(unit: 1, kind: .holdingRegister, address: 6)]
        // Filling: per-nozzle counters and cell serials in one request (200...315).
        let filling = ModbusDevice(endpoint: ModbusEndpoint(host: "127.0.0.1", port: ports["filling"] ?? 0), options: options, logger: Self.logger)
        var fillingPoints: [PointDefinition] = []
        for nozzle in 0..<8 {
            fillingPoints.append(Self.point("counter\(nozzle)", 200 + UInt16(2 * nozzle), .uint32))
            fillingPoints.append(Self.point("serial\(nozzle)", 300 + UInt16(2 * nozzle), .uint32))
        }
        let fillingPlan = RequestPlanner.plan(fillingPoints, options: options)
        #expect(fillingPlan.count == 1)
        // Grading: sequence counter, cell serial and values in one request (2...107).
        let grading = ModbusDevice(endpoint: ModbusEndpoint(host: "127.0.0.1", port: ports["grading"] ?? 0), options: options, logger: Self.logger)
        let gradingPoints = [
            Self.point("sequence", 2, .uint32), Self.point("cell", 20, .string(registers: 8)), Self.point("capacity", 100, .float32),
        ]
        let gradingPlan = RequestPlanner.plan(gradingPoints, options: options)
        #expect(gradingPlan.count == 1)
        var sequences: Set<Double> = []
        for _ in 0..<40 {
            let readings = await filling.poll(fillingPlan) + (await grading.poll(gradingPlan))
            let allGood = readings.allSatisfy { $0.quality.isGood }
            #expect(allGood)
            var values: [String: PointValue] = [:]
            for reading in readings { values[reading.name] = reading.value }
            let counter = values["counter0"]?.doubleValue ?? .nan
            for nozzle in 0..<8 where counter > 0 {
                #expect(values["counter\(nozzle)"]?.doubleValue == counter)
                #expect(values["serial\(nozzle)"]?.doubleValue == (counter - 1) * 8 + Double(nozzle + 1))
            }
            let sequence = values["sequence"]?.doubleValue ?? 0
            sequences.insert(sequence)
            if sequence > 0 {
                #expect(values["cell"] == .text(StationRecord.cellSerial(UInt32(10_000_000 + sequence))))
                #expect((77.0...81.0).contains(values["capacity"]?.doubleValue ?? 0))
            }
            if counter > 0 { try await filling.writeRegister(unit: 1, address: 6, value: UInt16(truncatingIfNeeded: Int(counter))) }
            if sequence > 0 { try await grading.writeRegister(unit: 1, address: 6, value: UInt16(truncatingIfNeeded: Int(sequence))) }
            try await Task.sleep(for: .milliseconds(25))
        }
        await filling.close()
        await grading.close()
        #expect(sequences.count > 3, "results kept coming: \(sequences.sorted())")
        // The dry room's first reading comes after 60 line seconds (1 s here).
        let dryRoom = ModbusDevice(endpoint: ModbusEndpoint(host: "127.0.0.1", port: ports["dry_room"] ?? 0), options: options, logger: Self.logger)
        let dewPlan = RequestPlanner.plan([Self.point("sequence", 2, .uint32, .cdab), Self.point("dew", 100, .float32, .cdab)], options: options)
        var dew: Double?
        for _ in 0..<100 where dew == nil {
            let readings = await dryRoom.poll(dewPlan)
            if (readings.first?.value?.doubleValue ?? 0) > 0 { dew = readings.last?.value?.doubleValue } else {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        await dryRoom.close()
        #expect(dew.map { (-60.0 ... -36.0).contains($0) } == true, "dew point \(String(describing: dew))")
        run.cancel()
        try await run.value
        let lines = try String(contentsOfFile: truthPath, encoding: .utf8).split(separator: "\n")
        let events = try lines.map { try JSONDecoder().decode(TruthEvent.self, from: Data($0.utf8)) }
        #expect(events.first?.event == "run_started")
        #expect(events.last?.event == "run_stopped")
        #expect(events.allSatisfy { $0.wallTime != nil && $0.wallEpoch != nil })
        #expect(events.contains { $0.event == "lot_started" && $0.lotKind == "cell_batch" })
    }

    @Test func linkFaultsReachTheWire() async throws {
        let scenario = ScenarioDefinition(
            name: "link-faults", duration: 60,
            faults: [
                FaultDefinition(id: "busy", kind: .exception, station: "coating", start: 20, parameters: ["code": 6]),
                FaultDefinition(id: "off", kind: .offline, station: "grading", start: 20),
            ])
        let simulator = try LineSimulator(line: Fixtures.line, scenario: scenario, speed: 40, logger: Self.logger)
        let ports = try simulator.start()
        // Until cancelled: a fixed line time could end before the checks on a loaded machine.
        let run = Task { try await simulator.run() }
        let coating = ModbusDevice(endpoint: ModbusEndpoint(host: "127.0.0.1", port: ports["coating"] ?? 0), options: Self.options, logger: Self.logger)
        let grading = ModbusDevice(endpoint: ModbusEndpoint(host: "127.0.0.1", port: ports["grading"] ?? 0), options: Self.options, logger: Self.logger)
        let plan = RequestPlanner.plan([Self.point("heartbeat", 0, .uint16)], options: Self.options)
        let before = (await coating.poll(plan), await grading.poll(plan))
        #expect(before.0.first?.quality == .good)
        #expect(before.1.first?.quality == .good)
        try await Task.sleep(for: .milliseconds(900))
        let after = (await coating.poll(plan), await grading.poll(plan))
        #expect(after.0.first?.quality == .deviceException(code: 6))
        #expect(after.1.first?.quality == .commError)
        await coating.close()
        await grading.close()
        run.cancel()
        try await run.value
    }
}
